package org.stationledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stationledger.events.Actor;

/**
 * The audit index is written by two segments, each at its own pace. The trail shows it only up to where both have
 * got, so that a reader paging with {@code after} never passes a row that the slower segment has yet to add.
 */
class AuditTrailSegmentsTest extends ReadModelTestSupport {

    private static final Actor AUDITOR = Actor.auditor("audit");

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private Serializer serializer;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private EventStore eventStore;

    @Test
    void aSegmentBehindHoldsBackTheRowsAboveItUntilItCatchesUp() throws Exception {
        long before = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
        for (int event = 0; event < 6; event++) {
            append("trail-segments:" + event, AUDITOR, "event " + event);
        }
        awaitProjections();
        List<Long> indexes = positionsAfter(before);
        assertThat(indexes).hasSize(6);
        StreamingEventProcessor auditIndex = processing.eventProcessor(ProcessingGroups.AUDIT_INDEX,
                StreamingEventProcessor.class).orElseThrow();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ?", Integer.class,
                ProcessingGroups.AUDIT_INDEX)).as("segments").isEqualTo(2);

        // As if segment 1 had handled only up to the third event: its rows above may be missing still.
        auditIndex.shutDown();
        SerializedObject<byte[]> behind = serializer.serialize(
                GapAwareTrackingToken.newInstance(indexes.get(2), Set.of()), byte[].class);
        jdbc.update("UPDATE tokenentry SET token = ?, tokentype = ? WHERE processorname = ? AND segment = 1",
                behind.getData(), behind.getType().getName(), ProcessingGroups.AUDIT_INDEX);

        assertThat(positionsAfter(before)).containsExactlyElementsOf(indexes.subList(0, 3));

        auditIndex.start();
        awaitProjections();
        assertThat(positionsAfter(before)).containsExactlyElementsOf(indexes);
    }

    /**
     * Events committed out of order by concurrent writers fill gaps behind the tokens of both segments; each is
     * indexed once, at its own global index. (An index taken from the token's position once lost 2% of the rows
     * this way: a segment's token had moved on over the other segment's events.)
     */
    @Test
    void eventsCommittedConcurrentlyAreEachIndexedAtTheirOwnPosition() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                int id = writer;
                done.add(writers.submit(() -> {
                    for (int event = 0; event < 40; event++) {
                        eventStore.publish(new GenericDomainEventMessage<>("Test", "concurrent:" + id + ":" + event, 0,
                                event, AUDITOR.asMetaData()));
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdown();
        }
        awaitProjections();

        // A row written at another event's position would leave its own position without one.
        assertThat(jdbc.queryForList("""
                SELECT e.aggregateidentifier FROM domainevententry e
                LEFT JOIN read_audit_index i ON i.global_index = e.globalindex
                WHERE i.global_index IS NULL
                """, String.class)).as("events without their row").isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM read_audit_index", Long.class)).as("rows, one per event")
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class));
    }

    /** The trail after {@code before}, the store's last position before the test's own events. */
    private List<Long> positionsAfter(long before) throws Exception {
        JsonNode trail = json.readTree(body("/api/audit/events?limit=100&after=" + before, AUDITOR));
        List<Long> positions = new ArrayList<>();
        trail.get("events").forEach(event -> positions.add(event.get("globalSequence").asLong()));
        return positions;
    }
}
