package org.stationledger.command.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stationledger.command.LookupGroup;
import org.stationledger.events.inspection.FindingRecorded;
import org.stationledger.events.inspection.FindingWithdrawn;
import org.stationledger.events.rating.AppealUpheld;
import org.stationledger.events.rating.FindingReduction;

/** The findings' look-up table, kept in the same transaction as the findings' events. */
@Component
@ProcessingGroup(LookupGroup.NAME)
class FindingLookup implements Findings {

    private final JdbcTemplate jdbc;

    FindingLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FindingRecorded event) {
        jdbc.update("""
                INSERT INTO cmd_finding (finding_id, inspection_id, year, station_id, department_id, indicator_id, deduction)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", event.findingId(), event.inspectionId(), event.year(),
                event.stationId(), event.departmentId(), event.indicatorId(), event.deduction());
    }

    @EventHandler
    void on(FindingWithdrawn event) {
        jdbc.update("UPDATE cmd_finding SET withdrawn = TRUE WHERE finding_id = ?", event.findingId());
    }

    @EventHandler
    void on(AppealUpheld event) {
        event.withdrawnFindingIds().forEach(findingId ->
                jdbc.update("UPDATE cmd_finding SET withdrawn = TRUE WHERE finding_id = ?", findingId));
        for (FindingReduction reduction : event.reductions()) {
            jdbc.update("UPDATE cmd_finding SET deduction = ? WHERE finding_id = ?", reduction.deduction(),
                    reduction.findingId());
        }
    }

    @Override
    public Optional<FindingFacts> finding(String findingId) {
        return jdbc.query("SELECT * FROM cmd_finding WHERE finding_id = ?", FindingLookup::facts, findingId)
                .stream().findFirst();
    }

    @Override
    public List<FindingFacts> liveFindings(String stationId, int year) {
        return jdbc.query("SELECT * FROM cmd_finding WHERE station_id = ? AND year = ? AND NOT withdrawn ORDER BY finding_id",
                FindingLookup::facts, stationId, year);
    }

    private static FindingFacts facts(ResultSet rs, int row) throws SQLException {
        return new FindingFacts(rs.getString("finding_id"), rs.getString("inspection_id"), rs.getInt("year"),
                rs.getString("station_id"), rs.getString("department_id"), rs.getString("indicator_id"),
                rs.getBigDecimal("deduction"), rs.getBoolean("withdrawn"));
    }
}
