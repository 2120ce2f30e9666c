package org.stationledger.app.projections;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How this node's read models keep up, for operators. As the health component {@code projections}: down while a
 * projection is stopped or failing (its handler threw and its processor retries the event: the read model no longer
 * follows the event store), with each projection's state, the position of each segment this node holds, and how
 * many events it is behind the store's head. As the gauge {@code ledger.projection.behind{projection}}: that
 * distance, for alerting on a read model that falls behind without failing.
 *
 * <p>"Behind" counts every segment, wherever it runs: those this node holds by their progress in memory, the others
 * by their stored tokens ({@link NodeProjections#lowestPosition}). A node without read models (a command node)
 * reports none.
 */
@Component("projections")
class ProjectionHealth implements HealthIndicator {

    private final NodeProjections projections;
    private final MeterRegistry meters;

    ProjectionHealth(NodeProjections projections, MeterRegistry meters) {
        this.projections = projections;
        this.meters = meters;
    }

    /** Once the application has started, not before ({@link NodeProjections#all()} says why). */
    @EventListener(ApplicationStartedEvent.class)
    void registerGauges() {
        projections.all().forEach(processor -> Gauge.builder("ledger.projection.behind", processor,
                        running -> behind(running, running.processingStatus(), projections.headPosition()))
                .tag("projection", processor.getName())
                .description("Events stored that the projection has not handled yet, over all its segments")
                .baseUnit("events")
                .register(meters));
    }

    @Override
    public Health health() {
        long head = projections.headPosition();
        Map<String, Object> details = new TreeMap<>();
        boolean allFollowing = true;
        for (StreamingEventProcessor processor : projections.all()) {
            Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
            ProjectionState state = ProjectionState.of(processor.isRunning(), processor.isError(), statuses.values());
            allFollowing &= state == ProjectionState.RUNNING;
            Map<String, Object> projection = new LinkedHashMap<>();
            projection.put("state", state);
            projection.put("behind", behind(processor, statuses, head));
            projection.put("segmentsHere", segmentsHere(statuses));
            details.put(processor.getName(), projection);
        }
        return (allFollowing ? Health.up() : Health.down()).withDetail("storeHead", head)
                .withDetail("projections", details).build();
    }

    private long behind(StreamingEventProcessor processor, Map<Integer, EventTrackerStatus> statuses, long head) {
        return Math.max(0, head - projections.lowestPosition(processor, statuses));
    }

    private static Map<Integer, Object> segmentsHere(Map<Integer, EventTrackerStatus> statuses) {
        Map<Integer, Object> segments = new TreeMap<>();
        statuses.forEach((id, status) -> {
            Map<String, Object> segment = new LinkedHashMap<>();
            segment.put("position", status.getCurrentPosition().isPresent() ? status.getCurrentPosition().getAsLong()
                    : null);
            if (status.isErrorState()) {
                segment.put("error", String.valueOf(status.getError()));
            }
            segments.put(id, segment);
        });
        return segments;
    }
}
