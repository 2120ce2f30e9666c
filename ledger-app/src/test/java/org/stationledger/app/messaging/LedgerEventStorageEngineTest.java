package org.stationledger.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stationledger.app.IntegrationTest;

/**
 * The ledger's event store: it takes no snapshots, so loading an aggregate never reads one, and none can be stored;
 * a streamed event is the event stored, with its own timestamp, position and aggregate.
 */
class LedgerEventStorageEngineTest extends IntegrationTest {

    @Autowired
    private EventStorageEngine storageEngine;

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
}
