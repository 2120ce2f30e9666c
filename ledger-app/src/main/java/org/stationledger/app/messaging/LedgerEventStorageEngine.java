package org.stationledger.app.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC event store, with three differences, each measured (docs/benchmarks.md, changes 22, 23 and 25), and one
 * for correctness: a large append holds back every other.
 *
 * <p><b>No snapshots.</b> Every aggregate of the ledger is a handful of events (no aggregate grows with the number of
 * stations, docs/architecture.md), cheaper to replay than a snapshot is to read. Axon's event store would still look
 * in the (empty) snapshot table before every load, a query per command that loads an aggregate, so this engine
 * answers "no snapshot" without asking, and refuses to store one rather than keep one it would never read.
 *
 * <p><b>A streamed event's timestamp is read from its column's text by {@link StoredTimestamps}</b>, not by the
 * general ISO formatter Axon's stored event runs at every call. Axon builds the tracked event (and its tracking token)
 * as always; only the timestamp it hands on is read the quick way.
 *
 * <p><b>An aggregate is loaded with one query</b> (for up to the batch size of events), where Axon's JDBC store
 * queries again until a query returns nothing: a second round trip on every load. It reads a range of sequence
 * numbers, so a batch with fewer events than the range is the last one as long as an aggregate's sequence numbers
 * have no holes — and they have none here: Axon numbers each aggregate's events from 0 without gaps, and the
 * ledger's event table is append-only (no event is ever removed from the middle).
 *
 * <p><b>A large append holds back every other</b> (V22). A projection waits for an uncommitted position only within
 * the maximum gap offset; a unit of work storing more events than that, such as a national plan's approval, would
 * have all but its last ones skipped by every projection if another append committed above them meanwhile. Every
 * insert into the event table takes an advisory lock shared (a trigger), and an append of {@code largeAppend} events
 * or more takes it exclusively first, in its own transaction: it waits for the appends in flight, and the others wait
 * for its commit. Small appends never wait for each other.
 */
final class LedgerEventStorageEngine extends JdbcEventStorageEngine {

    /** Axon's default: a hole in the store is waited for only while it is at most ten thousand positions back. */
    static final int MAX_GAP_OFFSET = 10_000;
    /**
     * How old an event may be (by its timestamp, taken when it was applied) for a hole below it to be waited for:
     * ten minutes, where Axon's default is one. A command that queued behind a large append stores events applied
     * before its wait, and the commands released together commit in any order: a hole among them must not be given
     * up as old.
     */
    static final int GAP_TIMEOUT_MILLIS = 600_000;

    /** The advisory lock that orders appends (V22's trigger takes it shared): 'Evnt', 0. */
    private static final String HOLD_BACK_OTHER_APPENDS = "SELECT pg_advisory_xact_lock(1165389428, 0)";

    private final int largeAppend;

    /**
     * {@code largeAppend}: from how many events an append holds back the others; at most half the maximum gap offset,
     * so that an append just under it, and what others commit above it while it is in flight, stay within the
     * offset.
     */
    LedgerEventStorageEngine(JdbcEventStorageEngine.Builder builder, int largeAppend) {
        super(builder.maxGapOffset(MAX_GAP_OFFSET).gapTimeout(GAP_TIMEOUT_MILLIS));
        if (largeAppend < 1 || largeAppend > MAX_GAP_OFFSET / 2) {
            throw new IllegalArgumentException("A large append is 1 to " + MAX_GAP_OFFSET / 2 + " events, not "
                                               + largeAppend);
        }
        this.largeAppend = largeAppend;
    }

    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        if (events.size() >= largeAppend) {
            try (Statement lock = connection.createStatement()) {
                lock.execute(HOLD_BACK_OTHER_APPENDS);
            }
        }
        return super.appendEvents(connection, events, serializer);
    }

    @Override
    protected boolean fetchForAggregateUntilEmpty() {
        return false;
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        throw new UnsupportedOperationException("The ledger keeps no snapshots (aggregate "
                                                + snapshot.getAggregateIdentifier() + ")");
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> event = super.getTrackedEventData(resultSet, previousToken);
        if (!(event instanceof DomainEventData<?> domainEvent)) {
            return event;
        }
        return new StreamedEvent<>(event.trackingToken(), domainEvent,
                resultSet.getString(schema().timestampColumn()));
    }

    /** Axon's tracked event as read, but for the timestamp, read from the column's text. */
    private record StreamedEvent<T>(TrackingToken trackingToken, DomainEventData<T> stored, String storedTimestamp)
            implements TrackedEventData<T>, DomainEventData<T> {

        @Override
        public Instant getTimestamp() {
            return StoredTimestamps.parse(storedTimestamp);
        }

        @Override
        public String getEventIdentifier() {
            return stored.getEventIdentifier();
        }

        @Override
        public SerializedObject<T> getMetaData() {
            return stored.getMetaData();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return stored.getPayload();
        }

        @Override
        public String getType() {
            return stored.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return stored.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return stored.getSequenceNumber();
        }
    }
}
