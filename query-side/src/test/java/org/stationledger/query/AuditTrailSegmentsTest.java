package org.stationledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
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
    private static final String TRAIL = "/api/audit/events?type=String&limit=100";

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private Serializer serializer;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ObjectMapper json;

    @Test
    void aSegmentBehindHoldsBackTheRowsAboveItUntilItCatchesUp() throws Exception {
        for (int event = 0; event < 6; event++) {
            append("trail-segments:" + event, AUDITOR, "event " + event);
        }
        awaitProjections();
        List<Long> indexes = positions();
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

        assertThat(positions()).containsExactlyElementsOf(indexes.subList(0, 3));

        auditIndex.start();
        awaitProjections();
        assertThat(positions()).containsExactlyElementsOf(indexes);
    }

    private List<Long> positions() throws Exception {
        JsonNode trail = json.readTree(body(TRAIL, AUDITOR));
        List<Long> positions = new ArrayList<>();
        trail.get("events").forEach(event -> positions.add(event.get("globalSequence").asLong()));
        return positions;
    }
}
