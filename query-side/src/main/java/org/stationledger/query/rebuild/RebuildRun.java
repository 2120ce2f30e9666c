package org.stationledger.query.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run of a rebuild, from wherever its last batch left it. The projection's own handlers (stateless beans whose
 * SQL names tables unqualified) handle each event on a transaction whose connection resolves those names in the
 * shadow schema.
 *
 * <ol>
 * <li><b>Replay</b>, one transaction per batch: read the next events from the event store ({@link ReplayReader}),
 * handle them in one unit of work, as the live processor does, store the position. The live processor keeps running
 * and serving. The replay stops short of the first event the live processor has not handled yet.
 * <li><b>Compare and swap</b>, one transaction: lock the live tables against writes (reads go on) and the live
 * processor's tokens, replay exactly the events the live tables reflect, segment by segment, checksum every table
 * on both sides, replace the live tables that differ, drop the shadow schema. Both sides then stand at the live
 * processor's own position, so it carries on from its tokens untouched, with no event missed or handled twice.
 * </ol>
 */
final class RebuildRun implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RebuildRun.class);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final String projection;
    private final UUID runId;
    private final ShadowSchema shadow;
    private final EventHandlerInvoker handlers;
    private final Services services;
    private final BooleanSupplier stopping;
    private long expectedDone;
    private final long doneAtStart;
    private final long startedAt = System.nanoTime();
    private long loggedAt = startedAt;

    /** What every run uses: where events come from, where state goes, how fast to go. */
    record Services(EventStorageEngine events, JdbcTemplate jdbc, Serializer serializer, TransactionTemplate transaction,
                    RebuildRecords records, String liveSchema, int batchSize, Duration pause) {
    }

    RebuildRun(RebuildRecords.Run run, ShadowSchema shadow, EventHandlerInvoker handlers, Services services,
               BooleanSupplier stopping) {
        this.projection = run.projection();
        this.runId = run.runId();
        this.shadow = shadow;
        this.handlers = handlers;
        this.services = services;
        this.stopping = stopping;
        this.expectedDone = run.eventsDone();
        this.doneAtStart = run.eventsDone();
    }

    @Override
    public void run() {
        try (ReplayReader reader = new ReplayReader(services.events(), services.batchSize())) {
            boolean caughtUp = false;
            while (!caughtUp) {
                if (stopping.getAsBoolean()) {
                    logCutOff("stops");
                    return;
                }
                Batch batch = services.transaction().execute(status -> replayBatch(reader));
                expectedDone = batch.eventsDone();
                caughtUp = batch.caughtUp();
                if (!caughtUp && !services.pause().isZero()) {
                    Thread.sleep(services.pause().toMillis());
                }
            }
            services.transaction().executeWithoutResult(status -> compareAndSwap());
        } catch (Superseded e) {
            log.info("Rebuild of {} run {} goes on elsewhere or was restarted; this worker stops", projection, runId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            logCutOff("interrupted");
        } catch (RuntimeException e) {
            if (stopping.getAsBoolean()) {
                logCutOff("cut off by the shutdown");
                return;
            }
            log.error("Rebuild of {} failed; the live projection is untouched", projection, e);
            // The shadow schema is the projection's, not the run's: only the run still recorded as running owns it.
            if (services.records().fail(projection, runId, String.valueOf(e.getMessage()))) {
                dropShadowOfFailedRun();
            }
        }
    }

    /** A failed run is never resumed (the next rebuild starts afresh): its copy of the tables goes at once. */
    private void dropShadowOfFailedRun() {
        try {
            shadow.drop();
        } catch (RuntimeException e) {
            log.warn("The shadow schema {} of the failed rebuild stays until the next rebuild of {}: {}",
                    shadow.name(), projection, e.toString());
        }
    }

    private void logCutOff(String how) {
        log.info("Rebuild of {} {} at {} events; it resumes when the ledger starts again, or on another node",
                projection, how, expectedDone);
    }

    /** Where a committed batch left the run; caught up with the live processor, or the end of the store. */
    private record Batch(long eventsDone, boolean caughtUp) {
    }

    private Batch replayBatch(ReplayReader reader) {
        RebuildRecords.Run run = lockRun();
        shadow.use();
        LivePosition live = LivePosition.read(services.jdbc(), services.serializer(), services.liveSchema(), projection,
                false);
        TrackingToken token = run.token();
        long done = run.eventsDone();
        ReplayReader.Batch read = reader.after(token);
        boolean caughtUp = !read.more();
        List<TrackedEventMessage<?>> toHandle = new ArrayList<>();
        for (TrackedEventMessage<?> event : read.events()) {
            boolean concerned = concerns(event);
            if (concerned && !live.handled(event, handlers)) {
                caughtUp = true;
                break;
            }
            if (concerned) {
                toHandle.add(event);
            }
            token = event.trackingToken();
            done++;
        }
        handle(toHandle);
        advance(run, token, done);
        return new Batch(done, caughtUp);
    }

    private boolean concerns(TrackedEventMessage<?> event) {
        return handlers.canHandle(event, Segment.ROOT_SEGMENT);
    }

    private void compareAndSwap() {
        RebuildRecords.Run run = lockRun();
        shadow.use();
        shadow.lockLiveTables();
        LivePosition live = LivePosition.read(services.jdbc(), services.serializer(), services.liveSchema(), projection,
                true);
        TrackingToken token = run.token();
        long done = run.eventsDone();
        List<TrackedEventMessage<?>> toHandle = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> stream = services.events().readEvents(token, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            while (events.hasNext()) {
                TrackedEventMessage<?> event = events.next();
                if (event.trackingToken().position().orElseThrow() > live.highest()) {
                    break;
                }
                if (concerns(event) && live.handled(event, handlers)) {
                    toHandle.add(event);
                }
                token = event.trackingToken();
                done++;
            }
        }
        handle(toHandle);
        run = advance(run, token, done);
        List<RebuildProgress.TableChecksum> checksums = new ArrayList<>();
        boolean replaced = false;
        for (String table : shadow.tables()) {
            String before = shadow.liveChecksum(table);
            String rebuilt = shadow.shadowChecksum(table);
            checksums.add(new RebuildProgress.TableChecksum(table, before, rebuilt, before.equals(rebuilt)));
            if (!before.equals(rebuilt)) {
                shadow.replaceLive(table);
                replaced = true;
            }
        }
        services.records().complete(run, checksums, replaced);
        shadow.drop();
        log.info("Rebuild of {} completed after {} events: {}; {}", projection, done,
                checksums.stream().map(c -> c.table() + (c.equal() ? " equal" : " DIFFERED")).toList(),
                replaced ? "the rebuilt tables replaced the live ones" : "the live tables were kept");
    }

    private RebuildRecords.Run lockRun() {
        RebuildRecords.Run run = services.records().lock(projection, runId).orElseThrow(Superseded::new);
        if (run.eventsDone() != expectedDone) {
            throw new Superseded();
        }
        return run;
    }

    /**
     * Handles the events in order in one unit of work, as the live processor handles a batch, so that what the
     * projection holds back for its batch ({@code BatchedWrites}, the audit index's rows) goes to the shadow tables as
     * one statement per table when the unit of work commits, not one per event. It commits inside the caller's
     * transaction; a failure rolls both back.
     */
    private void handle(List<TrackedEventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        BatchingUnitOfWork<TrackedEventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        // The unit of work reports a failure in its result rather than throwing it; rethrown, it rolls back the batch.
        ResultMessage<?> result = batch.executeWithResult(() -> {
            handlers.handle(batch.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Handling a batch of events failed", failure);
        }
    }

    private RebuildRecords.Run advance(RebuildRecords.Run run, TrackingToken token, long done) {
        double seconds = Math.max(1e-3, (System.nanoTime() - startedAt) / 1e9);
        double rate = (done - doneAtStart) / seconds;
        var advanced = new RebuildRecords.Run(projection, runId, token, done, run.eventsTotal());
        services.records().advance(advanced, rate);
        if (System.nanoTime() - loggedAt > LOG_EVERY.toNanos()) {
            loggedAt = System.nanoTime();
            long total = Math.max(run.eventsTotal(), done);
            log.info("Rebuild of {}: {} of {} events, {} events/s, about {} s to go", projection, done, total,
                    Math.round(rate), rate > 0 ? Math.round((total - done) / rate) : "?");
        }
        return advanced;
    }

    /** Another worker has taken this run over, or the run was replaced by a new start. */
    private static final class Superseded extends RuntimeException {
        Superseded() {
            super(null, null, false, false);
        }
    }
}
