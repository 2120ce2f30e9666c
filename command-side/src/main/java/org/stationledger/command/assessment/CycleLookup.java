package org.stationledger.command.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stationledger.command.AggregateIds;
import org.stationledger.command.LookupGroup;
import org.stationledger.command.Lookups;
import org.stationledger.events.assessment.CycleClosed;
import org.stationledger.events.assessment.CycleOpened;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.assessment.IndicatorProposed;
import org.stationledger.events.assessment.PlanApproved;
import org.stationledger.events.assessment.SchemePublished;
import org.stationledger.events.station.StationDecommissioned;

/**
 * The cycles' look-up tables, kept in the same transaction as the cycles' events. A year's status is guarded by a
 * PostgreSQL advisory lock for the transaction, shared by commands that change what a close freezes and taken
 * exclusively by the close ({@link #closing}): a lock of the database, so it holds across the nodes of a scale-out.
 */
@Component
@ProcessingGroup(LookupGroup.NAME)
class CycleLookup implements Cycles {

    /** The first key of the advisory locks on a year's status (the second is the year). */
    static final int CYCLE_STATUS_LOCK = 0x4379_636C;

    private final JdbcTemplate jdbc;

    CycleLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CycleOpened event) {
        jdbc.update("""
                INSERT INTO cmd_cycle (year, status, visit_cap, comment_window_days, grade_bands)
                VALUES (?, 'OPEN', ?, ?, ?)""", event.year(), event.visitCap(), event.commentWindowDays(),
                encode(event.gradeBands()));
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
                    rs.getInt("comment_window_days"), decode(rs.getString("grade_bands")),
                    rs.getBoolean("scheme_published"), rs.getBoolean("plan_approved"),
                    closedAt == null ? null : closedAt.toInstant());
        }, year).stream().findFirst();
    }

    @Override
    public Optional<CycleFacts> cycleToChange(int year) {
        // Before the read: a close in progress is waited for, and then read as it committed.
        jdbc.query("SELECT pg_advisory_xact_lock_shared(?, ?)", row -> { }, CYCLE_STATUS_LOCK, year);
        return cycle(year);
    }

    @Override
    public void closing(int year) {
        jdbc.query("SELECT pg_advisory_xact_lock(?, ?)", row -> { }, CYCLE_STATUS_LOCK, year);
    }

    @Override
    public boolean drafted(int year, String stationId) {
        // The event store itself: its global order is the rating view's, also for a registration that committed
        // after a close it precedes. Two look-ups by (aggregate, sequence) and a cycle's few events.
        // A station decommissioned before the close is not part of the year's rating: one of its own few events.
        return Lookups.exists(jdbc, """
                domainevententry registered, domainevententry closed
                WHERE registered.aggregateidentifier = ? AND registered.sequencenumber = 0
                  AND closed.aggregateidentifier = ? AND closed.payloadtype = ?
                  AND registered.globalindex < closed.globalindex
                  AND NOT EXISTS (SELECT 1 FROM domainevententry gone
                                  WHERE gone.aggregateidentifier = registered.aggregateidentifier
                                    AND gone.payloadtype = ? AND gone.globalindex < closed.globalindex)""",
                AggregateIds.station(stationId), AggregateIds.cycle(year), CycleClosed.class.getName(),
                StationDecommissioned.class.getName());
    }

    @Override
    public Optional<IndicatorFacts> indicator(int year, String indicatorId) {
        return jdbc.query("SELECT * FROM cmd_indicator WHERE year = ? AND indicator_id = ?", CycleLookup::indicatorFacts,
                year, indicatorId).stream().findFirst();
    }

    @Override
    public List<IndicatorFacts> indicators(int year) {
        return jdbc.query("SELECT * FROM cmd_indicator WHERE year = ? ORDER BY indicator_id", CycleLookup::indicatorFacts,
                year);
    }

    private static IndicatorFacts indicatorFacts(ResultSet rs, int row) throws SQLException {
        return new IndicatorFacts(rs.getInt("year"), rs.getString("indicator_id"), rs.getString("department_id"),
                rs.getInt("max_points"), IndicatorKind.valueOf(rs.getString("kind")));
    }

    /** Grade bands as "95/85/70/60": four numbers that are always read back together. */
    private static String encode(GradeBands bands) {
        return bands.level1() + "/" + bands.level2() + "/" + bands.level3() + "/" + bands.level4();
    }

    private static GradeBands decode(String bands) {
        String[] levels = bands.split("/");
        return new GradeBands(Double.parseDouble(levels[0]), Double.parseDouble(levels[1]),
                Double.parseDouble(levels[2]), Double.parseDouble(levels[3]));
    }
}
