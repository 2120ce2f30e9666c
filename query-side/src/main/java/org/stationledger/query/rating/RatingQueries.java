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
        return stationName(stationId).flatMap(name -> cycle(year).map(cycle -> rating(stationId, name, cycle)));
    }

    /** The station's rating for every year known, newest first; empty when the projection knows no such station. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Optional<List<RatingView>> everyYear(String stationId) {
        return stationName(stationId).map(name -> jdbc.query("SELECT * FROM read_rating_cycle ORDER BY year DESC",
                        Map.of(), (row, index) -> cycle(row)).stream()
                .map(cycle -> rating(stationId, name, cycle))
                .toList());
    }

    /**
     * Every known station's rating for the year as it stands now, by station id; a station without findings has
     * full marks. Empty when the cycle is unknown.
     */
    Map<String, RatingRules.Rating> currentRatings(int year) {
        return cycle(year).map(cycle -> {
            List<RatingRules.Indicator> scheme = scheme(year).stream().map(SchemeIndicator::rule).toList();
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

    private RatingView rating(String stationId, String stationName, Cycle cycle) {
        var station = new MapSqlParameterSource("stationId", stationId).addValue("year", cycle.year());
        List<SchemeIndicator> scheme = scheme(cycle.year());
        List<RatingView.Finding> findings = findings(station);
        List<RatingView.Inspection> inspections = inspections(station);
        List<RatingView.Appeal> appeals = appeals(station);
        RatingView.Final finalRating = finalRating(station);
        List<RatingView.Revision> revisions = revisions(station);

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
                live.score(), live.eligibleGrade(), live.veto(), officialGrade, draft(station), finalRating,
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

    /** Once the scheme is published, exactly its indicators; before, every one proposed. */
    private List<SchemeIndicator> scheme(int year) {
        return jdbc.query("""
                SELECT i.indicator_id, i.title, i.department_id, i.max_points, i.kind
                FROM read_rating_indicator i JOIN read_rating_cycle c ON c.year = i.year
                WHERE i.year = :year AND (i.in_scheme OR NOT c.scheme_published)
                ORDER BY i.indicator_id
                """, Map.of("year", year), (row, index) ->
                new SchemeIndicator(row.getString("indicator_id"), row.getString("title"),
                        row.getString("department_id"), JdbcValues.constant(row, "kind", IndicatorKind.class),
                        row.getInt("max_points")));
    }

    private List<RatingView.Finding> findings(MapSqlParameterSource station) {
        return jdbc.query("""
                SELECT * FROM read_rating_finding WHERE station_id = :stationId AND year = :year
                ORDER BY recorded_at, finding_id
                """, station, (row, index) ->
                new RatingView.Finding(row.getString("finding_id"), row.getString("inspection_id"),
                        row.getString("indicator_id"), row.getString("department_id"),
                        row.getBigDecimal("deduction"), row.getBigDecimal("original_deduction"), row.getString("note"),
                        row.getString("evidence_ref"), JdbcValues.instant(row, "observed_at"),
                        JdbcValues.instant(row, "recorded_at"),
                        JdbcValues.constant(row, "status", FindingStatus.class), row.getString("withdrawal_reason")));
    }

    private List<RatingView.Inspection> inspections(MapSqlParameterSource station) {
        return jdbc.query("""
                SELECT inspection_id, department_id, inspection_date, kind FROM read_rating_inspection
                WHERE station_id = :stationId AND year = :year AND authorised
                ORDER BY inspection_date, inspection_id
                """, station, (row, index) ->
                new RatingView.Inspection(row.getString("inspection_id"), row.getString("department_id"),
                        JdbcValues.date(row, "inspection_date"), JdbcValues.constant(row, "kind", InspectionKind.class)));
    }

    private List<RatingView.Appeal> appeals(MapSqlParameterSource station) {
        return jdbc.query("""
                SELECT * FROM read_rating_appeal WHERE station_id = :stationId AND year = :year
                ORDER BY filed_at, appeal_id
                """, station, (row, index) ->
                new RatingView.Appeal(row.getString("appeal_id"), row.getString("grounds"),
                        JdbcValues.strings(row, "finding_ids"), JdbcValues.constant(row, "status", AppealStatus.class),
                        row.getString("decision_reason"), JdbcValues.instant(row, "filed_at"),
                        JdbcValues.instant(row, "decided_at")));
    }

    private RatingView.Draft draft(MapSqlParameterSource station) {
        return jdbc.query("SELECT * FROM read_rating_draft WHERE station_id = :stationId AND year = :year", station,
                (row, index) -> new RatingView.Draft(row.getBigDecimal("score"),
                        JdbcValues.constant(row, "eligible_grade", Grade.class), row.getBoolean("veto"))
        ).stream().findFirst().orElse(null);
    }

    private RatingView.Final finalRating(MapSqlParameterSource station) {
        return jdbc.query("SELECT * FROM read_rating_final WHERE station_id = :stationId AND year = :year", station,
                (row, index) -> new RatingView.Final(row.getBigDecimal("score"), row.getBoolean("veto"),
                        JdbcValues.constant(row, "eligible_grade", Grade.class),
                        JdbcValues.constant(row, "grade", Grade.class), row.getString("reason"),
                        JdbcValues.instant(row, "finalised_at"))
        ).stream().findFirst().orElse(null);
    }

    private List<RatingView.Revision> revisions(MapSqlParameterSource station) {
        return jdbc.query("""
                SELECT * FROM read_rating_revision WHERE station_id = :stationId AND year = :year ORDER BY revision
                """, station, (row, index) ->
                new RatingView.Revision(row.getInt("revision"), JdbcValues.constant(row, "cause", RevisionCause.class),
                        row.getString("appeal_id"), row.getBigDecimal("score"), row.getBoolean("veto"),
                        JdbcValues.constant(row, "eligible_grade", Grade.class),
                        JdbcValues.constant(row, "grade", Grade.class), row.getString("reason"),
                        JdbcValues.instant(row, "revised_at")));
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
