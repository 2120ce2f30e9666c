package org.stationledger.query.inspection;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.stationledger.events.LedgerMetaData;
import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionApproved;
import org.stationledger.events.inspection.ExceptionRefused;
import org.stationledger.events.inspection.ExceptionRequested;
import org.stationledger.events.inspection.InspectionAuthorised;
import org.stationledger.events.inspection.InspectionBlocked;
import org.stationledger.query.BatchedWrites;
import org.stationledger.query.EventPositions;
import org.stationledger.query.JdbcValues;
import org.stationledger.query.ProcessingGroups;

/**
 * The inspection read model. A request (authorised, blocked or an exception asked for) writes the whole row; the
 * co-ordinating office's decision on an exception changes its outcome. The group is sequenced per station, so an
 * inspection's events arrive here in order. Requests are written per batch of events ({@link BatchedWrites}); a
 * decision sends them first.
 */
@Component
@ProcessingGroup(ProcessingGroups.INSPECTIONS)
class InspectionProjection {

    /** A request's whole row; its position is the global index of the event that recorded it (see EventPositions). */
    private static final BatchedWrites.Rows REQUESTS = new BatchedWrites.Rows("""
            INSERT INTO read_inspection (inspection_id, year, station_id, department_id, inspection_date, status,
                                         plan_item_id, visit_id, exception_category, justification, reason_code,
                                         explanation, requested_at, requested_by, requested_position)
            SELECT r.inspection_id, r.year, r.station_id, r.department_id, r.inspection_date, r.status, r.plan_item_id,
                   r.visit_id, r.exception_category, r.justification, r.reason_code, r.explanation, r.requested_at,
                   r.requested_by, e.globalindex
            FROM unnest(CAST(:inspectionId AS TEXT[]), CAST(:year AS INT[]), CAST(:stationId AS TEXT[]),
                        CAST(:departmentId AS TEXT[]), CAST(:date AS DATE[]), CAST(:status AS TEXT[]),
                        CAST(:planItemId AS TEXT[]), CAST(:visitId AS TEXT[]), CAST(:exceptionCategory AS TEXT[]),
                        CAST(:justification AS TEXT[]), CAST(:reasonCode AS TEXT[]), CAST(:explanation AS TEXT[]),
                        CAST(:requestedAt AS TIMESTAMPTZ[]), CAST(:requestedBy AS TEXT[]), CAST(:eventId AS TEXT[]))
                 AS r(inspection_id, year, station_id, department_id, inspection_date, status, plan_item_id, visit_id,
                      exception_category, justification, reason_code, explanation, requested_at, requested_by,
                      event_id)
            LEFT JOIN LATERAL (%s) e ON TRUE
            ON CONFLICT (inspection_id) DO UPDATE SET
                year = EXCLUDED.year, station_id = EXCLUDED.station_id, department_id = EXCLUDED.department_id,
                inspection_date = EXCLUDED.inspection_date, status = EXCLUDED.status,
                plan_item_id = EXCLUDED.plan_item_id, visit_id = EXCLUDED.visit_id,
                exception_category = EXCLUDED.exception_category, justification = EXCLUDED.justification,
                reason_code = EXCLUDED.reason_code, explanation = EXCLUDED.explanation, decision_reason = NULL,
                decided_at = NULL, decided_by = NULL,
                requested_at = EXCLUDED.requested_at, requested_by = EXCLUDED.requested_by,
                requested_position = EXCLUDED.requested_position
            """.formatted(EventPositions.globalIndexOfEventIn("r.event_id")),
            "inspectionId", "year", "stationId", "departmentId", "date", "status", "planItemId", "visitId",
            "exceptionCategory", "justification", "reasonCode", "explanation", "requestedAt", "requestedBy", "eventId");

    private final NamedParameterJdbcTemplate jdbc;

    InspectionProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InspectionAuthorised event, @Timestamp Instant requestedAt,
            @MetaDataValue(LedgerMetaData.PRINCIPAL) String requestedBy, @MessageIdentifier String eventId) {
        record(new Request(event.inspectionId(), event.year(), event.stationId(), event.departmentId(), event.date(),
                InspectionStatus.AUTHORISED, event.planItemId(), event.visitId(), null, null, null, null),
                requestedAt, requestedBy, eventId);
    }

    @EventHandler
    void on(InspectionBlocked event, @Timestamp Instant requestedAt,
            @MetaDataValue(LedgerMetaData.PRINCIPAL) String requestedBy, @MessageIdentifier String eventId) {
        record(new Request(event.inspectionId(), event.year(), event.stationId(), event.departmentId(), event.date(),
                InspectionStatus.BLOCKED, event.planItemId(), null, event.exceptionCategory(), null,
                event.reasonCode().name(), event.explanation()), requestedAt, requestedBy, eventId);
    }

    @EventHandler
    void on(ExceptionRequested event, @Timestamp Instant requestedAt,
            @MetaDataValue(LedgerMetaData.PRINCIPAL) String requestedBy, @MessageIdentifier String eventId) {
        record(new Request(event.inspectionId(), event.year(), event.stationId(), event.departmentId(), event.date(),
                InspectionStatus.PENDING_EXCEPTION, null, null, event.category().name(), event.justification(), null,
                null), requestedAt, requestedBy, eventId);
    }

    @EventHandler
    void on(ExceptionApproved event, @Timestamp Instant decidedAt,
            @MetaDataValue(LedgerMetaData.PRINCIPAL) String decidedBy) {
        decide(event.inspectionId(), InspectionStatus.AUTHORISED, null, event.reason(), decidedAt, decidedBy);
    }

    @EventHandler
    void on(ExceptionRefused event, @Timestamp Instant decidedAt,
            @MetaDataValue(LedgerMetaData.PRINCIPAL) String decidedBy) {
        decide(event.inspectionId(), InspectionStatus.BLOCKED, BlockReason.EXCEPTION_REFUSED, event.reason(),
                decidedAt, decidedBy);
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().update(ProcessingGroups.emptyTablesOf(ProcessingGroups.INSPECTIONS));
    }

    private void record(Request request, Instant requestedAt, String requestedBy, String eventId) {
        BatchedWrites.write(jdbc, REQUESTS, request.inspectionId(), request.inspectionId(), request.year(),
                request.stationId(), request.departmentId(), request.date(), request.status().name(),
                request.planItemId(), request.visitId(), request.exceptionCategory(), request.justification(),
                request.reasonCode(), request.explanation(), requestedAt, requestedBy, eventId);
    }

    /** An exception decision keeps the request's category and justification, and says who decided it and when. */
    private void decide(String inspectionId, InspectionStatus status, BlockReason reasonCode, String decisionReason,
                        Instant decidedAt, String decidedBy) {
        BatchedWrites.flush();
        jdbc.update("""
                UPDATE read_inspection
                SET status = :status, reason_code = :reasonCode, decision_reason = :decisionReason,
                    decided_at = :decidedAt, decided_by = :decidedBy
                WHERE inspection_id = :inspectionId
                """, new MapSqlParameterSource("inspectionId", inspectionId)
                .addValue("status", status.name())
                .addValue("reasonCode", reasonCode == null ? null : reasonCode.name())
                .addValue("decisionReason", decisionReason)
                .addValue("decidedAt", JdbcValues.timestamp(decidedAt))
                .addValue("decidedBy", decidedBy));
    }

    /** What every kind of request records; the fields a kind does not have are null. */
    private record Request(String inspectionId, int year, String stationId, String departmentId, LocalDate date,
                           InspectionStatus status, String planItemId, String visitId, String exceptionCategory,
                           String justification, String reasonCode, String explanation) {
    }
}
