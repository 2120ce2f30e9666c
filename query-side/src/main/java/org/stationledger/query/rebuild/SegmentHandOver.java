package org.stationledger.query.rebuild;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stationledger.events.RuleViolation;
import org.stationledger.query.ProcessingGroups;
import org.stationledger.query.Problems;

/**
 * Hands a projection's segment from this node to another query node. Every node runs a worker per segment, so the
 * node that starts first claims every segment and the others wait, ready to take over when it stops; to spread a
 * projection's work, the co-ordinating office asks the node holding a segment to let it go. Axon's tracking
 * processor then releases its claim and does not claim the segment again for the time given, and an idle worker of
 * another node claims it through the token store (within Axon's claim interval, 5 s). Once claimed there, it stays
 * there until that node stops or releases it in turn.
 */
@Component
class SegmentHandOver {

    static final int LONGEST_SECONDS = 3600;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ThisNode node;

    SegmentHandOver(EventProcessingConfiguration processing, JdbcTemplate jdbc, ThisNode node) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.node = node;
    }

    SegmentRelease release(String projection, int segment, int seconds) {
        if (seconds < 1 || seconds > LONGEST_SECONDS) {
            throw Problems.invalidRequest("seconds must be between 1 and " + LONGEST_SECONDS + ".");
        }
        if (!ProcessingGroups.TABLES.containsKey(projection)) {
            throw Problems.notFound("No projection named " + projection + "; see GET /api/admin/projections.");
        }
        TrackingEventProcessor processor = processing.eventProcessor(projection, TrackingEventProcessor.class)
                .orElseThrow(() -> Problems.notFound("Projection " + projection + " does not run on this node."));
        List<String> owners = jdbc.query("SELECT owner FROM tokenentry WHERE processorname = ? AND segment = ?",
                (row, index) -> row.getString("owner"), projection, segment);
        if (owners.isEmpty()) {
            throw Problems.notFound("Projection " + projection + " has no segment " + segment + ".");
        }
        if (!processor.processingStatus().containsKey(segment)) {
            String owner = owners.get(0);
            throw RuleViolation.conflict("segment-not-held-here", "Segment " + segment + " of " + projection
                    + " is not held by this node (" + node.name() + ") but by "
                    + (owner == null ? "no node at the moment" : owner) + "; ask the node that holds it.");
        }
        processor.releaseSegment(segment, seconds, TimeUnit.SECONDS);
        return new SegmentRelease(projection, segment, node.name(), seconds);
    }
}
