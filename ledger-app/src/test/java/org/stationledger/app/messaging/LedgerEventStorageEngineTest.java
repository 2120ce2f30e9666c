package org.stationledger.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stationledger.app.IntegrationTest;

/**
 * The ledger's event store: it takes no snapshots, so loading an aggregate never reads one, and none can be stored;
 * an aggregate is loaded whole, with one query while it is shorter than the batch size; a streamed event is the
 * event stored, with its own timestamp, position and aggregate.
 */
class LedgerEventStorageEngineTest extends IntegrationTest {

    private static final String LONG_STATION = "ENGINE-FIVE-EVENTS";

    @Autowired
    private EventStorageEngine storageEngine;
    @Autowired
    private ConnectionProvider connections;
    @Autowired
    private TransactionManager transactions;
    @Autowired
    private Serializer serializer;

    @Test
    void aRowInTheSnapshotTableIsNeverRead() {
        ensureDepartment("SNAPSHOT-READ");
        String aggregateId = jdbc.queryForObject("""
                SELECT aggregateidentifier FROM domainevententry
                WHERE payloadtype LIKE '%DepartmentRegistered' AND convert_from(payload, 'UTF8') LIKE '%SNAPSHOT-READ%'
                """, String.class);
        // A snapshot row that Axon's own engine would hand back: of the aggregate's type, and with the revision the
        // aggregate's snapshot filter accepts (none: the aggregate class declares no @Revision).
        jdbc.update("""
                INSERT INTO snapshotevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                payload, payloadrevision, payloadtype, timestamp)
                SELECT aggregateidentifier, sequencenumber, type, 'snapshot-' || eventidentifier, metadata, payload,
                       NULL, payloadtype, timestamp
                FROM domainevententry WHERE aggregateidentifier = ?
                """, aggregateId);
        try {
            assertThat(storageEngine.readSnapshot(aggregateId)).isEmpty();
            assertThat(storageEngine.readEvents(aggregateId).asStream()).hasSize(1);
        } finally {
            jdbc.update("DELETE FROM snapshotevententry WHERE aggregateidentifier = ?", aggregateId);
        }
    }

    @Test
    void storingASnapshotIsRefused() {
        var snapshot = new GenericDomainEventMessage<>("Department", "SNAPSHOT-STORE", 3, "state");

        assertThatThrownBy(() -> storageEngine.storeSnapshot(snapshot))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM snapshotevententry", Long.class)).isZero();
    }

    @Test
    void anAggregateIsLoadedWholeWithOneQueryPerBatch() {
        ensureStation(LONG_STATION, "URBAN");
        for (int officers = 21; officers <= 24; officers++) {
            var changed = as("coord").post("/api/stations/" + LONG_STATION + "/details", Map.of("name", "Five events",
                    "parent", "Shenyang PSB", "kind", "URBAN", "areaKm2", 10.5, "population", 20000, "officers",
                    officers, "auxiliaries", 10));
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        }
        String aggregateId = jdbc.queryForObject("""
                SELECT aggregateidentifier FROM domainevententry
                WHERE payloadtype LIKE '%StationRegistered' AND convert_from(payload, 'UTF8') LIKE ?
                """, String.class, "%" + LONG_STATION + "%");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, aggregateId)).isEqualTo(5);

        // Shorter than a batch: one query, where Axon's own engine asks a second time to find nothing.
        assertThat(queriesToLoad(aggregateId, 10)).isEqualTo(1);
        assertThat(queriesToLoad(aggregateId, 6)).isEqualTo(1);
        // A full batch may have more behind it: ask on until a batch comes back short.
        assertThat(queriesToLoad(aggregateId, 5)).isEqualTo(2);
        assertThat(queriesToLoad(aggregateId, 2)).isEqualTo(3);
        assertThat(queriesToLoad(aggregateId, 1)).isEqualTo(6);
    }

    /** Loads the aggregate's events with a store of this batch size; checks all five come, in order. */
    private int queriesToLoad(String aggregateId, int batchSize) {
        AtomicInteger queries = new AtomicInteger();
        var engine = new LedgerEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(() -> counting(connections.getConnection(), queries))
                .transactionManager(transactions).eventSerializer(serializer).snapshotSerializer(serializer)
                .batchSize(batchSize), 1_000);
        assertThat(engine.readEvents(aggregateId).asStream().map(DomainEventMessage::getSequenceNumber))
                .as("batch size %d", batchSize).containsExactly(0L, 1L, 2L, 3L, 4L);
        return queries.get();
    }

    private static Connection counting(Connection connection, AtomicInteger queries) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("prepareStatement")) {
                        queries.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aStreamedEventIsTheStoredEventWithItsOwnTimestamp() {
        ensureDepartment("STREAMED-1");
        ensureDepartment("STREAMED-2");
        List<Stored> stored = jdbc.query("""
                SELECT globalindex, eventidentifier, aggregateidentifier, sequencenumber, timestamp
                FROM domainevententry ORDER BY globalindex""", (row, index) -> new Stored(row.getLong(1),
                row.getString(2), row.getString(3), row.getLong(4), DateTimeUtils.parseInstant(row.getString(5))));

        List<Stored> streamed;
        try (var events = storageEngine.readEvents(null, false)) {
            streamed = events.limit(stored.size()).map(Stored::of).toList();
        }

        assertThat(stored).hasSizeGreaterThanOrEqualTo(2);
        assertThat(streamed).isEqualTo(stored);
    }

    private record Stored(long globalIndex, String eventId, String aggregateId, long sequence, Instant timestamp) {

        static Stored of(TrackedEventMessage<?> event) {
            var domainEvent = (DomainEventMessage<?>) event;
            return new Stored(event.trackingToken().position().orElseThrow(), event.getIdentifier(),
                    domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(), event.getTimestamp());
        }
    }

    /**
     * A hole below an event is waited for while the event was applied less than ten minutes ago (Axon's default is
     * one): commands that queued behind a large append store events applied before their wait, and a hole among them
     * must not be given up as old.
     */
    @Test
    void aHoleBelowAnEventAppliedMinutesAgoIsStillWaitedFor() {
        ensureDepartment("HOLE-BEFORE");
        long before = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        // A position taken and never stored, as by an append that has not committed yet.
        jdbc.queryForObject("SELECT nextval(pg_get_serial_sequence('domainevententry', 'globalindex'))", Long.class);
        ensureDepartment("HOLE-AFTER");
        clock.advance(Duration.ofMinutes(3));
        try (var events = storageEngine.readEvents(GapAwareTrackingToken.newInstance(before, new TreeSet<>()), false)) {
            var token = (GapAwareTrackingToken) events.findFirst().orElseThrow().trackingToken();
            assertThat(token.getGaps()).containsExactly(before + 1);
        } finally {
            clock.reset();
        }
    }
}
