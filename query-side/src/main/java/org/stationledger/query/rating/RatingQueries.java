package org.stationledger.query.rating;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.rating.Grade;
import org.stationledger.events.rating.RatingRules;

/**
 * Reads of the rating read model. The live rating is graded here, on read, with the one grading rule
 * ({@link RatingRules}) from the scheme and the findings that count, and the draft from those that stood at the
 * close ({@link RatingDraft}).
 *
 * <p>A station's ratings are read with one statement that returns every part as JSON, parsed with Jackson into the
 * records below (the JSON keys are their component names): one round trip whatever the number of years, and one
 * snapshot (a statement's own), so the parts agree even while the projection writes. Each part is an uncorrelated
 * subquery grouped by year, so PostgreSQL runs it once, not once per cycle, whatever number of cycles it expects.
 * Table names stay unqualified: {@link RatingAsOf} runs these reads against temporary tables of the same names.
 * Timestamps come as epoch seconds with their microseconds (the same instants): Jackson reads a number into an
 * {@code Instant} without the date-time parser that an ISO text goes through, the largest share of a read's garbage.
 */
@Repository
class RatingQueries {

    /** Every part is narrowed to these years: one for a rating, all for the history. */
    private static final String YEARS = "year BETWEEN :firstYear AND :lastYear";

    /** The cycles of the years asked for, newest first. */
    private static final String CYCLES = """
            (SELECT json_agg(json_build_object('year', year, 'closed', closed, 'closedPosition', closed_position,
                        'schemePublished', scheme_published, 'gradeBands', json_build_object('level1', grade_level1, 'level2', grade_level2,
                            'level3', grade_level3, 'level4', grade_level4))
                    ORDER BY year DESC)
             FROM read_rating_cycle WHERE %s)
            """.formatted(YEARS);

    /** The published scheme's indicators, by year (a year is rated only once its scheme is published). */
    private static final String SCHEMES = """
            (SELECT json_object_agg(year, indicators) FROM (
                SELECT year, json_agg(json_build_object('indicatorId', indicator_id, 'title', title,
                            'departmentId', department_id, 'kind', kind, 'maxPoints', max_points)
                        ORDER BY indicator_id) AS indicators
                FROM read_rating_indicator JOIN read_rating_cycle USING (year)
                WHERE in_scheme AND %s
                GROUP BY year) scheme)
            """.formatted(YEARS);

    /**
     * A finding's deduction as it stood at its cycle's close, for the draft ({@link RatingDraft}): the recorded one
     * if it was recorded before the close and not withdrawn by its department before it, in the event store's order;
     * otherwise (and while the cycle is open) null. Read from a finding joined to its cycle.
     */
    private static final String DEDUCTION_AT_CLOSE = """
            CASE WHEN recorded_position < closed_position
                      AND (withdrawn_position IS NULL OR withdrawn_position > closed_position)
                 THEN original_deduction END""";

    /**
     * What a planned inspection assessed, in indicator order: the indicators of its plan item and of its department's
     * other items merged into the same visit. Null for an exception, or while its own item is not met yet (the
     * inspection then counts for its department's indicators, as it did before any item was known). Two look-ups by
     * key, not a scan of every year's items.
     */
    private static final String ITEM_INDICATORS = """
            (SELECT to_json(array_agg(DISTINCT indicator ORDER BY indicator))
             FROM (SELECT own.indicator_ids FROM read_rating_plan_item own
                   WHERE own.plan_item_id = read_rating_inspection.plan_item_id
                   UNION ALL
                   SELECT p.indicator_ids FROM read_rating_visit_item v
                   JOIN read_rating_plan_item p ON p.plan_item_id = v.plan_item_id
                   WHERE v.visit_id = read_rating_inspection.visit_id
                     AND p.department_id = read_rating_inspection.department_id
                     AND EXISTS (SELECT 1 FROM read_rating_plan_item own
                                 WHERE own.plan_item_id = read_rating_inspection.plan_item_id)) items,
                  unnest(items.indicator_ids) AS indicator)""";

    /** Everything a station's rating shows. */
    private static final String STATION_RATINGS = stationStatement("""
                    'findingId', finding_id, 'inspectionId', inspection_id, 'indicatorId', indicator_id,
                    'departmentId', department_id, 'deduction', deduction, 'originalDeduction', original_deduction,
                    'note', note, 'evidenceRef', evidence_ref, 'observedAt', extract(epoch FROM observed_at),
                    'recordedAt', extract(epoch FROM recorded_at), 'status', status,
                    'withdrawalReason', withdrawal_reason, 'deductionAtClose', """ + DEDUCTION_AT_CLOSE, """
                    'inspectionId', inspection_id, 'departmentId', department_id, 'date', inspection_date,
                    'kind', kind, 'planItemId', plan_item_id, 'indicatorIds', """ + ITEM_INDICATORS, """
                    'appealId', appeal_id, 'grounds', grounds, 'findingIds', finding_ids, 'status', status,
                    'decisionReason', decision_reason, 'filedAt', extract(epoch FROM filed_at),
                    'decidedAt', extract(epoch FROM decided_at)""");

    /**
     * What a history entry needs: of the findings what grading takes (live and at the close), of the inspections
     * who inspected (not what each assessed: a history entry shows no indicators, so no plan item is read), of the
     * appeals whether one is pending. Without the texts and timestamps a station's years are a third of the JSON.
     */
    private static final String STATION_HISTORY = stationStatement(
            "'indicatorId', indicator_id, 'deduction', deduction, 'status', status, 'deductionAtClose', "
            + DEDUCTION_AT_CLOSE,
            "'departmentId', department_id",
            "'status', status");

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectReader rowsReader;

    RatingQueries(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.rowsReader = json.readerFor(Rows.class);
    }

    /**
     * The station's rating for the year; empty when the projection knows no such station or cycle, the year's scheme
     * is not published yet, or the station is not rated that year ({@link RatingDraft#rated}: registered after the
     * close, or decommissioned before it or, while the year is open, at all), unless its rating is final.
     */
    Optional<RatingView> rating(String stationId, int year) {
        return rows(STATION_RATINGS, years(stationId, year, year)).stream().findFirst()
                .flatMap(rows -> rows.cycles().stream().filter(cycle -> rated(rows, cycle)).findFirst()
                        .map(cycle -> rating(stationId, rows, cycle)));
    }

    /**
     * The station's history, newest first: every year known but those whose scheme is not published yet and those
     * that do not rate the station (as {@link #rating}), each with the departments that inspected the station (who may
     * see it); empty when the projection knows no such station.
     */
    Optional<List<HistoryYear>> everyYear(String stationId) {
        return rows(STATION_HISTORY, years(stationId, Integer.MIN_VALUE, Integer.MAX_VALUE)).stream().findFirst()
                .map(rows -> rows.cycles().stream()
                        .filter(cycle -> rated(rows, cycle))
                        .map(cycle -> rating(stationId, rows, cycle))
                        .map(rating -> new HistoryYear(RatingHistoryEntry.of(rating), rating.inspectingDepartmentIds()))
                        .toList());
    }

    record HistoryYear(RatingHistoryEntry entry, Set<String> inspectingDepartmentIds) {
    }

    /**
     * A year is rated once its scheme is published: before, there is nothing to score against, and a rating would
     * show every station at 0 points, LEVEL_5 (or at the marks of indicators still being proposed). Then for the
     * stations in the registry at its close ({@link RatingDraft#rated}), and for any whose rating is final.
     */
    private static boolean rated(Rows rows, Cycle cycle) {
        return cycle.schemePublished() && (rows.finals().containsKey(cycle.year())
                || RatingDraft.rated(cycle.closedPosition(), rows.registeredPosition(), rows.decommissionedPosition()));
    }

    private static MapSqlParameterSource years(String stationId, int firstYear, int lastYear) {
        return new MapSqlParameterSource("stationId", stationId).addValue("firstYear", firstYear)
                .addValue("lastYear", lastYear);
    }

    private List<Rows> rows(String sql, MapSqlParameterSource parameters) {
        return jdbc.query(sql, parameters, (row, index) -> {
            try {
                // The column's UTF-8 text as sent: no String to decode first, a third less garbage per request.
                return rowsReader.readValue(row.getBytes(1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private RatingView rating(String stationId, Rows rows, Cycle cycle) {
        int year = cycle.year();
        List<SchemeIndicator> scheme = rows.schemes().getOrDefault(year, List.of());
        List<RatingView.Finding> findings = rows.findings().getOrDefault(year, List.of());
        List<RatingView.Inspection> inspections = rows.inspections().getOrDefault(year, List.of());
        List<RatingView.Appeal> appeals = rows.appeals().getOrDefault(year, List.of());
        RatingView.Final finalRating = rows.finals().get(year);
        List<RatingView.Revision> revisions = rows.revisions().getOrDefault(year, List.of());

        List<RatingRules.Indicator> rules = scheme.stream().map(SchemeIndicator::rule).toList();
        RatingRules.Rating live = RatingRules.rate(rules,
                findings.stream().filter(RatingView.Finding::counts).map(RatingView.Finding::live).toList(),
                cycle.gradeBands());
        RatingView.Draft draft = RatingDraft.of(rules, cycle.gradeBands(), cycle.closedPosition(),
                rows.registeredPosition(), rows.decommissionedPosition(), findings);
        Map<String, String> titles = new HashMap<>();
        scheme.forEach(indicator -> titles.put(indicator.indicatorId(), indicator.title()));
        // A finding on an indicator shows it was assessed, even where its item did not cover it (recorded before V17).
        Set<String> found = new HashSet<>();
        findings.forEach(finding -> found.add(finding.indicatorId()));
        List<RatingView.Indicator> indicators = live.indicators().stream()
                .map(graded -> RatingView.Indicator.of(graded, titles.get(graded.indicatorId()),
                        found.contains(graded.indicatorId()) || inspections.stream().anyMatch(inspection ->
                                inspection.assesses(graded.departmentId(), graded.indicatorId()))))
                .toList();
        boolean appealPending = appeals.stream().anyMatch(appeal -> appeal.status() == AppealStatus.PENDING);
        Grade officialGrade = !revisions.isEmpty()
                ? revisions.get(revisions.size() - 1).grade()
                : finalRating == null ? null : finalRating.grade();
        return new RatingView(stationId, rows.stationName(), year,
                RatingStatus.of(!cycle.closed(), appealPending, finalRating != null, revisions.size()),
                live.score(), live.eligibleGrade(), live.veto(), officialGrade, draft, finalRating,
                revisions, indicators, RatingView.Department.of(indicators), findings, inspections,
                indicators.stream().filter(Predicate.not(RatingView.Indicator::inspected))
                        .map(RatingView.Indicator::indicatorId).toList(),
                appeals);
    }

    /** The station's name, the cycles and every part of its ratings, each part's rows with the fields given. */
    private static String stationStatement(String findingFields, String inspectionFields, String appealFields) {
        return "SELECT json_build_object('stationName', name, 'registeredPosition', registered_position, "
               + "'decommissionedPosition', decommissioned_position, 'cycles', "
               + CYCLES
               + ", 'schemes', " + SCHEMES
               + ", 'findings', " + stationRowsByYear(
                       "read_rating_finding JOIN read_rating_cycle USING (year)", "TRUE", "recorded_at, finding_id",
                       findingFields)
               // Only the authorised inspections stand behind a rating.
               + ", 'inspections', " + stationRowsByYear("read_rating_inspection", "authorised",
                       "inspection_date, inspection_id", inspectionFields)
               + ", 'appeals', " + stationRowsByYear("read_rating_appeal", "TRUE", "filed_at, appeal_id",
                       appealFields)
               + ", 'finals', " + stationRowByYear("read_rating_final", """
                       'score', score, 'veto', veto, 'eligibleGrade', eligible_grade, 'grade', grade,
                       'reason', reason, 'finalisedAt', extract(epoch FROM finalised_at)""")
               + ", 'revisions', " + stationRowsByYear("read_rating_revision", "TRUE", "revision", """
                       'revision', revision, 'cause', cause, 'appealId', appeal_id, 'score', score, 'veto', veto,
                       'eligibleGrade', eligible_grade, 'grade', grade, 'reason', reason,
                       'revisedAt', extract(epoch FROM revised_at)""")
               + ") FROM read_rating_station WHERE station_id = :stationId";
    }

    /**
     * The station's rows of {@code from} (a table, or the findings joined to their cycle) that meet
     * {@code condition}, as JSON objects by year in {@code order}.
     */
    private static String stationRowsByYear(String from, String condition, String order, String fields) {
        return """
                (SELECT json_object_agg(year, objects) FROM (
                    SELECT year, json_agg(json_build_object(%s) ORDER BY %s) AS objects
                    FROM %s WHERE station_id = :stationId AND %s AND %s
                    GROUP BY year) part)
                """.formatted(fields, order, from, YEARS, condition);
    }

    /** The station's row of {@code table} (its key includes the year), as a JSON object by year. */
    private static String stationRowByYear(String table, String fields) {
        return """
                (SELECT json_object_agg(year, json_build_object(%s))
                 FROM %s WHERE station_id = :stationId AND %s)
                """.formatted(fields, table, YEARS);
    }

    /**
     * What {@link #STATION_RATINGS} returns: the station's name, the cycles newest first, and each part by year. A
     * part without rows is SQL NULL (an aggregate of nothing), read as empty.
     */
    private record Rows(String stationName, long registeredPosition, Long decommissionedPosition,
                        @JsonSetter(nulls = Nulls.AS_EMPTY) List<Cycle> cycles,
                        @JsonSetter(nulls = Nulls.AS_EMPTY) Map<Integer, List<SchemeIndicator>> schemes,
                        @JsonSetter(nulls = Nulls.AS_EMPTY) Map<Integer, List<RatingView.Finding>> findings,
                        @JsonSetter(nulls = Nulls.AS_EMPTY) Map<Integer, List<RatingView.Inspection>> inspections,
                        @JsonSetter(nulls = Nulls.AS_EMPTY) Map<Integer, List<RatingView.Appeal>> appeals,
                        @JsonSetter(nulls = Nulls.AS_EMPTY) Map<Integer, RatingView.Final> finals,
                        @JsonSetter(nulls = Nulls.AS_EMPTY) Map<Integer, List<RatingView.Revision>> revisions) {
    }

    private record Cycle(int year, boolean closed, Long closedPosition, boolean schemePublished, GradeBands gradeBands) {
    }

    /** An indicator of the year's scheme: what grading needs, and its title for the breakdown. */
    private record SchemeIndicator(String indicatorId, String title, String departmentId, IndicatorKind kind,
                                   int maxPoints) {

        RatingRules.Indicator rule() {
            return new RatingRules.Indicator(indicatorId, departmentId, kind, maxPoints);
        }
    }
}
