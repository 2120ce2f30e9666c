package org.stationledger.command.inspection;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stationledger.command.LookupGroup;
import org.stationledger.command.Lookups;
import org.stationledger.events.inspection.InspectionAuthorised;
import org.stationledger.events.inspection.JointVisitJoined;
import org.stationledger.events.inspection.JointVisitScheduled;
import org.stationledger.events.inspection.PlanItemApproved;
import org.stationledger.events.inspection.PlanItemKind;
import org.stationledger.events.inspection.PlanItemProposed;
import org.stationledger.events.inspection.PlanItemRejected;

/** The plan's look-up tables, kept in the same transaction as the plan's events. */
@Component
@ProcessingGroup(LookupGroup.NAME)
class PlanLookup implements Plans {

    private final JdbcTemplate jdbc;

    PlanLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PlanItemProposed event) {
        jdbc.update("""
                INSERT INTO cmd_plan_item (plan_item_id, year, department_id, kind, from_date, to_date, status,
                                           indicator_ids)
                VALUES (?, ?, ?, ?, ?, ?, 'PROPOSED', ?::text[])""", event.planItemId(), event.year(),
                event.departmentId(), event.kind().name(), Date.valueOf(event.from()), Date.valueOf(event.to()),
                event.indicatorIds().toArray(String[]::new));
        jdbc.update("INSERT INTO cmd_plan_item_station (plan_item_id, station_id) SELECT ?, unnest(?::text[])",
                event.planItemId(), event.stationIds().toArray(String[]::new));
    }

    @EventHandler
    void on(PlanItemApproved event) {
        jdbc.update("UPDATE cmd_plan_item SET status = 'APPROVED' WHERE plan_item_id = ?", event.planItemId());
    }

    @EventHandler
    void on(PlanItemRejected event) {
        jdbc.update("UPDATE cmd_plan_item SET status = 'REJECTED' WHERE plan_item_id = ?", event.planItemId());
    }

    @EventHandler
    void on(JointVisitScheduled event) {
        jdbc.update("INSERT INTO cmd_visit (visit_id, year, station_id, from_date, to_date) VALUES (?, ?, ?, ?, ?)",
                event.visitId(), event.year(), event.stationId(), Date.valueOf(event.from()), Date.valueOf(event.to()));
        jdbc.update("UPDATE cmd_plan_item_station SET visit_id = ? WHERE station_id = ? AND plan_item_id = ANY (?::text[])",
                event.visitId(), event.stationId(), event.planItemIds().toArray(String[]::new));
    }

    @EventHandler
    void on(JointVisitJoined event) {
        jdbc.update("UPDATE cmd_visit SET from_date = ?, to_date = ? WHERE visit_id = ?",
                Date.valueOf(event.from()), Date.valueOf(event.to()), event.visitId());
        jdbc.update("UPDATE cmd_plan_item_station SET visit_id = ? WHERE station_id = ? AND plan_item_id = ?",
                event.visitId(), event.stationId(), event.planItemId());
    }

    @EventHandler
    void on(InspectionAuthorised event) {
        // The primary key makes a department's second use of the same visit fail, even in a race.
        jdbc.update("INSERT INTO cmd_visit_usage (visit_id, department_id, inspection_id) VALUES (?, ?, ?)",
                event.visitId(), event.departmentId(), event.inspectionId());
    }

    @Override
    public boolean planItemExists(String planItemId) {
        return Lookups.exists(jdbc, "cmd_plan_item WHERE plan_item_id = ?", planItemId);
    }

    @Override
    public boolean hasComprehensiveItem(int year, String departmentId) {
        return Lookups.exists(jdbc, """
                cmd_plan_item WHERE year = ? AND department_id = ? AND kind = 'COMPREHENSIVE' AND status <> 'REJECTED'""",
                year, departmentId);
    }

    @Override
    public Optional<PlanItemFacts> planItem(String planItemId) {
        return jdbc.query("SELECT * FROM cmd_plan_item WHERE plan_item_id = ?", PlanLookup::planItemFacts, planItemId)
                .stream().findFirst();
    }

    @Override
    public List<PlanItemFacts> proposedItems(int year) {
        return jdbc.query("SELECT * FROM cmd_plan_item WHERE year = ? AND status = 'PROPOSED' ORDER BY plan_item_id",
                PlanLookup::planItemFacts, year);
    }

    @Override
    public List<String> activeStationsOf(String planItemId) {
        return jdbc.queryForList("""
                SELECT station_id FROM cmd_plan_item_station JOIN cmd_station USING (station_id)
                WHERE plan_item_id = ? AND NOT decommissioned ORDER BY station_id
                FOR SHARE OF cmd_station""", String.class, planItemId);
    }

    @Override
    public boolean covers(VisitShare share, String indicatorId) {
        // The department's items of the year (a few, by index), each looked up at the station by its primary key.
        return Lookups.exists(jdbc, """
                cmd_plan_item i JOIN cmd_plan_item_station s ON s.plan_item_id = i.plan_item_id AND s.station_id = ?
                WHERE i.year = ? AND i.department_id = ? AND s.visit_id = ? AND ? = ANY (i.indicator_ids)""",
                share.stationId(), share.year(), share.departmentId(), share.visitId(), indicatorId);
    }

    @Override
    public Map<String, Set<String>> departmentsThatUsed(Collection<String> visitIds) {
        Map<String, Set<String>> users = new HashMap<>();
        jdbc.query("SELECT visit_id, department_id FROM cmd_visit_usage WHERE visit_id = ANY (?::text[])",
                (ResultSet rs) -> {
                    users.computeIfAbsent(rs.getString("visit_id"), visit -> new HashSet<>())
                            .add(rs.getString("department_id"));
                }, (Object) visitIds.toArray(String[]::new));
        return users;
    }

    @Override
    public Map<String, List<VisitFacts>> visitsOf(int year, Collection<String> stationIds) {
        Map<String, List<VisitFacts>> visits = new HashMap<>();
        jdbc.query("""
                SELECT * FROM cmd_visit WHERE year = ? AND station_id = ANY (?::text[]) ORDER BY station_id, visit_id
                FOR UPDATE""",
                (ResultSet rs) -> {
                    visits.computeIfAbsent(rs.getString("station_id"), station -> new ArrayList<>()).add(visitFacts(rs));
                }, year, stationIds.toArray(String[]::new));
        return visits;
    }

    /**
     * The cited item, whether the station is in it, its visit and its use by the department, in one statement, which
     * also holds the visit: {@code FOR KEY SHARE}, the weakest row lock, conflicts with {@link #visitsOf}'s
     * {@code FOR UPDATE} and with nothing an inspection does.
     */
    @Override
    public RequestFacts requestFacts(String planItemId, String stationId, String departmentId) {
        return jdbc.query("""
                SELECT i.*, s.station_id IS NOT NULL AS in_item, v.visit_id AS v_visit_id, v.from_date AS v_from,
                       v.to_date AS v_to,
                       EXISTS (SELECT 1 FROM cmd_visit_usage u
                               WHERE u.visit_id = v.visit_id AND u.department_id = ?) AS used
                FROM cmd_plan_item i
                LEFT JOIN cmd_plan_item_station s ON s.plan_item_id = i.plan_item_id AND s.station_id = ?
                LEFT JOIN LATERAL (SELECT * FROM cmd_visit WHERE visit_id = s.visit_id FOR KEY SHARE) v ON TRUE
                WHERE i.plan_item_id = ?""", (rs, row) -> {
                    String visitId = rs.getString("v_visit_id");
                    VisitFacts visit = visitId == null ? null : new VisitFacts(visitId,
                            rs.getDate("v_from").toLocalDate(), rs.getDate("v_to").toLocalDate());
                    return new RequestFacts(planItemFacts(rs, row), rs.getBoolean("in_item"), visit,
                            visit != null && rs.getBoolean("used"));
                }, departmentId, stationId, planItemId).stream().findFirst()
                .orElse(new RequestFacts(null, false, null, false));
    }

    private static PlanItemFacts planItemFacts(ResultSet rs, int row) throws SQLException {
        return new PlanItemFacts(rs.getString("plan_item_id"), rs.getInt("year"), rs.getString("department_id"),
                PlanItemKind.valueOf(rs.getString("kind")), rs.getDate("from_date").toLocalDate(),
                rs.getDate("to_date").toLocalDate(), ItemStatus.valueOf(rs.getString("status")));
    }

    private static VisitFacts visitFacts(ResultSet rs) throws SQLException {
        return new VisitFacts(rs.getString("visit_id"), rs.getDate("from_date").toLocalDate(),
                rs.getDate("to_date").toLocalDate());
    }
}
