package org.stationledger.query.burden;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.stationledger.events.burden.DemandKind;
import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionCategory;
import org.stationledger.query.JdbcValues;

/**
 * Reads the burden read model's counts into a {@link BurdenView}: a handful of rows for the year and its departments,
 * and one for each station of the page, whatever the number of requests, visits and demands behind them.
 * Departments and stations are in the byte order of their ids (as the reports order them), whatever the database's
 * collation.
 */
@Repository
class BurdenQueries {

    private final NamedParameterJdbcTemplate jdbc;

    BurdenQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Read in one snapshot, so the counts agree with each other even while the projection writes. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    BurdenView view(int year, LocalDate asOf, StationPage page) {
        var inYear = new MapSqlParameterSource("year", year);
        YearCounts counts = jdbc.queryForObject("""
                SELECT c.visit_cap, y.visits, y.joint_visits
                FROM (VALUES (CAST(:year AS INT))) AS v (year)
                LEFT JOIN read_burden_cycle c ON c.year = v.year
                LEFT JOIN read_burden_year_count y ON y.year = v.year
                """, inYear, (row, index) -> new YearCounts(row.getObject("visit_cap", Integer.class),
                row.getLong("visits"), row.getLong("joint_visits")));

        Map<String, InspectionTally> byDepartment = new HashMap<>();
        jdbc.query("""
                SELECT department_id, status, NULLIF(reason_code, '') AS reason_code,
                       NULLIF(exception_category, '') AS exception_category, requests
                FROM read_burden_department_requests WHERE year = :year
                """, inYear, row -> {
            tally(byDepartment, row.getString("department_id")).add(
                    JdbcValues.constant(row, "status", RequestStatus.class),
                    JdbcValues.constant(row, "reason_code", BlockReason.class),
                    JdbcValues.constant(row, "exception_category", ExceptionCategory.class), row.getLong("requests"));
        });
        List<DepartmentFigures> departments = jdbc.query("""
                SELECT d.department_id, d.name, CAST(b.documents AS BIGINT) AS baseline_documents,
                       CAST(b.meetings AS BIGINT) AS baseline_meetings, c.documents, c.meetings, c.joint_visits
                FROM read_burden_department d
                LEFT JOIN read_burden_baseline b ON b.department_id = d.department_id
                LEFT JOIN read_burden_department_count c ON c.year = :year AND c.department_id = d.department_id
                ORDER BY d.department_id COLLATE "C"
                """, inYear, (row, index) -> {
            InspectionTally tally = tally(byDepartment, row.getString("department_id"));
            tally.addJointVisits(row.getLong("joint_visits"));
            return new DepartmentFigures(row.getString("department_id"), row.getString("name"),
                    row.getObject("baseline_documents", Long.class), row.getObject("baseline_meetings", Long.class),
                    row.getLong("documents"), row.getLong("meetings"), tally.figures());
        });

        List<StationFigures> stations = page.isEmpty() ? List.of() : stations(year, counts.visitCap(), page);
        String nextStationAfter = null;
        if (page.limit() != null && stations.size() > page.limit()) {
            stations = stations.subList(0, page.limit());
            nextStationAfter = stations.get(stations.size() - 1).stationId();
        }
        return BurdenView.of(year, asOf, counts.visitCap(), departments, stations, counts.visits(),
                counts.jointVisits(), nextStationAfter);
    }

    private record YearCounts(Integer visitCap, long visits, long jointVisits) {
    }

    /** The page's stations, and one more if there is one (so the caller knows another page follows). */
    private List<StationFigures> stations(int year, Integer visitCap, StationPage page) {
        Map<DemandKind, List<Long>> positions = new EnumMap<>(DemandKind.class);
        for (DemandKind kind : DemandKind.values()) {
            positions.put(kind, new ArrayList<>());
        }
        jdbc.query("SELECT kind, position FROM read_burden_demand WHERE year = :year AND all_stations",
                new MapSqlParameterSource("year", year), row -> {
                    positions.get(JdbcValues.constant(row, "kind", DemandKind.class)).add(row.getLong("position"));
                });
        EveryStationDemands documents = new EveryStationDemands(positions.get(DemandKind.DOCUMENT));
        EveryStationDemands meetings = new EveryStationDemands(positions.get(DemandKind.MEETING));
        // Each station's counts are looked up by key (the LIMIT keeps the planner from joining otherwise): a
        // planner that misjudged the year's counts (a table filling faster than it is analysed) joined every one of
        // them against the page instead, ten times the work of a page.
        return jdbc.query("""
                SELECT s.station_id, s.name, s.registered_position, s.decommissioned_position, c.visits, c.documents,
                       c.meetings, c.requests, c.authorised, c.blocked, c.pending_exceptions
                FROM read_burden_station s
                LEFT JOIN LATERAL (SELECT * FROM read_burden_station_count c
                                   WHERE c.year = :year AND c.station_id = s.station_id LIMIT 1) c ON TRUE
                WHERE s.station_id COLLATE "C" > :after %s
                ORDER BY s.station_id COLLATE "C"
                LIMIT CAST(:rows AS BIGINT)
                """.formatted(page.station() == null ? "" : "AND s.station_id = :station"),
                new MapSqlParameterSource("year", year)
                        .addValue("after", page.after() == null ? "" : page.after())
                        .addValue("station", page.station())
                        .addValue("rows", page.limit() == null ? null : page.limit() + 1L), (row, index) -> {
                    long registered = row.getLong("registered_position");
                    Long decommissioned = row.getObject("decommissioned_position", Long.class);
                    return new StationFigures(row.getString("station_id"), row.getString("name"),
                            row.getLong("visits"), visitCap, row.getLong("requests"), row.getLong("authorised"),
                            row.getLong("blocked"), row.getLong("pending_exceptions"),
                            row.getLong("documents") + documents.reaching(registered, decommissioned),
                            row.getLong("meetings") + meetings.reaching(registered, decommissioned));
                });
    }

    private static InspectionTally tally(Map<String, InspectionTally> tallies, String id) {
        return tallies.computeIfAbsent(id, ignored -> new InspectionTally());
    }
}
