package org.stationledger.query.audit;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.stationledger.query.JdbcValues;
import org.stationledger.query.ProcessingGroups;

/**
 * Indexes every stored event by the columns the audit trail filters on. The row is keyed by the event's global
 * index, so handling an event again rewrites the same row.
 *
 * <p>The global index is the event's own, looked up by its identifier in the same statement. The tracking token's
 * position is not it: an event committed late (it filled a gap in the global index, because a concurrent command
 * committed after a later one) arrives with the token's high-water mark, which is another event's index; keyed by
 * that, it overwrote that event's row.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_INDEX)
class AuditIndexProjection {

    private final NamedParameterJdbcTemplate jdbc;

    AuditIndexProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, @Timestamp Instant recordedAt) {
        AuditScope scope = AuditScope.of(payload, event.getMetaData());
        String aggregateId = event instanceof DomainEventMessage<?> domainEvent
                ? domainEvent.getAggregateIdentifier()
                : null;
        jdbc.update("""
                INSERT INTO read_audit_index (global_index, event_type, aggregate_id, year, department_id, station_ids,
                                              recorded_at)
                SELECT globalindex, :eventType, :aggregateId, :year, :departmentId, CAST(:stationIds AS TEXT[]),
                       :recordedAt
                FROM domainevententry WHERE eventidentifier = :eventId
                ON CONFLICT (global_index) DO UPDATE SET
                    event_type = EXCLUDED.event_type, aggregate_id = EXCLUDED.aggregate_id, year = EXCLUDED.year,
                    department_id = EXCLUDED.department_id, station_ids = EXCLUDED.station_ids,
                    recorded_at = EXCLUDED.recorded_at
                """, new MapSqlParameterSource("eventId", event.getIdentifier())
                .addValue("eventType", event.getPayloadType().getSimpleName())
                .addValue("aggregateId", aggregateId)
                .addValue("year", scope.year())
                .addValue("departmentId", scope.departmentId())
                .addValue("stationIds", JdbcValues.textArray(scope.stationIds()))
                .addValue("recordedAt", JdbcValues.timestamp(recordedAt)));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().update("DELETE FROM read_audit_index");
    }
}
