package org.stationledger.query.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.stationledger.query.ProcessingGroups;

/**
 * Indexes every stored event by the columns the audit trail filters on. The row is keyed by the event's global
 * index, so handling an event again rewrites the same row.
 *
 * <p>The global index is the event's own. The tracking token's position is not always it: an event committed late
 * (it filled a gap in the global index, because a concurrent command committed after a later one) arrives with the
 * token's high-water mark, which is another event's index; keyed by that, it overwrote that event's row. Within a
 * batch the token tells the two apart: an event that moved the position past the previous event's is the event at
 * that position; one that left it where it was filled a gap. Only the first event of a batch, and gap fillers, have
 * their index looked up by event identifier, in the same statement — in a rebuild, one event in a thousand.
 *
 * <p>Rows are written once per batch of events (the processor's unit of work), in one statement, just before the
 * batch's transaction commits: a rebuild writes a few hundred rows per round trip instead of one.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_INDEX)
class AuditIndexProjection {

    private static final String BATCH = AuditIndexProjection.class.getName() + ".batch";

    private final NamedParameterJdbcTemplate jdbc;

    AuditIndexProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, @Timestamp Instant recordedAt) {
        AuditScope scope = AuditScope.of(payload, event::getMetaData);
        String aggregateId = event instanceof DomainEventMessage<?> domainEvent
                ? domainEvent.getAggregateIdentifier()
                : null;
        if (!CurrentUnitOfWork.isStarted()) {
            write(List.of(row(event, null, aggregateId, scope, recordedAt)));
            return;
        }
        // One statement per batch of events (the processor's unit of work), written just before it commits.
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Batch batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch rows = new Batch();
            unitOfWork.onPrepareCommit(committing -> write(rows.rows.values()));
            return rows;
        });
        Long position = position(event);
        Long globalIndex = batch.moved(position) ? position : null;
        batch.rows.put(event.getIdentifier(), row(event, globalIndex, aggregateId, scope, recordedAt));
    }

    private static Long position(EventMessage<?> event) {
        if (event instanceof TrackedEventMessage<?> tracked) {
            OptionalLong position = tracked.trackingToken().position();
            return position.isPresent() ? position.getAsLong() : null;
        }
        return null;
    }

    private static Row row(EventMessage<?> event, Long globalIndex, String aggregateId, AuditScope scope,
                           Instant recordedAt) {
        return new Row(event.getIdentifier(), globalIndex, event.getPayloadType().getSimpleName(), aggregateId,
                scope.year(), scope.departmentId(),
                scope.stationIds() == null ? null : String.join(",", scope.stationIds()), recordedAt.toString());
    }

    /** A batch's rows, and the token position of its last event. */
    private static final class Batch {

        private final Map<String, Row> rows = new LinkedHashMap<>();
        private Long lastPosition;

        /** Whether this event's position is past the previous event's: then it is the event's own global index. */
        boolean moved(Long position) {
            boolean moved = position != null && lastPosition != null && position > lastPosition;
            lastPosition = position;
            return moved;
        }
    }

    /**
     * The filter columns of one event; {@code globalIndex} is null where the token could not tell it, and it is
     * looked up by the event's identifier when the batch is written.
     */
    private record Row(String eventId, Long globalIndex, String eventType, String aggregateId, Integer year,
                       String departmentId, String stationIds, String recordedAt) {
    }

    private void write(Collection<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update("""
                INSERT INTO read_audit_index (global_index, event_type, aggregate_id, year, department_id, station_ids,
                                              recorded_at)
                SELECT COALESCE(r.global_index,
                                (SELECT d.globalindex FROM domainevententry d WHERE d.eventidentifier = r.event_id)),
                       r.event_type, r.aggregate_id, r.year, r.department_id, string_to_array(r.station_ids, ','),
                       r.recorded_at
                FROM unnest(CAST(:eventIds AS TEXT[]), CAST(:globalIndexes AS BIGINT[]), CAST(:eventTypes AS TEXT[]),
                            CAST(:aggregateIds AS TEXT[]), CAST(:years AS INT[]), CAST(:departmentIds AS TEXT[]),
                            CAST(:stationIds AS TEXT[]), CAST(:recordedAt AS TIMESTAMPTZ[]))
                     AS r(event_id, global_index, event_type, aggregate_id, year, department_id, station_ids,
                          recorded_at)
                ON CONFLICT (global_index) DO UPDATE SET
                    event_type = EXCLUDED.event_type, aggregate_id = EXCLUDED.aggregate_id, year = EXCLUDED.year,
                    department_id = EXCLUDED.department_id, station_ids = EXCLUDED.station_ids,
                    recorded_at = EXCLUDED.recorded_at
                """, new MapSqlParameterSource("eventIds", column(rows, Row::eventId))
                .addValue("globalIndexes", rows.stream().map(Row::globalIndex).toArray(Long[]::new))
                .addValue("eventTypes", column(rows, Row::eventType))
                .addValue("aggregateIds", column(rows, Row::aggregateId))
                .addValue("years", rows.stream().map(Row::year).toArray(Integer[]::new))
                .addValue("departmentIds", column(rows, Row::departmentId))
                .addValue("stationIds", column(rows, Row::stationIds))
                .addValue("recordedAt", column(rows, Row::recordedAt)));
    }

    private static String[] column(Collection<Row> rows, Function<Row, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().update("DELETE FROM read_audit_index");
    }
}
