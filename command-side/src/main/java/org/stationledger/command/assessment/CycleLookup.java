package org.stationledger.command.assessment;

import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stationledger.command.LookupGroup;
import org.stationledger.events.assessment.CycleClosed;
import org.stationledger.events.assessment.CycleOpened;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.assessment.IndicatorProposed;
import org.stationledger.events.assessment.PlanApproved;
import org.stationledger.events.assessment.SchemePublished;

/** The cycles' look-up tables, kept in the same transaction as the cycles' events. */
@Component
@ProcessingGroup(LookupGroup.NAME)
class CycleLookup implements Cycles {

    private final JdbcTemplate jdbc;

    CycleLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CycleOpened event) {
        jdbc.update("INSERT INTO cmd_cycle (year, status, visit_cap, comment_window_days) VALUES (?, 'OPEN', ?, ?)",
                event.year(), event.visitCap(), event.commentWindowDays());
    }

    @EventHandler
    void on(IndicatorProposed event) {
        jdbc.update("INSERT INTO cmd_indicator (year, indicator_id, department_id, max_points, kind) VALUES (?, ?, ?, ?, ?)",
                event.year(), event.indicatorId(), event.departmentId(), event.maxPoints(), event.kind().name());
    }

    @EventHandler
    void on(SchemePublished event) {
        jdbc.update("UPDATE cmd_cycle SET scheme_published = TRUE WHERE year = ?", event.year());
    }

    @EventHandler
    void on(PlanApproved event) {
        jdbc.update("UPDATE cmd_cycle SET plan_approved = TRUE WHERE year = ?", event.year());
    }

    @EventHandler
    void on(CycleClosed event, @Timestamp Instant closedAt) {
        jdbc.update("UPDATE cmd_cycle SET status = 'CLOSED', closed_at = ? WHERE year = ?",
                java.sql.Timestamp.from(closedAt), event.year());
    }

    @Override
    public Optional<CycleFacts> cycle(int year) {
        return jdbc.query("SELECT * FROM cmd_cycle WHERE year = ?", (rs, row) -> {
            java.sql.Timestamp closedAt = rs.getTimestamp("closed_at");
            return new CycleFacts(rs.getInt("year"), Status.valueOf(rs.getString("status")), rs.getInt("visit_cap"),
                    rs.getInt("comment_window_days"), rs.getBoolean("scheme_published"), rs.getBoolean("plan_approved"),
                    closedAt == null ? null : closedAt.toInstant());
        }, year).stream().findFirst();
    }

    @Override
    public Optional<IndicatorFacts> indicator(int year, String indicatorId) {
        return jdbc.query("SELECT * FROM cmd_indicator WHERE year = ? AND indicator_id = ?",
                (rs, row) -> new IndicatorFacts(rs.getInt("year"), rs.getString("indicator_id"),
                        rs.getString("department_id"), rs.getInt("max_points"), IndicatorKind.valueOf(rs.getString("kind"))),
                year, indicatorId).stream().findFirst();
    }
}
