package org.stationledger.query;

import java.util.function.Function;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stationledger.events.StationScoped;
import org.stationledger.events.YearScoped;

/**
 * Every read model is a tracking processor of its own, registered by name so that no default touches the command
 * side's processors. Each one reads the event store from the start, so a new or reset projection is rebuilt from
 * the events.
 *
 * <p>Tracking, not pooled streaming: a pooled processor's coordinator hands a segment at most 1,024 events and then
 * waits 100 ms before it reads more, which capped every projection that handles most events at 10–17k events/s
 * during a rebuild, however fast its handlers were. A tracking processor reads and handles in the same thread, one
 * thread per segment (as many threads as segments, or a segment would be left unprocessed). See
 * docs/benchmarks.md.
 *
 * <p>A handler failure is propagated: the processor retries the batch instead of skipping the event, because a
 * read model (above all the audit index) must not silently miss one.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class QuerySideConfiguration {

    @Autowired
    void configureProjections(EventProcessingConfigurer processing,
                              @Value("${ledger.projections.batch-size:1000}") int batchSize,
                              @Value("${ledger.projections.synchronous-commit:false}") boolean synchronousCommit,
                              JdbcTemplate jdbc) {
        this.batchSize = batchSize;
        this.synchronousCommit = synchronousCommit;
        this.jdbc = jdbc;
        register(processing, ProcessingGroups.STATIONS, 2, inOrderPer(StationScoped.class, StationScoped::stationId));
        // A cycle's events come from the cycle, its plan items and its visits: keep each year in order.
        register(processing, ProcessingGroups.CYCLES, 2, inOrderPer(YearScoped.class, YearScoped::year));
        // Every event of one inspection concerns the same station.
        register(processing, ProcessingGroups.INSPECTIONS, 2, inOrderPer(StationScoped.class, StationScoped::stationId));
        // A station's events in order, and a year's cycle events; a draft compares global indexes, not the order in
        // which the two segments got to a station's events and to the close (RatingProjection).
        register(processing, ProcessingGroups.RATINGS, 2, inOrderPer(StationScoped.class, StationScoped::stationId,
                inOrderPer(YearScoped.class, YearScoped::year)));
        // Two segments: it handles every event. A reader sees the index only up to where both have got
        // (AuditTrailQueries), so paging with "after" never skips a row a slower segment adds behind a faster one.
        register(processing, ProcessingGroups.AUDIT_INDEX, 2, SequentialPerAggregatePolicy.instance());
        // Like inspections: an exception's decision, a visit's late department and a station's changes follow
        // their first event, all of one station.
        register(processing, ProcessingGroups.BURDEN, 2, inOrderPer(StationScoped.class, StationScoped::stationId));
        register(processing, ProcessingGroups.REPORT_PUBLICATIONS, 1, SequentialPerAggregatePolicy.instance());
    }

    /** Events per transaction of a projection (one token update and one commit per batch). */
    private int batchSize;
    /** Whether a projection's commit waits for the disk (see {@link ProjectionTransactions}). */
    private boolean synchronousCommit;
    private JdbcTemplate jdbc;

    private void register(EventProcessingConfigurer processing, String group, int segments,
                          SequencingPolicy<? super EventMessage<?>> sequencing) {
        processing.registerTrackingEventProcessor(group, configuration -> configuration.eventStore(),
                        configuration -> TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                                .andInitialSegmentsCount(segments)
                                .andBatchSize(batchSize))
                .registerSequencingPolicy(group, configuration -> sequencing)
                .registerTransactionManager(group, configuration -> new ProjectionTransactions(
                        configuration.getComponent(TransactionManager.class), jdbc, !synchronousCommit))
                .registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance());
    }

    /** Events of the same scope (station, year) are handled in order; any other event in order per aggregate. */
    private static <S> SequencingPolicy<EventMessage<?>> inOrderPer(Class<S> scope, Function<S, Object> key) {
        return inOrderPer(scope, key, SequentialPerAggregatePolicy.instance());
    }

    /** Events of the same scope are handled in order; any other event as {@code otherwise} says. */
    private static <S> SequencingPolicy<EventMessage<?>> inOrderPer(
            Class<S> scope, Function<S, Object> key, SequencingPolicy<? super EventMessage<?>> otherwise) {
        return event -> scope.isInstance(event.getPayload())
                ? key.apply(scope.cast(event.getPayload()))
                : otherwise.getSequenceIdentifierFor(event);
    }
}
