package org.stationledger.query.rating;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.rating.Grade;
import org.stationledger.events.rating.RatingRules;
import org.stationledger.events.rating.RevisionCause;
import org.stationledger.query.JdbcValues;

/**
 * Reads of the rating read model. The live rating is graded here, on read, with the one grading rule
 * ({@link RatingRules}) from the scheme and the findings that count.
 */
@Repository
class RatingQueries {

    private final NamedParameterJdbcTemplate jdbc;

    RatingQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The station's rating for the year; empty when the projection knows no such station or cycle. Read in one
     * snapshot, so its parts agree even while the projection writes.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Optional<RatingView> rating(String stationId, int year) {
        return stationName(stationId).flatMap(name -> cycle(year).map(cycle -> {
            var station = new MapSqlParameterSource("stationId", stationId).addValue("year", year);
            return rating(stationId, name, cycle, new Parts(
                    schemes(station, ONE_YEAR).getOrDefault(year, List.of()),
                    findings(station, ONE_YEAR).getOrDefault(year, List.of()),
                    inspections(station, ONE_YEAR).getOrDefault(year, List.of()),
                    appeals(station, ONE_YEAR).getOrDefault(year, List.of()),
                    drafts(station, ONE_YEAR).get(year), finals(station, ONE_YEAR).get(year),
                    revisions(station, ONE_YEAR).getOrDefault(year, List.of())));
        }));
    }

    /**
     * The station's rating for every year known, newest first; empty when the projection knows no such station. Each
     * part is read once for all the years (seven statements whatever the number of years), then split by year.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Optional<List<RatingView>> everyYear(String stationId) {
        return stationName(stationId).map(name -> {
            var station = new MapSqlParameterSource("stationId", stationId);
            List<Cycle> cycles = jdbc.query("SELECT * FROM read_rating_cycle ORDER BY year DESC", Map.of(),
                    (row, index) -> cycle(row));
            Map<Integer, List<SchemeIndicator>> schemes = schemes(new MapSqlParameterSource(), "");
            Map<Integer, List<RatingView.Finding>> findings = findings(station, "");
            Map<Integer, List<RatingView.Inspection>> inspections = inspections(station, "");
            Map<Integer, List<RatingView.Appeal>> appeals = appeals(station, "");
            Map<Integer, RatingView.Draft> drafts = drafts(station, "");
            Map<Integer, RatingView.Final> finals = finals(station, "");
            Map<Integer, List<RatingView.Revision>> revisions = revisions(station, "");
            return cycles.stream().map(cycle -> rating(stationId, name, cycle, new Parts(
                    schemes.getOrDefault(cycle.year(), List.of()), findings.getOrDefault(cycle.year(), List.of()),
                    inspections.getOrDefault(cycle.year(), List.of()), appeals.getOrDefault(cycle.year(), List.of()),
                    drafts.get(cycle.year()), finals.get(cycle.year()),
                    revisions.getOrDefault(cycle.year(), List.of())))).toList();
        });
    }

    /**
     * Every known station's rating for the year as it stands now, by station id; a station without findings has
     * full marks. Empty when the cycle is unknown.
     */
    Map<String, RatingRules.Rating> currentRatings(int year) {
        return cycle(year).map(cycle -> {
            List<RatingRules.Indicator> scheme = schemes(new MapSqlParameterSource("year", year), ONE_YEAR)
                    .getOrDefault(year, List.of()).stream().map(SchemeIndicator::rule).toList();
            Map<String, List<RatingRules.LiveFinding>> findings = new HashMap<>();
            jdbc.query("""
                    SELECT station_id, indicator_id, deduction FROM read_rating_finding
                    WHERE year = :year AND status <> :withdrawn
                    """, Map.of("year", year, "withdrawn", FindingStatus.WITHDRAWN.name()), row -> {
                findings.computeIfAbsent(row.getString("station_id"), station -> new ArrayList<>())
                        .add(new RatingRules.LiveFinding(row.getString("indicator_id"), row.getBigDecimal("deduction")));
            });
            Map<String, RatingRules.Rating> ratings = new TreeMap<>();
            for (String stationId : jdbc.queryForList("SELECT station_id FROM read_rating_station", Map.of(),
                    String.class)) {
                ratings.put(stationId, RatingRules.rate(scheme, findings.getOrDefault(stationId, List.of()),
                        cycle.gradeBands()));
            }
            return ratings;
        }).orElse(Map.of());
    }

    /** What one year's rating is made of, as read from the tables. */
    private record Parts(List<SchemeIndicator> scheme, List<RatingView.Finding> findings,
                         List<RatingView.Inspection> inspections, List<RatingView.Appeal> appeals,
                         RatingView.Draft draft, RatingView.Final finalRating, List<RatingView.Revision> revisions) {
    }

    private RatingView rating(String stationId, String stationName, Cycle cycle, Parts parts) {
        List<SchemeIndicator> scheme = parts.scheme();
        List<RatingView.Finding> findings = parts.findings();
        List<RatingView.Inspection> inspections = parts.inspections();
        List<RatingView.Appeal> appeals = parts.appeals();
        RatingView.Final finalRating = parts.finalRating();
        List<RatingView.Revision> revisions = parts.revisions();

        RatingRules.Rating live = RatingRules.rate(scheme.stream().map(SchemeIndicator::rule).toList(),
                findings.stream().filter(RatingView.Finding::counts).map(RatingView.Finding::live).toList(),
                cycle.gradeBands());
        Map<String, String> titles = new HashMap<>();
        scheme.forEach(indicator -> titles.put(indicator.indicatorId(), indicator.title()));
        Set<String> inspecting = RatingView.Inspection.departmentIds(inspections);
        List<RatingView.Indicator> indicators = live.indicators().stream()
                .map(graded -> RatingView.Indicator.of(graded, titles.get(graded.indicatorId()),
                        inspecting.contains(graded.departmentId())))
                .toList();
        boolean appealPending = appeals.stream().anyMatch(appeal -> appeal.status() == AppealStatus.PENDING);
        Grade officialGrade = !revisions.isEmpty()
                ? revisions.get(revisions.size() - 1).grade()
                : finalRating == null ? null : finalRating.grade();
        return new RatingView(stationId, stationName, cycle.year(),
                RatingStatus.of(!cycle.closed(), appealPending, finalRating != null, revisions.size()),
                live.score(), live.eligibleGrade(), live.veto(), officialGrade, parts.draft(), finalRating,
                revisions, indicators, RatingView.Department.of(indicators), findings, inspections,
                indicators.stream().filter(Predicate.not(RatingView.Indicator::inspected))
                        .map(RatingView.Indicator::indicatorId).toList(),
                appeals);
    }

    private Optional<String> stationName(String stationId) {
        return jdbc.queryForList("SELECT name FROM read_rating_station WHERE station_id = :stationId",
                Map.of("stationId", stationId), String.class).stream().findFirst();
    }

    private Optional<Cycle> cycle(int year) {
        return jdbc.query("SELECT * FROM read_rating_cycle WHERE year = :year", Map.of("year", year),
                (row, index) -> cycle(row)).stream().findFirst();
    }

    private static Cycle cycle(ResultSet row) throws SQLException {
        return new Cycle(row.getInt("year"), row.getBoolean("closed"),
                new GradeBands(row.getDouble("grade_level1"), row.getDouble("grade_level2"),
                        row.getDouble("grade_level3"), row.getDouble("grade_level4")));
    }

    /** The condition that restricts a read to {@code :year}; without it, a read covers every year. */
    private static final String ONE_YEAR = "AND year = :year";

    /** Once the scheme is published, exactly its indicators; before, every one proposed. By year. */
    private Map<Integer, List<SchemeIndicator>> schemes(MapSqlParameterSource parameters, String yearCondition) {
        return byYear(jdbc.query("""
                SELECT i.year, i.indicator_id, i.title, i.department_id, i.max_points, i.kind
                FROM read_rating_indicator i JOIN read_rating_cycle c ON c.year = i.year
                WHERE (i.in_scheme OR NOT c.scheme_published) %s
                ORDER BY i.indicator_id
                """.formatted(yearCondition.isEmpty() ? "" : "AND i.year = :year"), parameters, (row, index) ->
                Map.entry(row.getInt("year"), new SchemeIndicator(row.getString("indicator_id"), row.getString("title"),
                        row.getString("department_id"), JdbcValues.constant(row, "kind", IndicatorKind.class),
                        row.getInt("max_points")))));
    }

    private Map<Integer, List<RatingView.Finding>> findings(MapSqlParameterSource station, String yearCondition) {
        return byYear(jdbc.query("""
                SELECT * FROM read_rating_finding WHERE station_id = :stationId %s
                ORDER BY recorded_at, finding_id
                """.formatted(yearCondition), station, (row, index) -> Map.entry(row.getInt("year"),
                new RatingView.Finding(row.getString("finding_id"), row.getString("inspection_id"),
                        row.getString("indicator_id"), row.getString("department_id"),
                        row.getBigDecimal("deduction"), row.getBigDecimal("original_deduction"), row.getString("note"),
                        row.getString("evidence_ref"), JdbcValues.instant(row, "observed_at"),
                        JdbcValues.instant(row, "recorded_at"),
                        JdbcValues.constant(row, "status", FindingStatus.class), row.getString("withdrawal_reason")))));
    }

    private Map<Integer, List<RatingView.Inspection>> inspections(MapSqlParameterSource station, String yearCondition) {
        return byYear(jdbc.query("""
                SELECT year, inspection_id, department_id, inspection_date, kind FROM read_rating_inspection
                WHERE station_id = :stationId %s AND authorised
                ORDER BY inspection_date, inspection_id
                """.formatted(yearCondition), station, (row, index) -> Map.entry(row.getInt("year"),
                new RatingView.Inspection(row.getString("inspection_id"), row.getString("department_id"),
                        JdbcValues.date(row, "inspection_date"),
                        JdbcValues.constant(row, "kind", InspectionKind.class)))));
    }

    private Map<Integer, List<RatingView.Appeal>> appeals(MapSqlParameterSource station, String yearCondition) {
        return byYear(jdbc.query("""
                SELECT * FROM read_rating_appeal WHERE station_id = :stationId %s
                ORDER BY filed_at, appeal_id
                """.formatted(yearCondition), station, (row, index) -> Map.entry(row.getInt("year"),
                new RatingView.Appeal(row.getString("appeal_id"), row.getString("grounds"),
                        JdbcValues.strings(row, "finding_ids"), JdbcValues.constant(row, "status", AppealStatus.class),
                        row.getString("decision_reason"), JdbcValues.instant(row, "filed_at"),
                        JdbcValues.instant(row, "decided_at")))));
    }

    private Map<Integer, RatingView.Draft> drafts(MapSqlParameterSource station, String yearCondition) {
        return oneByYear(jdbc.query("SELECT * FROM read_rating_draft WHERE station_id = :stationId " + yearCondition,
                station, (row, index) -> Map.entry(row.getInt("year"), new RatingView.Draft(row.getBigDecimal("score"),
                        JdbcValues.constant(row, "eligible_grade", Grade.class), row.getBoolean("veto")))));
    }

    private Map<Integer, RatingView.Final> finals(MapSqlParameterSource station, String yearCondition) {
        return oneByYear(jdbc.query("SELECT * FROM read_rating_final WHERE station_id = :stationId " + yearCondition,
                station, (row, index) -> Map.entry(row.getInt("year"), new RatingView.Final(row.getBigDecimal("score"),
                        row.getBoolean("veto"), JdbcValues.constant(row, "eligible_grade", Grade.class),
                        JdbcValues.constant(row, "grade", Grade.class), row.getString("reason"),
                        JdbcValues.instant(row, "finalised_at")))));
    }

    private Map<Integer, List<RatingView.Revision>> revisions(MapSqlParameterSource station, String yearCondition) {
        return byYear(jdbc.query("""
                SELECT * FROM read_rating_revision WHERE station_id = :stationId %s ORDER BY revision
                """.formatted(yearCondition), station, (row, index) -> Map.entry(row.getInt("year"),
                new RatingView.Revision(row.getInt("revision"), JdbcValues.constant(row, "cause", RevisionCause.class),
                        row.getString("appeal_id"), row.getBigDecimal("score"), row.getBoolean("veto"),
                        JdbcValues.constant(row, "eligible_grade", Grade.class),
                        JdbcValues.constant(row, "grade", Grade.class), row.getString("reason"),
                        JdbcValues.instant(row, "revised_at")))));
    }

    /** Rows grouped by year, each year's rows in the order read. */
    private static <T> Map<Integer, List<T>> byYear(List<Map.Entry<Integer, T>> rows) {
        Map<Integer, List<T>> byYear = new HashMap<>();
        rows.forEach(row -> byYear.computeIfAbsent(row.getKey(), year -> new ArrayList<>()).add(row.getValue()));
        return byYear;
    }

    /** At most one row per year (the table's key includes the year). */
    private static <T> Map<Integer, T> oneByYear(List<Map.Entry<Integer, T>> rows) {
        Map<Integer, T> byYear = new HashMap<>();
        rows.forEach(row -> byYear.putIfAbsent(row.getKey(), row.getValue()));
        return byYear;
    }

    private record Cycle(int year, boolean closed, GradeBands gradeBands) {
    }

    /** An indicator of the year's scheme: what grading needs, and its title for the breakdown. */
    private record SchemeIndicator(String indicatorId, String title, String departmentId, IndicatorKind kind,
                                   int maxPoints) {

        RatingRules.Indicator rule() {
            return new RatingRules.Indicator(indicatorId, departmentId, kind, maxPoints);
        }
    }
}
