package org.stationledger.query.rebuild;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stationledger.events.RuleViolation;
import org.stationledger.query.ProcessingGroups;
import org.stationledger.query.Problems;

/**
 * The read models' administration. Rebuilds a read model from the event store beside the live one, which keeps
 * serving: replays into a shadow schema, compares every table and swaps in what differs, in one transaction (see
 * {@link RebuildRun}). State is kept in {@code projection_rebuild}, so a rebuild cut off by a stop resumes when the
 * ledger starts again, and one whose node stopped while others run on is taken over by one of them once its row has
 * not moved for {@code ledger.rebuild.takeover-after}. Also shows where each projection stands, and hands a segment
 * from this node to another ({@link #release}).
 */
@Component
class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final int LONGEST_RELEASE_SECONDS = 3600;

    private final EventProcessingConfiguration processing;
    private final RebuildRecords records;
    private final ThisNode node;
    private final RebuildRun.Services services;
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    /** The runs a worker of this node is on, so that the watch does not start a second one beside it. */
    private final Set<UUID> workingHere = ConcurrentHashMap.newKeySet();
    private final Duration takeoverAfter;
    private volatile boolean stopping;

    ProjectionRebuilds(EventProcessingConfiguration processing, EventStorageEngine events, JdbcTemplate jdbc,
                       Serializer serializer, PlatformTransactionManager transactions, RebuildRecords records,
                       ThisNode node,
                       @Value("${ledger.rebuild.batch-size:500}") int batchSize,
                       @Value("${ledger.rebuild.pause-between-batches:0ms}") Duration pause,
                       @Value("${ledger.rebuild.takeover-after:30s}") Duration takeoverAfter) {
        this.processing = processing;
        this.records = records;
        this.node = node;
        this.services = new RebuildRun.Services(events, jdbc, serializer, new TransactionTemplate(transactions),
                records, jdbc.queryForObject("SELECT current_schema()", String.class), batchSize, pause);
        // A healthy worker moves its row after every batch and pause; the pause is added so that no setting of it
        // makes a working run look stalled.
        this.takeoverAfter = takeoverAfter.plus(pause);
    }

    /** The read models of this node that can be rebuilt, by processing group. */
    List<String> projections() {
        return ProcessingGroups.TABLES.keySet().stream().filter(name -> processing.eventProcessor(name).isPresent())
                .sorted().toList();
    }

    RebuildProgress start(String projection) {
        EventHandlerInvoker handlers = handlers(projection);
        Long total = services.jdbc().queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        var run = new RebuildRecords.Run(projection, UUID.randomUUID(), null, 0, total == null ? 0 : total);
        ShadowSchema shadow = shadow(projection);
        services.transaction().executeWithoutResult(status -> {
            if (!records.start(projection, run.runId(), shadow.name(), run.eventsTotal())) {
                throw RuleViolation.conflict("rebuild-running", "A rebuild of " + projection + " is running already.");
            }
            shadow.create();
        });
        log.info("Rebuild of {} started over {} events into schema {}", projection, run.eventsTotal(), shadow.name());
        work(run);
        return progress(projection);
    }

    RebuildProgress progress(String projection) {
        handlers(projection);
        return records.progress(projection).orElseThrow(() ->
                Problems.notFound("No rebuild of " + projection + " has been started."));
    }

    /** Every projection's processor position beside the store's head. */
    ProjectionsOverview overview() {
        TrackingToken head = services.events().createHeadToken();
        return new ProjectionsOverview(node.name(), head == null ? null : head.position().orElse(-1),
                projections().stream().map(this::status).toList());
    }

    /**
     * Hands a segment of the projection from this node to another query node. Every node runs a worker per segment,
     * so the node that starts first claims every segment and the others wait, ready to take over when it stops; to
     * spread a projection's work, the co-ordinating office asks the node holding a segment to let it go. Axon's
     * processor releases its claim and does not claim the segment again for the time given, and a waiting worker of
     * another node claims it through the token store (within Axon's claim interval, 5 s).
     */
    SegmentRelease release(String projection, int segment, int seconds) {
        if (seconds < 1 || seconds > LONGEST_RELEASE_SECONDS) {
            throw Problems.invalidRequest("seconds must be between 1 and " + LONGEST_RELEASE_SECONDS + ".");
        }
        var processor = (StreamingEventProcessor) processor(projection);
        LivePosition.SegmentPosition held = live(projection).segments().stream()
                .filter(each -> each.segment().getSegmentId() == segment).findFirst()
                .orElseThrow(() -> Problems.notFound("Projection " + projection + " has no segment " + segment + "."));
        if (!processor.processingStatus().containsKey(segment)) {
            throw RuleViolation.conflict("segment-not-held-here", "Segment " + segment + " of " + projection
                    + " is not held by this node (" + node.name() + ") but by "
                    + (held.owner() == null ? "no node at the moment" : held.owner())
                    + "; ask the node that holds it.");
        }
        processor.releaseSegment(segment, seconds, TimeUnit.SECONDS);
        return new SegmentRelease(projection, segment, node.name(), seconds);
    }

    private ProjectionsOverview.Projection status(String projection) {
        LivePosition live = live(projection);
        var segments = live.segments().stream().map(segment -> new ProjectionsOverview.SegmentStatus(
                segment.segment().getSegmentId(), segment.position(), segment.owner())).toList();
        Long position = live.lowest().isPresent() ? live.lowest().getAsLong() : null;
        return new ProjectionsOverview.Projection(projection, ProcessingGroups.TABLES.get(projection), position,
                segments, records.progress(projection).map(RebuildProgress::status).orElse(null));
    }

    /** Picks up the rebuilds a stop cut off, from where their last batch left them. */
    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        for (RebuildRecords.Run run : records.running()) {
            if (work(run)) {
                log.info("Rebuild of {} resumes after {} events", run.projection(), run.eventsDone());
            }
        }
    }

    /**
     * Takes over the runs whose worker stopped on another node. Should that worker still be at it after all, the two
     * meet on the run's row and one of them gives up (see {@link RebuildRecords#lock}).
     */
    @Scheduled(fixedDelayString = "${ledger.rebuild.takeover-after:30s}",
               initialDelayString = "${ledger.rebuild.takeover-after:30s}")
    void takeOverStalled() {
        if (stopping) {
            return;
        }
        try {
            for (RebuildRecords.Run run : records.stalled(takeoverAfter)) {
                if (work(run)) {
                    log.warn("Rebuild of {} had not moved for {} s; this node takes it over after {} events",
                            run.projection(), takeoverAfter.toSeconds(), run.eventsDone());
                }
            }
        } catch (RuntimeException e) {
            // The next look may find the database back; a failure here must not end the watch.
            log.warn("Could not look for stalled projection rebuilds", e);
        }
    }

    /** Starts a worker on the run unless its projection does not run here or a worker of this node is on it. */
    private boolean work(RebuildRecords.Run run) {
        if (!projections().contains(run.projection()) || !workingHere.add(run.runId())) {
            return false;
        }
        RebuildRun worker = new RebuildRun(run, shadow(run.projection()), handlers(run.projection()), services,
                () -> stopping);
        try {
            workers.execute(() -> {
                try {
                    worker.run();
                } finally {
                    workingHere.remove(run.runId());
                }
            });
            return true;
        } catch (RejectedExecutionException stopped) {
            workingHere.remove(run.runId());
            return false;
        }
    }

    /** Lets a running batch end; the rebuild resumes at the next start, or on another node. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        workers.shutdownNow();
        if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
            log.warn("A projection rebuild did not stop within 30 s");
        }
    }

    private ShadowSchema shadow(String projection) {
        return new ShadowSchema(services.jdbc(), services.liveSchema(), projection,
                ProcessingGroups.TABLES.get(projection));
    }

    private LivePosition live(String projection) {
        return LivePosition.read(services.jdbc(), services.serializer(), services.liveSchema(), projection, false);
    }

    /** The live processor's handlers: the projection's own beans. */
    private EventHandlerInvoker handlers(String projection) {
        return ((AbstractEventProcessor) processor(projection)).eventHandlerInvoker();
    }

    private EventProcessor processor(String projection) {
        if (!ProcessingGroups.TABLES.containsKey(projection)) {
            throw Problems.notFound("No projection named " + projection + "; see GET /api/admin/projections.");
        }
        return processing.eventProcessor(projection)
                .orElseThrow(() -> Problems.notFound("Projection " + projection + " does not run on this node."));
    }
}
