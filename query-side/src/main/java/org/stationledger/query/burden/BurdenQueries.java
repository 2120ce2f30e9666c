package org.stationledger.query.burden;

import java.time.LocalDate;
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
 * Counts the burden read model into a {@link BurdenView}, departments and stations in the byte order of their ids
 * (as the reports order them), whatever the database's collation.
 */
@Repository
class BurdenQueries {

    private final NamedParameterJdbcTemplate jdbc;

    BurdenQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Read in one snapshot, so the counts agree with each other even while the projection writes. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    BurdenView view(int year, LocalDate asOf) {
        var inYear = new MapSqlParameterSource("year", year);
        Integer visitCap = jdbc.queryForList("SELECT visit_cap FROM read_burden_cycle WHERE year = :year", inYear,
                Integer.class).stream().findFirst().orElse(null);

        Map<String, InspectionTally> byDepartment = new HashMap<>();
        Map<String, InspectionTally> byStation = new HashMap<>();
        jdbc.query("""
                SELECT department_id, station_id, status, reason_code, exception_category, count(*) AS requests
                FROM read_burden_request WHERE year = :year
                GROUP BY department_id, station_id, status, reason_code, exception_category
                """, inYear, row -> {
            RequestStatus status = JdbcValues.constant(row, "status", RequestStatus.class);
            BlockReason reason = JdbcValues.constant(row, "reason_code", BlockReason.class);
            ExceptionCategory category = JdbcValues.constant(row, "exception_category", ExceptionCategory.class);
            long requests = row.getLong("requests");
            tally(byDepartment, row.getString("department_id")).add(status, reason, category, requests);
            tally(byStation, row.getString("station_id")).add(status, reason, category, requests);
        });
        jdbc.query("""
                SELECT department_id, count(*) AS visits
                FROM read_burden_visit CROSS JOIN unnest(department_ids) AS department_id
                WHERE year = :year AND cardinality(department_ids) > 1
                GROUP BY department_id
                """, inYear, row -> {
            tally(byDepartment, row.getString("department_id")).addJointVisits(row.getLong("visits"));
        });
        Map<String, Long> visits = counts("""
                SELECT station_id AS id, count(*) AS n FROM read_burden_visit WHERE year = :year GROUP BY station_id
                """, inYear);
        long jointVisits = jdbc.queryForObject(
                "SELECT count(*) FROM read_burden_visit WHERE year = :year AND cardinality(department_ids) > 1",
                inYear, Long.class);
        Map<String, Long> byIssuer = counts("""
                SELECT department_id || '/' || kind AS id, count(*) AS n FROM read_burden_demand WHERE year = :year
                GROUP BY department_id, kind
                """, inYear);
        Map<String, Long> addressed = counts("""
                SELECT station_id || '/' || kind AS id, sum(n) AS n FROM (
                    SELECT station_id, kind, count(*) AS n
                    FROM read_burden_demand CROSS JOIN unnest(station_ids) AS station_id
                    WHERE year = :year GROUP BY station_id, kind
                    UNION ALL
                    SELECT s.station_id, d.kind, count(*) AS n
                    FROM read_burden_station s
                    JOIN read_burden_demand d ON d.year = :year AND d.all_stations
                        AND d.position > s.registered_position
                        AND (s.decommissioned_position IS NULL OR d.position < s.decommissioned_position)
                    GROUP BY s.station_id, d.kind) AS reached
                GROUP BY station_id, kind
                """, inYear);

        List<DepartmentFigures> departments = jdbc.query("""
                SELECT d.department_id, d.name, CAST(b.documents AS BIGINT) AS documents, CAST(b.meetings AS BIGINT) AS meetings
                FROM read_burden_department d LEFT JOIN read_burden_baseline b ON b.department_id = d.department_id
                ORDER BY d.department_id COLLATE "C"
                """, (row, index) -> {
            String departmentId = row.getString("department_id");
            return new DepartmentFigures(departmentId, row.getString("name"), row.getObject("documents", Long.class),
                    row.getObject("meetings", Long.class), byIssuer.getOrDefault(key(departmentId, DemandKind.DOCUMENT), 0L),
                    byIssuer.getOrDefault(key(departmentId, DemandKind.MEETING), 0L),
                    tally(byDepartment, departmentId).figures());
        });
        List<StationFigures> stations = jdbc.query(
                "SELECT station_id, name FROM read_burden_station ORDER BY station_id COLLATE \"C\"", (row, index) -> {
                    String stationId = row.getString("station_id");
                    return StationFigures.of(stationId, row.getString("name"), visits.getOrDefault(stationId, 0L),
                            visitCap, tally(byStation, stationId).figures(),
                            addressed.getOrDefault(key(stationId, DemandKind.DOCUMENT), 0L),
                            addressed.getOrDefault(key(stationId, DemandKind.MEETING), 0L));
                });
        long allVisits = visits.values().stream().mapToLong(Long::longValue).sum();
        return BurdenView.of(year, asOf, visitCap, departments, stations, allVisits, jointVisits);
    }

    private static InspectionTally tally(Map<String, InspectionTally> tallies, String id) {
        return tallies.computeIfAbsent(id, ignored -> new InspectionTally());
    }

    private static String key(String id, DemandKind kind) {
        return id + "/" + kind.name();
    }

    /** An "id, n" query as a map. */
    private Map<String, Long> counts(String sql, MapSqlParameterSource parameters) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, parameters, row -> {
            counts.put(row.getString("id"), row.getLong("n"));
        });
        return counts;
    }
}
