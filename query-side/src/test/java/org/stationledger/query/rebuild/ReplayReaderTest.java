package org.stationledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A rebuild reads its batches through one stream, and still gets exactly the events after the position it asks. */
class ReplayReaderTest {

    /** Counts the streams opened: each one is a new query of the event table. */
    private final AtomicInteger streamsOpened = new AtomicInteger();
    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine() {
        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
            streamsOpened.incrementAndGet();
            return super.readEvents(token, mayBlock);
        }
    };
    private final ReplayReader reader = new ReplayReader(store, 3);

    @AfterEach
    void stopReading() {
        reader.close();
    }

    @Test
    void batchesFollowOneAnotherThroughTheWholeStoreInOneStream() {
        store(7);
        List<Object> read = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        TrackingToken from = null;
        ReplayReader.Batch batch;
        do {
            batch = reader.after(from);
            batch.events().forEach(event -> read.add(event.getPayload()));
            sizes.add(batch.events().size());
            from = batch.last(from);
        } while (batch.more());
        assertThat(read).containsExactly("e0", "e1", "e2", "e3", "e4", "e5", "e6");
        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(streamsOpened).hasValue(1);
    }

    @Test
    void aBatchAskedFromAnotherPositionThanWhereTheLastEndedStartsThere() {
        store(9);
        ReplayReader.Batch first = reader.after(null);
        // The run stopped short after the first event of its batch: the next batch starts after that one.
        TrackingToken stoppedAt = first.events().get(0).trackingToken();
        assertThat(payloads(reader.after(stoppedAt))).containsExactly("e1", "e2", "e3");
        assertThat(payloads(reader.after(null))).containsExactly("e0", "e1", "e2");
        assertThat(streamsOpened).hasValue(3);
    }

    @Test
    void eventsStoredAfterTheEndWasReachedAreInTheNextBatch() {
        store(2);
        ReplayReader.Batch all = reader.after(null);
        assertThat(all.more()).isFalse();
        store.appendEvents(event("late"));
        assertThat(payloads(reader.after(all.last(null)))).containsExactly("late");
    }

    private void store(int count) {
        store.appendEvents(IntStream.range(0, count).mapToObj(i -> event("e" + i)).toList());
    }

    private static EventMessage<?> event(String payload) {
        return GenericEventMessage.asEventMessage(payload);
    }

    private static List<Object> payloads(ReplayReader.Batch batch) {
        return batch.events().stream().map(EventMessage::getPayload).map(Object.class::cast).toList();
    }
}
