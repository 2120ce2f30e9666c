package org.stationledger.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stationledger.app.IntegrationTest;

/** The ledger takes no snapshots, so loading an aggregate never reads one, and none can be stored. */
class EventsOnlyStorageEngineTest extends IntegrationTest {

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
}
