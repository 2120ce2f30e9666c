package org.stationledger.query.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.stationledger.events.assessment.CycleClosed;
import org.stationledger.events.assessment.CycleOpened;
import org.stationledger.events.assessment.IndicatorProposed;
import org.stationledger.events.assessment.PlanApproved;
import org.stationledger.events.assessment.SchemePublished;
import org.stationledger.events.inspection.JointVisitJoined;
import org.stationledger.events.inspection.JointVisitScheduled;
import org.stationledger.events.inspection.PlanItemApproved;
import org.stationledger.events.inspection.PlanItemProposed;
import org.stationledger.events.inspection.PlanItemRejected;
import org.stationledger.query.BatchedWrites;
import org.stationledger.query.JdbcValues;
import org.stationledger.query.SchemeRows;
import org.stationledger.query.ProcessingGroups;

/**
 * The cycle read model. Its events come from several aggregates (cycle, plan items, visits); the group is
 * sequenced per year (see QuerySideConfiguration), so a plan item is always proposed here before it is decided.
 * Every statement sets state from the event, so handling an event twice in order leaves the same rows. A plan's
 * approval schedules a visit per station: those rows are written per batch of events ({@link BatchedWrites}), and
 * a visit's join sends them first.
 */
@Component
@ProcessingGroup(ProcessingGroups.CYCLES)
class CycleProjection {

    private final NamedParameterJdbcTemplate jdbc;

    CycleProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CycleOpened event, @Timestamp Instant openedAt) {
        jdbc.update("""
                INSERT INTO read_cycle (year, status, visit_cap, comment_window_days, grade_level1, grade_level2,
                                        grade_level3, grade_level4, scheme_published, plan_approved, opened_at)
                VALUES (:year, :status, :visitCap, :commentWindowDays, :level1, :level2, :level3, :level4, FALSE,
                        FALSE, :openedAt)
                ON CONFLICT (year) DO UPDATE SET
                    status = EXCLUDED.status, visit_cap = EXCLUDED.visit_cap,
                    comment_window_days = EXCLUDED.comment_window_days, grade_level1 = EXCLUDED.grade_level1,
                    grade_level2 = EXCLUDED.grade_level2, grade_level3 = EXCLUDED.grade_level3,
                    grade_level4 = EXCLUDED.grade_level4, scheme_published = FALSE, plan_approved = FALSE,
                    opened_at = EXCLUDED.opened_at, closed_at = NULL
                """, new MapSqlParameterSource("year", event.year())
                .addValue("status", CycleStatus.OPEN.name())
                .addValue("visitCap", event.visitCap())
                .addValue("commentWindowDays", event.commentWindowDays())
                .addValue("level1", event.gradeBands().level1())
                .addValue("level2", event.gradeBands().level2())
                .addValue("level3", event.gradeBands().level3())
                .addValue("level4", event.gradeBands().level4())
                .addValue("openedAt", JdbcValues.timestamp(openedAt)));
    }

    @EventHandler
    void on(CycleClosed event, @Timestamp Instant closedAt) {
        jdbc.update("UPDATE read_cycle SET status = :status, closed_at = :closedAt WHERE year = :year",
                Map.of("year", event.year(), "status", CycleStatus.CLOSED.name(),
                        "closedAt", JdbcValues.timestamp(closedAt)));
    }

    @EventHandler
    void on(IndicatorProposed event) {
        SchemeRows.proposed(jdbc, "read_indicator", event);
    }

    @EventHandler
    void on(SchemePublished event) {
        jdbc.update("UPDATE read_cycle SET scheme_published = TRUE WHERE year = :year", Map.of("year", event.year()));
        SchemeRows.published(jdbc, "read_indicator", event);
    }

    @EventHandler
    void on(PlanItemProposed event, @Timestamp Instant proposedAt) {
        jdbc.update("""
                INSERT INTO read_plan_item (plan_item_id, year, department_id, kind, from_date, to_date, station_ids,
                                            indicator_ids, status, proposed_at)
                VALUES (:planItemId, :year, :departmentId, :kind, :from, :to, CAST(:stationIds AS TEXT[]),
                        CAST(:indicatorIds AS TEXT[]), :status, :proposedAt)
                ON CONFLICT (plan_item_id) DO UPDATE SET
                    year = EXCLUDED.year, department_id = EXCLUDED.department_id, kind = EXCLUDED.kind,
                    from_date = EXCLUDED.from_date, to_date = EXCLUDED.to_date, station_ids = EXCLUDED.station_ids,
                    indicator_ids = EXCLUDED.indicator_ids, status = EXCLUDED.status, rejection_reason = NULL,
                    proposed_at = EXCLUDED.proposed_at
                """, new MapSqlParameterSource("planItemId", event.planItemId())
                .addValue("year", event.year())
                .addValue("departmentId", event.departmentId())
                .addValue("kind", event.kind().name())
                .addValue("from", event.from())
                .addValue("to", event.to())
                .addValue("stationIds", JdbcValues.textArray(event.stationIds()))
                .addValue("indicatorIds", JdbcValues.textArray(event.indicatorIds()))
                .addValue("status", PlanItemStatus.PROPOSED.name())
                .addValue("proposedAt", JdbcValues.timestamp(proposedAt)));
    }

    @EventHandler
    void on(PlanItemApproved event) {
        jdbc.update("UPDATE read_plan_item SET status = :status, rejection_reason = NULL WHERE plan_item_id = :planItemId",
                Map.of("planItemId", event.planItemId(), "status", PlanItemStatus.APPROVED.name()));
    }

    @EventHandler
    void on(PlanItemRejected event) {
        jdbc.update("UPDATE read_plan_item SET status = :status, rejection_reason = :reason WHERE plan_item_id = :planItemId",
                new MapSqlParameterSource("planItemId", event.planItemId())
                        .addValue("status", PlanItemStatus.REJECTED.name())
                        .addValue("reason", event.reason()));
    }

    /** The approval names its items' outcome; a rejection's reason comes with that item's own PlanItemRejected. */
    @EventHandler
    void on(PlanApproved event) {
        jdbc.update("UPDATE read_cycle SET plan_approved = TRUE WHERE year = :year", Map.of("year", event.year()));
        setStatus(event.year(), event.approvedPlanItemIds(), PlanItemStatus.APPROVED);
        setStatus(event.year(), event.rejectedPlanItemIds(), PlanItemStatus.REJECTED);
    }

    @EventHandler
    void on(JointVisitScheduled event) {
        BatchedWrites.write(jdbc, """
                INSERT INTO read_visit (visit_id, year, station_id, from_date, to_date, plan_item_ids, department_ids)
                VALUES (:visitId, :year, :stationId, :from, :to, CAST(:planItemIds AS TEXT[]),
                        CAST(:departmentIds AS TEXT[]))
                ON CONFLICT (visit_id) DO UPDATE SET
                    year = EXCLUDED.year, station_id = EXCLUDED.station_id, from_date = EXCLUDED.from_date,
                    to_date = EXCLUDED.to_date, plan_item_ids = EXCLUDED.plan_item_ids,
                    department_ids = EXCLUDED.department_ids
                """, new MapSqlParameterSource("visitId", event.visitId())
                .addValue("year", event.year())
                .addValue("stationId", event.stationId())
                .addValue("from", event.from())
                .addValue("to", event.to())
                .addValue("planItemIds", JdbcValues.textArray(event.planItemIds()))
                .addValue("departmentIds", JdbcValues.textArray(event.departmentIds())));
    }

    /** The joining item and its department are added once; the window becomes the overlap the event names. */
    @EventHandler
    void on(JointVisitJoined event) {
        BatchedWrites.flush();
        jdbc.update("""
                UPDATE read_visit SET
                    from_date = :from, to_date = :to,
                    plan_item_ids = CASE WHEN :planItemId = ANY (plan_item_ids) THEN plan_item_ids
                                         ELSE array_append(plan_item_ids, CAST(:planItemId AS TEXT)) END,
                    department_ids = CASE WHEN :departmentId = ANY (department_ids) THEN department_ids
                                          ELSE array_append(department_ids, CAST(:departmentId AS TEXT)) END
                WHERE visit_id = :visitId
                """, new MapSqlParameterSource("visitId", event.visitId())
                .addValue("from", event.from())
                .addValue("to", event.to())
                .addValue("planItemId", event.planItemId())
                .addValue("departmentId", event.departmentId()));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().update(ProcessingGroups.emptyTablesOf(ProcessingGroups.CYCLES));
    }

    private void setStatus(int year, List<String> planItemIds, PlanItemStatus status) {
        jdbc.update("""
                UPDATE read_plan_item SET status = :status
                WHERE year = :year AND plan_item_id = ANY (CAST(:planItemIds AS TEXT[]))
                """, new MapSqlParameterSource("year", year)
                .addValue("status", status.name())
                .addValue("planItemIds", JdbcValues.textArray(planItemIds)));
    }
}
