package org.stationledger.app.projections;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stationledger.query.rebuild.LivePosition;

/**
 * This node's projections and how far they and the event store have got: what the health component and
 * read-your-writes both ask.
 */
@Component
public class NodeProjections {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Serializer tokens;
    private final String schema;

    NodeProjections(EventProcessingConfiguration processing, EventStore eventStore, JdbcTemplate jdbc,
                    Serializer tokens) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.schema = jdbc.queryForObject("SELECT current_schema()", String.class);
    }

    /**
     * The projections running on this node; none on a command node. Ask only once the application has started:
     * asking Axon for its processors builds them, and built before every processor is configured, the command
     * side's look-ups would get a tracking processor instead of running in the command's transaction
     * ({@code LookupTransactionTest} guards it).
     */
    public List<StreamingEventProcessor> all() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
    }

    /** The global index of the newest stored event; -1 while the store is empty. */
    public long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * The position every segment of the projection has passed, wherever it runs: a segment this node holds by its
     * progress in memory ({@code statuses}, as the processor reported them), the others by their stored tokens
     * ({@link LivePosition}). -1 while a segment has no token.
     */
    public long lowestPosition(StreamingEventProcessor projection, Map<Integer, EventTrackerStatus> statuses) {
        return LivePosition.read(jdbc, tokens, schema, projection.getName(), false).lowest(statuses);
    }

    /**
     * Whether every segment of the projection, wherever it runs (as {@link #lowestPosition}), has handled each event
     * stored up to {@code position}, gaps its tokens still wait at included ({@link LivePosition#handledStored}).
     */
    public boolean handledStored(StreamingEventProcessor projection, Map<Integer, EventTrackerStatus> statuses,
                                 long position) {
        return LivePosition.handledStored(LivePosition.read(jdbc, tokens, schema, projection.getName(), false)
                .tokens(statuses), position, jdbc);
    }

    /** Whether the segments this node runs ({@code statuses}) have handled each event stored up to the position. */
    public boolean handledStored(Collection<EventTrackerStatus> statuses, long position) {
        return LivePosition.handledStored(statuses.stream().map(LivePosition::token).toList(), position, jdbc);
    }
}
