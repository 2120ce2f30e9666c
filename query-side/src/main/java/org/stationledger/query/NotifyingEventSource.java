package org.stationledger.query;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * The event store as the projections' source, with one addition: it tells the pooled streaming processors when new
 * events are there. Axon's embedded event store streams offer no "events available" callback, so an idle pooled
 * processor polls every 500 ms, and a command's effect took 250 ms on average, up to half a second, to reach the read
 * models (and a POST waited that long for read-your-writes).
 *
 * <p>Here each stream accepts the processor's callback. It is called after every local commit that stored events
 * (and again a few milliseconds later, because the event store's own reader fetches committed events on its own
 * thread), and every 500 ms in any case, so events stored by other nodes are picked up as fast as before.
 */
public final class NotifyingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    /** Delays (ms) after a local commit at which waiting processors are told to look again. */
    private static final long[] NUDGES = {0, 3, 15, 60};
    private static final long FALLBACK_MILLIS = 500;

    private final EventStore eventStore;
    private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();
    private final ScheduledExecutorService nudger;
    private final AtomicBoolean nudgePending = new AtomicBoolean();

    public NotifyingEventSource(EventStore eventStore) {
        this.eventStore = eventStore;
        this.nudger = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-projection-nudger");
            thread.setDaemon(true);
            return thread;
        });
        eventStore.subscribe(this::published);
        nudger.scheduleWithFixedDelay(this::runCallbacks, FALLBACK_MILLIS, FALLBACK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        nudger.shutdownNow();
        callbacks.clear();
    }

    private void published(List<? extends EventMessage<?>> events) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> nudge());
        } else {
            nudge();
        }
    }

    private void nudge() {
        if (nudgePending.compareAndSet(false, true) && !nudger.isShutdown()) {
            for (long delay : NUDGES) {
                try {
                    nudger.schedule(() -> {
                        if (delay == NUDGES[NUDGES.length - 1]) {
                            nudgePending.set(false);
                        }
                        runCallbacks();
                    }, delay, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException closed) {
                    return;
                }
            }
        }
    }

    private void runCallbacks() {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                // a closed processor's callback; it is removed when its stream closes
            }
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new Stream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(java.time.Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    private final class Stream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        Stream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                callbacks.remove(registered);
            }
            delegate.close();
        }
    }
}
