package org.stationledger.query.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.stationledger.events.assessment.CommentWindow;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.inspection.PlanItemKind;
import org.stationledger.query.JdbcValues;
import org.stationledger.query.assessment.CycleView.GradeBandsView;
import org.stationledger.query.assessment.CycleView.Indicator;
import org.stationledger.query.assessment.CycleView.JointVisit;
import org.stationledger.query.assessment.CycleView.PlanItem;

/** Reads of the cycle read model. */
@Repository
class CycleQueries {

    private final NamedParameterJdbcTemplate jdbc;

    CycleQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<CycleSummary> cycles() {
        return jdbc.query("SELECT year, status FROM read_cycle ORDER BY year", Map.of(), (row, index) ->
                new CycleSummary(row.getInt("year"), JdbcValues.constant(row, "status", CycleStatus.class)));
    }

    /**
     * The year's cycle. With a station, only the plan items that include it, each naming that station alone (which
     * other stations an item visits, and when, is not the station's to know), and its visits; without, all of them.
     * Read in one snapshot, so the parts agree even while the projection writes.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Optional<CycleView> cycle(int year, String stationId) {
        var filter = new MapSqlParameterSource("year", year).addValue("stationId", stationId);
        return settings(year).map(settings -> {
            List<Indicator> indicators = indicators(year, settings.schemePublished());
            return new CycleView(year, settings.status(), settings.visitCap(), settings.commentWindowDays(),
                    settings.closedAt(), settings.closedAt() == null ? null
                            : CommentWindow.appealsUntil(settings.closedAt(), settings.commentWindowDays()),
                    settings.gradeBands(), settings.schemePublished(), CycleView.totalPoints(indicators), indicators,
                    settings.planApproved(), planItems(filter), jointVisits(filter));
        });
    }

    private Optional<Settings> settings(int year) {
        return jdbc.query("SELECT * FROM read_cycle WHERE year = :year", Map.of("year", year), (row, index) ->
                new Settings(JdbcValues.constant(row, "status", CycleStatus.class), row.getInt("visit_cap"),
                        row.getInt("comment_window_days"), JdbcValues.instant(row, "closed_at"),
                        new GradeBandsView(row.getDouble("grade_level1"), row.getDouble("grade_level2"),
                                row.getDouble("grade_level3"), row.getDouble("grade_level4")),
                        row.getBoolean("scheme_published"), row.getBoolean("plan_approved"))
        ).stream().findFirst();
    }

    /** Once the scheme is published, exactly its indicators; before, every one proposed. */
    private List<Indicator> indicators(int year, boolean schemePublished) {
        return jdbc.query("""
                SELECT indicator_id, title, department_id, max_points, kind FROM read_indicator
                WHERE year = :year AND (in_scheme OR NOT :schemePublished)
                ORDER BY indicator_id
                """, Map.of("year", year, "schemePublished", schemePublished), (row, index) ->
                new Indicator(row.getString("indicator_id"), row.getString("title"), row.getString("department_id"),
                        row.getInt("max_points"), JdbcValues.constant(row, "kind", IndicatorKind.class)));
    }

    private List<PlanItem> planItems(MapSqlParameterSource filter) {
        return jdbc.query("""
                SELECT plan_item_id, department_id, kind, from_date, to_date, indicator_ids, status, rejection_reason,
                       CASE WHEN CAST(:stationId AS TEXT) IS NULL THEN station_ids
                            ELSE ARRAY[CAST(:stationId AS TEXT)] END AS station_ids
                FROM read_plan_item
                WHERE year = :year AND (CAST(:stationId AS TEXT) IS NULL OR :stationId = ANY (station_ids))
                ORDER BY proposed_at, plan_item_id
                """, filter, (row, index) ->
                new PlanItem(row.getString("plan_item_id"), row.getString("department_id"),
                        JdbcValues.constant(row, "kind", PlanItemKind.class), JdbcValues.date(row, "from_date"),
                        JdbcValues.date(row, "to_date"), JdbcValues.strings(row, "station_ids"),
                        JdbcValues.strings(row, "indicator_ids"),
                        JdbcValues.constant(row, "status", PlanItemStatus.class), row.getString("rejection_reason")));
    }

    private List<JointVisit> jointVisits(MapSqlParameterSource filter) {
        return jdbc.query("""
                SELECT * FROM read_visit
                WHERE year = :year AND (CAST(:stationId AS TEXT) IS NULL OR station_id = :stationId)
                ORDER BY station_id, from_date, visit_id
                """, filter, (row, index) ->
                new JointVisit(row.getString("visit_id"), row.getString("station_id"),
                        JdbcValues.date(row, "from_date"), JdbcValues.date(row, "to_date"),
                        JdbcValues.strings(row, "plan_item_ids"), JdbcValues.strings(row, "department_ids")));
    }

    /** The cycle's own row. */
    private record Settings(CycleStatus status, int visitCap, int commentWindowDays, Instant closedAt,
                            GradeBandsView gradeBands,
                            boolean schemePublished, boolean planApproved) {
    }
}
