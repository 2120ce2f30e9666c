package org.stationledger.query.rating;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.stationledger.events.assessment.CycleClosed;
import org.stationledger.events.assessment.CycleOpened;
import org.stationledger.events.assessment.IndicatorProposed;
import org.stationledger.events.assessment.SchemePublished;
import org.stationledger.events.inspection.ExceptionApproved;
import org.stationledger.events.inspection.ExceptionRequested;
import org.stationledger.events.inspection.FindingRecorded;
import org.stationledger.events.inspection.FindingWithdrawn;
import org.stationledger.events.inspection.InspectionAuthorised;
import org.stationledger.events.inspection.JointVisitJoined;
import org.stationledger.events.inspection.JointVisitScheduled;
import org.stationledger.events.inspection.PlanItemProposed;
import org.stationledger.events.rating.AppealDismissed;
import org.stationledger.events.rating.AppealFiled;
import org.stationledger.events.rating.AppealUpheld;
import org.stationledger.events.rating.Grade;
import org.stationledger.events.rating.RatingFinalised;
import org.stationledger.events.rating.RatingRevised;
import org.stationledger.events.station.StationDetailsChanged;
import org.stationledger.events.station.StationDecommissioned;
import org.stationledger.events.station.StationRegistered;
import org.stationledger.query.BatchedWrites;
import org.stationledger.query.EventPositions;
import org.stationledger.query.JdbcValues;
import org.stationledger.query.SchemeRows;
import org.stationledger.query.ProcessingGroups;

/**
 * The rating read model. It handles every event a rating depends on itself (stations, cycles, scheme, inspections,
 * findings, appeals, final ratings and revisions), because its processor replays independently of the others. Its
 * two segments handle each station's events in order, and each year's cycle events (QuerySideConfiguration), but
 * not one station's against another's or against the cycle's: no handler reads what another station or the cycle
 * wrote. What a draft needs of the store's order across them — whether a finding, a withdrawal or a registration
 * came before the close — is kept as the events' global indexes and compared on read ({@link RatingDraft}). Every
 * statement sets state from the event, so handling an event twice in order leaves the same rows.
 *
 * <p>The writes of the frequent events (stations, inspections, findings, final ratings: each an upsert of its own
 * row) are held back and sent per batch of events ({@link BatchedWrites}); every other handler sends them first.
 */
@Component
@ProcessingGroup(ProcessingGroups.RATINGS)
class RatingProjection {

    /**
     * A finding as recorded, with its event's global index; recording it again (a replay) also clears a
     * withdrawal.
     */
    private static final BatchedWrites.Rows FINDINGS = new BatchedWrites.Rows("""
            INSERT INTO read_rating_finding (finding_id, year, station_id, inspection_id, department_id, indicator_id,
                                             deduction, original_deduction, note, evidence_ref, observed_at,
                                             recorded_at, status, recorded_position)
            SELECT f.finding_id, f.year, f.station_id, f.inspection_id, f.department_id, f.indicator_id, f.deduction,
                   f.deduction, f.note, f.evidence_ref, f.observed_at, f.recorded_at, f.status, e.globalindex
            FROM unnest(CAST(:findingId AS TEXT[]), CAST(:year AS INT[]), CAST(:stationId AS TEXT[]),
                        CAST(:inspectionId AS TEXT[]), CAST(:departmentId AS TEXT[]), CAST(:indicatorId AS TEXT[]),
                        CAST(:deduction AS NUMERIC[]), CAST(:note AS TEXT[]), CAST(:evidenceRef AS TEXT[]),
                        CAST(:observedAt AS TIMESTAMPTZ[]), CAST(:recordedAt AS TIMESTAMPTZ[]),
                        CAST(:status AS TEXT[]), CAST(:eventId AS TEXT[]))
                 AS f(finding_id, year, station_id, inspection_id, department_id, indicator_id, deduction, note,
                      evidence_ref, observed_at, recorded_at, status, event_id)
            LEFT JOIN LATERAL (%s) e ON TRUE
            ON CONFLICT (finding_id) DO UPDATE SET
                year = EXCLUDED.year, station_id = EXCLUDED.station_id, inspection_id = EXCLUDED.inspection_id,
                department_id = EXCLUDED.department_id, indicator_id = EXCLUDED.indicator_id,
                deduction = EXCLUDED.deduction, original_deduction = EXCLUDED.original_deduction,
                note = EXCLUDED.note, evidence_ref = EXCLUDED.evidence_ref, observed_at = EXCLUDED.observed_at,
                recorded_at = EXCLUDED.recorded_at, status = EXCLUDED.status, withdrawal_reason = NULL,
                recorded_position = EXCLUDED.recorded_position, withdrawn_position = NULL
            """.formatted(EventPositions.globalIndexOfEventIn("f.event_id")),
            "findingId", "year", "stationId", "inspectionId", "departmentId",
            "indicatorId", "deduction", "note", "evidenceRef", "observedAt", "recordedAt", "status", "eventId");

    /** An inspection, with the plan item it was authorised under and the visit it used (none for an exception). */
    private static final BatchedWrites.Rows INSPECTIONS = new BatchedWrites.Rows("""
            INSERT INTO read_rating_inspection (inspection_id, year, station_id, department_id, inspection_date, kind,
                                                authorised, plan_item_id, visit_id)
            SELECT * FROM unnest(CAST(:inspectionId AS TEXT[]), CAST(:year AS INT[]), CAST(:stationId AS TEXT[]),
                                 CAST(:departmentId AS TEXT[]), CAST(:date AS DATE[]), CAST(:kind AS TEXT[]),
                                 CAST(:authorised AS BOOLEAN[]), CAST(:planItemId AS TEXT[]),
                                 CAST(:visitId AS TEXT[]))
            ON CONFLICT (inspection_id) DO UPDATE SET
                year = EXCLUDED.year, station_id = EXCLUDED.station_id, department_id = EXCLUDED.department_id,
                inspection_date = EXCLUDED.inspection_date, kind = EXCLUDED.kind, authorised = EXCLUDED.authorised,
                plan_item_id = EXCLUDED.plan_item_id, visit_id = EXCLUDED.visit_id
            """, "inspectionId", "year", "stationId", "departmentId", "date", "kind", "authorised", "planItemId",
            "visitId");

    /** A plan item merged into a visit (a row is its whole key: written once, never changed). */
    private static final BatchedWrites.Rows VISIT_ITEMS = new BatchedWrites.Rows("""
            INSERT INTO read_rating_visit_item (visit_id, plan_item_id)
            SELECT * FROM unnest(CAST(:visitId AS TEXT[]), CAST(:planItemId AS TEXT[]))
            ON CONFLICT DO NOTHING
            """, "visitId", "planItemId");

    /** A station as registered, with its registration's global index. */
    private static final BatchedWrites.Rows REGISTRATIONS = new BatchedWrites.Rows("""
            INSERT INTO read_rating_station (station_id, name, kind, registered_position)
            SELECT s.station_id, s.name, s.kind, e.globalindex
            FROM unnest(CAST(:stationId AS TEXT[]), CAST(:name AS TEXT[]), CAST(:kind AS TEXT[]),
                        CAST(:eventId AS TEXT[])) AS s(station_id, name, kind, event_id)
            LEFT JOIN LATERAL (%s) e ON TRUE
            ON CONFLICT (station_id) DO UPDATE SET
                name = EXCLUDED.name, kind = EXCLUDED.kind, registered_position = EXCLUDED.registered_position
            """.formatted(EventPositions.globalIndexOfEventIn("s.event_id")), "stationId", "name", "kind", "eventId");

    private static final BatchedWrites.Rows FINAL_RATINGS = new BatchedWrites.Rows("""
            INSERT INTO read_rating_final (station_id, year, score, veto, eligible_grade, grade, reason, finalised_at)
            SELECT * FROM unnest(CAST(:stationId AS TEXT[]), CAST(:year AS INT[]), CAST(:score AS NUMERIC[]),
                                 CAST(:veto AS BOOLEAN[]), CAST(:eligibleGrade AS TEXT[]), CAST(:grade AS TEXT[]),
                                 CAST(:reason AS TEXT[]), CAST(:finalisedAt AS TIMESTAMPTZ[]))
            ON CONFLICT (station_id, year) DO UPDATE SET
                score = EXCLUDED.score, veto = EXCLUDED.veto, eligible_grade = EXCLUDED.eligible_grade,
                grade = EXCLUDED.grade, reason = EXCLUDED.reason, finalised_at = EXCLUDED.finalised_at
            """, "stationId", "year", "score", "veto", "eligibleGrade", "grade", "reason", "finalisedAt");

    private final NamedParameterJdbcTemplate jdbc;

    RatingProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StationRegistered event, @MessageIdentifier String eventId) {
        BatchedWrites.write(jdbc, REGISTRATIONS, event.stationId(), event.stationId(), event.name(),
                event.kind().name(), eventId);
    }

    /** The rating shows the station's current name. */
    @EventHandler
    void on(StationDetailsChanged event) {
        BatchedWrites.flush();
        jdbc.update("UPDATE read_rating_station SET name = :name, kind = :kind WHERE station_id = :stationId",
                new MapSqlParameterSource("stationId", event.stationId())
                        .addValue("name", event.name())
                        .addValue("kind", event.kind().name()));
    }

    /** From its decommissioning on, a station is in no year's rating that has not closed (RatingDraft). */
    @EventHandler
    void on(StationDecommissioned event, @MessageIdentifier String eventId) {
        BatchedWrites.flush();
        jdbc.update("UPDATE read_rating_station SET decommissioned_position = " + EventPositions.GLOBAL_INDEX_OF_EVENT
                    + " WHERE station_id = :stationId",
                new MapSqlParameterSource("stationId", event.stationId()).addValue("eventId", eventId));
    }

    @EventHandler
    void on(CycleOpened event) {
        BatchedWrites.flush();
        jdbc.update("""
                INSERT INTO read_rating_cycle (year, closed, grade_level1, grade_level2, grade_level3, grade_level4,
                                               scheme_published)
                VALUES (:year, FALSE, :level1, :level2, :level3, :level4, FALSE)
                ON CONFLICT (year) DO UPDATE SET
                    closed = FALSE, closed_position = NULL, grade_level1 = EXCLUDED.grade_level1,
                    grade_level2 = EXCLUDED.grade_level2, grade_level3 = EXCLUDED.grade_level3,
                    grade_level4 = EXCLUDED.grade_level4,
                    scheme_published = FALSE
                """, new MapSqlParameterSource("year", event.year())
                .addValue("level1", event.gradeBands().level1())
                .addValue("level2", event.gradeBands().level2())
                .addValue("level3", event.gradeBands().level3())
                .addValue("level4", event.gradeBands().level4()));
    }

    @EventHandler
    void on(IndicatorProposed event) {
        BatchedWrites.flush();
        SchemeRows.proposed(jdbc, "read_rating_indicator", event);
    }

    @EventHandler
    void on(SchemePublished event) {
        BatchedWrites.flush();
        jdbc.update("UPDATE read_rating_cycle SET scheme_published = TRUE WHERE year = :year", Map.of("year", event.year()));
        SchemeRows.published(jdbc, "read_rating_indicator", event);
    }

    /** The close's global index is where every station's draft is taken ({@link RatingDraft}). */
    @EventHandler
    void on(CycleClosed event, @MessageIdentifier String eventId) {
        BatchedWrites.flush();
        jdbc.update("UPDATE read_rating_cycle SET closed = TRUE, closed_position = %s WHERE year = :year"
                .formatted(EventPositions.GLOBAL_INDEX_OF_EVENT), Map.of("year", event.year(), "eventId", eventId));
    }

    /** Which indicators an inspection under the item assesses; only this table is written here, so no flush. */
    @EventHandler
    void on(PlanItemProposed event) {
        jdbc.update("""
                INSERT INTO read_rating_plan_item (plan_item_id, indicator_ids, department_id)
                VALUES (:planItemId, CAST(:indicatorIds AS TEXT[]), :departmentId)
                ON CONFLICT (plan_item_id) DO UPDATE SET
                    indicator_ids = EXCLUDED.indicator_ids, department_id = EXCLUDED.department_id
                """, new MapSqlParameterSource("planItemId", event.planItemId())
                .addValue("indicatorIds", JdbcValues.textArray(event.indicatorIds()))
                .addValue("departmentId", event.departmentId()));
    }

    /** The items merged into a visit: an inspection of it assesses what its department's items there cover. */
    @EventHandler
    void on(JointVisitScheduled event) {
        mergedIntoVisit(event.visitId(), event.planItemIds());
    }

    @EventHandler
    void on(JointVisitJoined event) {
        mergedIntoVisit(event.visitId(), List.of(event.planItemId()));
    }

    @EventHandler
    void on(InspectionAuthorised event) {
        recordInspection(event.inspectionId(), event.year(), event.stationId(), event.departmentId(), event.date(),
                InspectionKind.PLANNED, true, event.planItemId(), event.visitId());
    }

    /** An exception stands behind a rating only once the co-ordinating office approves it. */
    @EventHandler
    void on(ExceptionRequested event) {
        recordInspection(event.inspectionId(), event.year(), event.stationId(), event.departmentId(), event.date(),
                InspectionKind.EXCEPTION, false, null, null);
    }

    @EventHandler
    void on(ExceptionApproved event) {
        BatchedWrites.flush();
        jdbc.update("UPDATE read_rating_inspection SET authorised = TRUE WHERE inspection_id = :inspectionId",
                Map.of("inspectionId", event.inspectionId()));
    }

    @EventHandler
    void on(FindingRecorded event, @Timestamp Instant recordedAt, @MessageIdentifier String eventId) {
        BatchedWrites.write(jdbc, FINDINGS, event.findingId(), event.findingId(), event.year(), event.stationId(),
                event.inspectionId(), event.departmentId(), event.indicatorId(), event.deduction(), event.note(),
                event.evidenceRef(), event.observedAt(), recordedAt, FindingStatus.LIVE, eventId);
    }

    /** A department withdraws before the close; where, the draft needs to know. */
    @EventHandler
    void on(FindingWithdrawn event, @MessageIdentifier String eventId) {
        BatchedWrites.flush();
        withdraw(List.of(event.findingId()), event.reason(), eventId);
    }

    @EventHandler
    void on(AppealFiled event, @Timestamp Instant filedAt) {
        BatchedWrites.flush();
        jdbc.update("""
                INSERT INTO read_rating_appeal (appeal_id, year, station_id, grounds, finding_ids, status, filed_at)
                VALUES (:appealId, :year, :stationId, :grounds, CAST(:findingIds AS TEXT[]), :status, :filedAt)
                ON CONFLICT (appeal_id) DO UPDATE SET
                    year = EXCLUDED.year, station_id = EXCLUDED.station_id, grounds = EXCLUDED.grounds,
                    finding_ids = EXCLUDED.finding_ids, status = EXCLUDED.status, decision_reason = NULL,
                    filed_at = EXCLUDED.filed_at, decided_at = NULL
                """, new MapSqlParameterSource("appealId", event.appealId())
                .addValue("year", event.year())
                .addValue("stationId", event.stationId())
                .addValue("grounds", event.grounds())
                .addValue("findingIds", JdbcValues.textArray(event.findingIds()))
                .addValue("status", AppealStatus.PENDING.name())
                .addValue("filedAt", JdbcValues.timestamp(filedAt)));
    }

    /** The appeal's reason is the reason its withdrawn findings show; a reduced finding keeps its original deduction. */
    @EventHandler
    void on(AppealUpheld event, @Timestamp Instant decidedAt) {
        BatchedWrites.flush();
        decide(event.appealId(), AppealStatus.UPHELD, event.reason(), decidedAt);
        withdraw(event.withdrawnFindingIds(), event.reason(), null);
        jdbc.batchUpdate("""
                UPDATE read_rating_finding SET deduction = :deduction, status = :status WHERE finding_id = :findingId
                """, event.reductions().stream()
                        .map(reduction -> new MapSqlParameterSource("findingId", reduction.findingId())
                                .addValue("deduction", reduction.deduction())
                                .addValue("status", FindingStatus.REDUCED.name()))
                        .toArray(MapSqlParameterSource[]::new));
    }

    @EventHandler
    void on(AppealDismissed event, @Timestamp Instant decidedAt) {
        BatchedWrites.flush();
        decide(event.appealId(), AppealStatus.DISMISSED, event.reason(), decidedAt);
    }

    @EventHandler
    void on(RatingFinalised event, @Timestamp Instant finalisedAt) {
        BatchedWrites.write(jdbc, FINAL_RATINGS, List.of(event.stationId(), event.year()), event.stationId(),
                event.year(), event.score(), event.veto(), event.eligibleGrade().name(), event.grade().name(),
                event.reason(), finalisedAt);
    }

    @EventHandler
    void on(RatingRevised event, @Timestamp Instant revisedAt) {
        BatchedWrites.flush();
        jdbc.update("""
                INSERT INTO read_rating_revision (station_id, year, revision, cause, appeal_id, score, veto,
                                                  eligible_grade, grade, reason, revised_at)
                VALUES (:stationId, :year, :revision, :cause, :appealId, :score, :veto, :eligibleGrade, :grade,
                        :reason, :revisedAt)
                ON CONFLICT (station_id, year, revision) DO UPDATE SET
                    cause = EXCLUDED.cause, appeal_id = EXCLUDED.appeal_id, score = EXCLUDED.score,
                    veto = EXCLUDED.veto, eligible_grade = EXCLUDED.eligible_grade, grade = EXCLUDED.grade,
                    reason = EXCLUDED.reason, revised_at = EXCLUDED.revised_at
                """, graded(event.stationId(), event.year(), event.score(), event.veto(), event.eligibleGrade(),
                event.grade(), event.reason())
                .addValue("revision", event.revision())
                .addValue("cause", event.cause().name())
                .addValue("appealId", event.appealId())
                .addValue("revisedAt", JdbcValues.timestamp(revisedAt)));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().update(ProcessingGroups.emptyTablesOf(ProcessingGroups.RATINGS));
    }

    private void recordInspection(String inspectionId, int year, String stationId, String departmentId,
                                  LocalDate date, InspectionKind kind, boolean authorised, String planItemId,
                                  String visitId) {
        BatchedWrites.write(jdbc, INSPECTIONS, inspectionId, inspectionId, year, stationId, departmentId, date, kind,
                authorised, planItemId, visitId);
    }

    private void mergedIntoVisit(String visitId, List<String> planItemIds) {
        planItemIds.forEach(planItemId ->
                BatchedWrites.write(jdbc, VISIT_ITEMS, visitId + " " + planItemId, visitId, planItemId));
    }

    /**
     * A withdrawal by the finding's department ({@code eventId} its event: where it stands in the store's order, for
     * the draft), or by an upheld appeal after the close ({@code eventId} null: no position).
     */
    private void withdraw(List<String> findingIds, String reason, String eventId) {
        jdbc.update("""
                UPDATE read_rating_finding
                SET status = :status, withdrawal_reason = :reason, withdrawn_position = %s
                WHERE finding_id = ANY (CAST(:findingIds AS TEXT[]))
                """.formatted(EventPositions.GLOBAL_INDEX_OF_EVENT),
                new MapSqlParameterSource("findingIds", JdbcValues.textArray(findingIds))
                        .addValue("status", FindingStatus.WITHDRAWN.name())
                        .addValue("reason", reason)
                        .addValue("eventId", eventId, Types.VARCHAR));
    }

    private void decide(String appealId, AppealStatus status, String reason, Instant decidedAt) {
        jdbc.update("""
                UPDATE read_rating_appeal SET status = :status, decision_reason = :reason, decided_at = :decidedAt
                WHERE appeal_id = :appealId
                """, new MapSqlParameterSource("appealId", appealId)
                .addValue("status", status.name())
                .addValue("reason", reason)
                .addValue("decidedAt", JdbcValues.timestamp(decidedAt)));
    }

    /** What a revision records. */
    private static MapSqlParameterSource graded(String stationId, int year, BigDecimal score, boolean veto,
                                                Grade eligibleGrade, Grade grade, String reason) {
        return new MapSqlParameterSource("stationId", stationId)
                .addValue("year", year)
                .addValue("score", score)
                .addValue("veto", veto)
                .addValue("eligibleGrade", eligibleGrade.name())
                .addValue("grade", grade.name())
                .addValue("reason", reason);
    }
}
