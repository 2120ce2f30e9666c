package org.stationledger.app.burden;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.rating.RatingRules;

/**
 * The figures of a year counted straight from the event trail, {@code domainevententry}, with SQL over the payload
 * type and the JSON payload: what the dashboard and every report must agree with. Only the grading of a rating not
 * yet final uses the ledger's own rule ({@link RatingRules}), on findings read the same way.
 */
final class EventTrail {

    /** Every stored event: its global index, its simple type name and its payload as JSON. */
    private static final String EVENTS = """
            WITH ev AS (
                SELECT globalindex AS gi, substring(payloadtype FROM '[^.]+$') AS type,
                       convert_from(payload, 'UTF8')::jsonb AS p
                FROM domainevententry)
            """;
    /** Each inspection request of the year in its latest state. */
    private static final String REQUESTS = EVENTS + """
            , req AS (
                SELECT p->>'inspectionId' AS id, p->>'departmentId' AS department, p->>'stationId' AS station, type,
                       p->>'reasonCode' AS reason, p->>'category' AS category
                FROM ev WHERE type IN ('InspectionAuthorised', 'InspectionBlocked', 'ExceptionRequested')
                  AND (p->>'year')::int = ?)
            , decision AS (
                SELECT p->>'inspectionId' AS id, type FROM ev
                WHERE type IN ('ExceptionApproved', 'ExceptionRefused') AND (p->>'year')::int = ?)
            SELECT r.department, r.station,
                   CASE WHEN r.type = 'InspectionAuthorised' OR d.type = 'ExceptionApproved' THEN 'AUTHORISED'
                        WHEN r.type = 'InspectionBlocked' OR d.type = 'ExceptionRefused' THEN 'BLOCKED'
                        ELSE 'PENDING_EXCEPTION' END AS status,
                   CASE WHEN d.type = 'ExceptionRefused' THEN 'EXCEPTION_REFUSED' ELSE r.reason END AS reason,
                   r.category, count(*) AS n
            FROM req r LEFT JOIN decision d ON d.id = r.id
            GROUP BY 1, 2, 3, 4, 5
            """;
    /** Each visit of the year with every department in it, late joiners included. */
    private static final String VISIT_DEPARTMENTS = EVENTS + """
            , vd AS (
                SELECT v.p->>'visitId' AS visit, v.p->>'stationId' AS station, d AS department
                FROM ev v CROSS JOIN jsonb_array_elements_text(v.p->'departmentIds') AS d
                WHERE v.type = 'JointVisitScheduled' AND (v.p->>'year')::int = ?
                UNION
                SELECT p->>'visitId', p->>'stationId', p->>'departmentId' FROM ev
                WHERE type = 'JointVisitJoined' AND (p->>'year')::int = ?)
            """;

    record Requests(String department, String station, String status, String reason, String category, long count) {
    }

    private final JdbcTemplate jdbc;
    private final int year;
    final List<Requests> requests;

    EventTrail(JdbcTemplate jdbc, int year) {
        this.jdbc = jdbc;
        this.year = year;
        this.requests = jdbc.query(REQUESTS, (row, index) -> new Requests(row.getString("department"),
                row.getString("station"), row.getString("status"), row.getString("reason"), row.getString("category"),
                row.getLong("n")), year, year);
    }

    /** Requests of a department ({@code station} null) or of a station ({@code department} null) matching a filter. */
    long requests(String department, String station, String status, String reason, String category) {
        return requests.stream()
                .filter(r -> department == null || department.equals(r.department()))
                .filter(r -> station == null || station.equals(r.station()))
                .filter(r -> status == null || status.equals(r.status()))
                .filter(r -> reason == null || reason.equals(r.reason()))
                .filter(r -> category == null || category.equals(r.category()))
                .mapToLong(Requests::count).sum();
    }

    /** Requests of the department that were exceptions asked for (a valid category), whatever their fate. */
    long exceptions(String department) {
        return requests.stream().filter(r -> department == null || department.equals(r.department()))
                .filter(r -> r.category() != null).mapToLong(Requests::count).sum();
    }

    Map<String, String> departments() {
        return map(EVENTS + "SELECT p->>'departmentId' AS k, p->>'name' AS v FROM ev WHERE type = 'DepartmentRegistered'");
    }

    /** Station id to its kind, as its latest version has it. */
    Map<String, String> stationKinds() {
        return map(EVENTS + """
                SELECT DISTINCT ON (p->>'stationId') p->>'stationId' AS k, p->>'kind' AS v FROM ev
                WHERE type IN ('StationRegistered', 'StationDetailsChanged') ORDER BY p->>'stationId', gi DESC""");
    }

    Set<String> decommissioned() {
        return new HashSet<>(jdbc.queryForList(EVENTS
                + "SELECT p->>'stationId' FROM ev WHERE type = 'StationDecommissioned'", String.class));
    }

    /** Department id to {documents, meetings} of its 2018 baseline. */
    Map<String, long[]> baselines() {
        Map<String, long[]> baselines = new HashMap<>();
        jdbc.query(EVENTS + """
                SELECT p->>'departmentId' AS department, (p->>'documents')::int AS documents,
                       (p->>'meetings')::int AS meetings
                FROM ev WHERE type = 'BaselineRecorded'""", row -> {
            baselines.put(row.getString("department"), new long[]{row.getLong("documents"), row.getLong("meetings")});
        });
        return baselines;
    }

    /** Department id to the count of its documents ({@code DocumentIssued}) or meetings ({@code MeetingConvened}). */
    Map<String, Long> issued(String type) {
        return counts(EVENTS + """
                SELECT p->>'departmentId' AS k, count(*) AS n FROM ev
                WHERE type = ? AND (p->>'year')::int = ? GROUP BY 1""", type, year);
    }

    /**
     * Station id to the count of documents or meetings that reached it: naming it, or for every station and
     * recorded after the station was registered and before any decommissioning.
     */
    Map<String, Long> addressed(String type) {
        return counts(EVENTS + """
                , st AS (SELECT p->>'stationId' AS id, gi AS registered FROM ev WHERE type = 'StationRegistered')
                , dc AS (SELECT p->>'stationId' AS id, min(gi) AS decommissioned FROM ev
                         WHERE type = 'StationDecommissioned' GROUP BY 1)
                , dm AS (SELECT gi, (p->>'allStations')::boolean AS all_stations, p->'stationIds' AS ids FROM ev
                         WHERE type = ? AND (p->>'year')::int = ?)
                SELECT st.id AS k, count(*) AS n
                FROM st LEFT JOIN dc ON dc.id = st.id
                JOIN dm ON dm.ids @> jsonb_build_array(st.id)
                        OR (dm.all_stations AND dm.gi > st.registered AND (dc.decommissioned IS NULL OR dm.gi < dc.decommissioned))
                GROUP BY st.id""", type, year);
    }

    /** Documents or meetings that reached the station from one department. */
    long addressed(String type, String station, String department) {
        return jdbc.queryForObject(EVENTS + """
                , st AS (SELECT gi AS registered FROM ev WHERE type = 'StationRegistered' AND p->>'stationId' = ?)
                , dc AS (SELECT min(gi) AS decommissioned FROM ev
                         WHERE type = 'StationDecommissioned' AND p->>'stationId' = ?)
                SELECT count(*) FROM ev, st, dc
                WHERE ev.type = ? AND (ev.p->>'year')::int = ? AND ev.p->>'departmentId' = ?
                  AND (ev.p->'stationIds' @> jsonb_build_array(CAST(? AS TEXT))
                       OR ((ev.p->>'allStations')::boolean AND ev.gi > st.registered
                           AND (dc.decommissioned IS NULL OR ev.gi < dc.decommissioned)))""",
                Long.class, station, station, type, year, department, station);
    }

    Map<String, Long> visitsByStation() {
        return counts(VISIT_DEPARTMENTS + "SELECT station AS k, count(DISTINCT visit) AS n FROM vd GROUP BY station",
                year, year);
    }

    /** Department id to the visits it shares with another department. */
    Map<String, Long> jointVisitsByDepartment() {
        return counts(VISIT_DEPARTMENTS + """
                , joint AS (SELECT visit FROM vd GROUP BY visit HAVING count(DISTINCT department) > 1)
                SELECT department AS k, count(DISTINCT visit) AS n FROM vd WHERE visit IN (SELECT visit FROM joint)
                GROUP BY department""", year, year);
    }

    long jointVisits() {
        return jdbc.queryForObject(VISIT_DEPARTMENTS + """
                SELECT count(*) FROM (SELECT visit FROM vd GROUP BY visit HAVING count(DISTINCT department) > 1) AS j""",
                Long.class, year, year);
    }

    long visits() {
        return jdbc.queryForObject(VISIT_DEPARTMENTS + "SELECT count(DISTINCT visit) FROM vd", Long.class, year, year);
    }

    Integer visitCap() {
        return jdbc.queryForList(EVENTS + "SELECT (p->>'visitCap')::int FROM ev WHERE type = 'CycleOpened' AND (p->>'year')::int = ?",
                Integer.class, year).stream().findFirst().orElse(null);
    }

    long count(String type) {
        return jdbc.queryForObject(EVENTS + "SELECT count(*) FROM ev WHERE type = ? AND (p->>'year')::int = ?",
                Long.class, type, year);
    }

    /** A station's grade and how it was reached. */
    record Grade(String kind, String grade, String basis) {
    }

    /**
     * Station id to its grade: the latest final or revised one from the trail, else (active stations only) the
     * eligible grade of the live findings, DRAFT once the cycle closed.
     */
    Map<String, Grade> grades() {
        Map<String, String> kinds = stationKinds();
        Set<String> decommissioned = decommissioned();
        Map<String, Grade> grades = new TreeMap<>();
        jdbc.query(EVENTS + """
                SELECT DISTINCT ON (p->>'stationId') p->>'stationId' AS station, p->>'grade' AS grade, type FROM ev
                WHERE type IN ('RatingFinalised', 'RatingRevised') AND (p->>'year')::int = ?
                ORDER BY p->>'stationId', gi DESC""", row -> {
            String station = row.getString("station");
            grades.put(station, new Grade(kinds.get(station), row.getString("grade"),
                    row.getString("type").equals("RatingRevised") ? "REVISED" : "FINAL"));
        }, year);
        List<GradeBands> bands = jdbc.query(EVENTS + """
                SELECT (p->'gradeBands'->>'level1')::float8 AS l1, (p->'gradeBands'->>'level2')::float8 AS l2,
                       (p->'gradeBands'->>'level3')::float8 AS l3, (p->'gradeBands'->>'level4')::float8 AS l4
                FROM ev WHERE type = 'CycleOpened' AND (p->>'year')::int = ?""",
                (row, index) -> new GradeBands(row.getDouble("l1"), row.getDouble("l2"), row.getDouble("l3"),
                        row.getDouble("l4")), year);
        if (bands.isEmpty()) {
            return grades;
        }
        boolean closed = count("CycleClosed") > 0;
        List<RatingRules.Indicator> scheme = jdbc.query(EVENTS + """
                SELECT p->>'indicatorId' AS id, p->>'departmentId' AS department, p->>'kind' AS kind,
                       (p->>'maxPoints')::int AS points
                FROM ev WHERE type = 'IndicatorProposed' AND (p->>'year')::int = ?""",
                (row, index) -> new RatingRules.Indicator(row.getString("id"), row.getString("department"),
                        IndicatorKind.valueOf(row.getString("kind")), row.getInt("points")), year);
        Map<String, List<RatingRules.LiveFinding>> findings = new HashMap<>();
        jdbc.query(EVENTS + """
                SELECT f.p->>'stationId' AS station, f.p->>'indicatorId' AS indicator, (f.p->>'deduction')::numeric AS d
                FROM ev f WHERE f.type = 'FindingRecorded' AND (f.p->>'year')::int = ?
                  AND NOT EXISTS (SELECT 1 FROM ev w WHERE w.type = 'FindingWithdrawn'
                                  AND w.p->>'findingId' = f.p->>'findingId')""", row -> {
            findings.computeIfAbsent(row.getString("station"), s -> new ArrayList<>())
                    .add(new RatingRules.LiveFinding(row.getString("indicator"), row.getBigDecimal("d")));
        }, year);
        for (Map.Entry<String, String> station : kinds.entrySet()) {
            if (!grades.containsKey(station.getKey()) && !decommissioned.contains(station.getKey())) {
                var rating = RatingRules.rate(scheme, findings.getOrDefault(station.getKey(), List.of()), bands.get(0));
                grades.put(station.getKey(), new Grade(station.getValue(), rating.eligibleGrade().name(),
                        closed ? "DRAFT" : "PROVISIONAL"));
            }
        }
        return grades;
    }

    /** The share of the baseline, to one decimal, as the ledger rounds it. */
    static BigDecimal percent(long count, long baseline) {
        return BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(baseline), 1, RoundingMode.HALF_UP);
    }

    private Map<String, String> map(String sql) {
        Map<String, String> map = new TreeMap<>();
        jdbc.query(sql, row -> {
            map.put(row.getString("k"), row.getString("v"));
        });
        return map;
    }

    private Map<String, Long> counts(String sql, Object... arguments) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(sql, row -> {
            counts.put(row.getString("k"), row.getLong("n"));
        }, arguments);
        return counts;
    }
}
