package org.stationledger.query.rebuild;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * A rebuild's events, batch after batch, through one stream of the event store for as long as each batch starts
 * where the last one ended. The store's stream fetches a thousand events per query; a stream opened afresh for every
 * batch of 500 threw away what it had fetched beyond the batch and fetched it again, so a rebuild read most rows of
 * the event table twice (docs/benchmarks.md, change 32).
 *
 * <p>What a batch is, is still the run's to decide: asked for the batch after another position than the one the last
 * batch ended at (the run stopped short of the live processor, or resumed), it opens a new stream there. A stream
 * that reached the end of the store is not read on either: the next batch opens one that sees what was stored since.
 */
final class ReplayReader implements AutoCloseable {

    private final EventStorageEngine events;
    private final int batchSize;
    private Stream<? extends TrackedEventMessage<?>> stream;
    private Iterator<? extends TrackedEventMessage<?>> streamed;
    private TrackingToken streamedTo;

    /** The events after a position, at most a batch of them, and whether the store holds more after them. */
    record Batch(List<TrackedEventMessage<?>> events, boolean more) {

        /** Where the batch ends; {@code from} when it is empty. */
        TrackingToken last(TrackingToken from) {
            return events.isEmpty() ? from : events.get(events.size() - 1).trackingToken();
        }
    }

    ReplayReader(EventStorageEngine events, int batchSize) {
        this.events = events;
        this.batchSize = batchSize;
    }

    /** The batch after {@code from} ({@code null}: from the first event). */
    Batch after(TrackingToken from) {
        if (streamed == null || !Objects.equals(streamedTo, from)) {
            close();
            stream = events.readEvents(from, false);
            streamed = stream.iterator();
        }
        List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
        while (batch.size() < batchSize && streamed.hasNext()) {
            batch.add(streamed.next());
        }
        Batch read = new Batch(batch, streamed.hasNext());
        streamedTo = read.last(from);
        if (!read.more()) {
            close();
        }
        return read;
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
            stream = null;
            streamed = null;
        }
    }
}
