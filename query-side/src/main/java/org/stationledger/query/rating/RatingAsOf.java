package org.stationledger.query.rating;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stationledger.events.RuleViolation;
import org.stationledger.query.Problems;
import org.stationledger.query.audit.AuditIndexReach;

/**
 * A station's rating exactly as the live view would have shown it at a past moment, rebuilt from the events
 * recorded up to then. The rating projection and its queries run unchanged inside one transaction against
 * temporary copies of its tables (PostgreSQL looks in {@code pg_temp} first), which the rollback then discards:
 * the same code answers "now" and "then", and the live tables are never touched.
 */
@Component
class RatingAsOf {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RatingProjection projection;
    private final RatingQueries queries;
    private final Serializer serializer;
    private final AuditIndexReach auditIndex;
    private final Clock clock;

    RatingAsOf(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, RatingProjection projection,
               RatingQueries queries, Serializer serializer, AuditIndexReach auditIndex, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.projection = projection;
        this.queries = queries;
        this.serializer = serializer;
        this.auditIndex = auditIndex;
        this.clock = clock;
    }

    /**
     * The rating as it stood at {@code asOf}; refused while the audit index, which selects the events, has not
     * indexed all of those recorded by then (after an upgrade that reindexes it, say): a replay of some of them would
     * be an answer the same question does not give a moment later. A moment still to come is refused for the same
     * reason ({@code moment-not-reached}, as a report refuses a position the store has not reached).
     */
    Optional<RatingView> rating(String stationId, int year, Instant asOf) {
        if (asOf.isAfter(clock.instant())) {
            throw RuleViolation.unprocessable("moment-not-reached", "asOf " + asOf + " is still to come: a rating is "
                    + "shown as it stood at a past moment, which no later event can change.");
        }
        if (!auditIndex.holdsEverythingRecordedBy(asOf)) {
            throw Problems.readModelsBehind("The audit index has not yet indexed every event recorded by " + asOf
                                            + "; retry in a moment.");
        }
        return transactions.execute(status -> {
            status.setRollbackOnly();
            List<String> tables = jdbc.queryForList("""
                    SELECT tablename FROM pg_tables
                    WHERE schemaname = current_schema() AND tablename LIKE 'read\\_rating\\_%'""", String.class);
            tables.forEach(table -> jdbc.execute(
                    "CREATE TEMP TABLE " + table + " (LIKE " + table + " INCLUDING ALL) ON COMMIT DROP"));
            var handlers = new AnnotationEventHandlerAdapter(projection);
            for (EventMessage<?> event : eventsUpTo(stationId, year, asOf)) {
                try {
                    handlers.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException("Replaying event " + event.getIdentifier() + " failed", e);
                }
            }
            return queries.rating(stationId, year);
        });
    }

    /** The year's events that concern the station or no station at all, and the station's registration. */
    private List<EventMessage<?>> eventsUpTo(String stationId, int year, Instant asOf) {
        return jdbc.query("""
                SELECT e.* FROM read_audit_index i JOIN domainevententry e ON e.globalindex = i.global_index
                WHERE i.recorded_at <= ?
                  AND ((i.year = ? AND (i.station_ids IS NULL OR i.station_ids @> ARRAY[CAST(? AS TEXT)]))
                       OR (i.year IS NULL AND i.station_ids @> ARRAY[CAST(? AS TEXT)]))
                ORDER BY i.global_index""",
                (row, index) -> new GenericDomainEventMessage<>(row.getString("type"), row.getString("aggregateidentifier"),
                        row.getLong("sequencenumber"),
                        serializer.deserialize(new SimpleSerializedObject<>(row.getBytes("payload"), byte[].class,
                                row.getString("payloadtype"), row.getString("payloadrevision"))),
                        serializer.<byte[], MetaData>deserialize(new SimpleSerializedObject<>(row.getBytes("metadata"),
                                byte[].class, MetaData.class.getName(), null)),
                        row.getString("eventidentifier"), Instant.parse(row.getString("timestamp"))),
                Timestamp.from(asOf), year, stationId, stationId);
    }
}
