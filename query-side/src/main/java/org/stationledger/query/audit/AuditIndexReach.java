package org.stationledger.query.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.stationledger.query.ProcessingGroups;
import org.stationledger.query.rebuild.LivePosition;

/**
 * How far the audit index can be read without missing an event: the trail, its filtered export and the ratings as
 * of a past moment all select events through it.
 */
@Component
public class AuditIndexReach {

    private final NamedParameterJdbcTemplate jdbc;
    private final Serializer tokens;
    private final EventProcessingConfiguration processing;
    private final String schema;

    AuditIndexReach(NamedParameterJdbcTemplate jdbc, Serializer tokens, EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.processing = processing;
        this.schema = jdbc.getJdbcTemplate().queryForObject("SELECT current_schema()", String.class);
    }

    /**
     * Where every segment of the index has got (see {@link LivePosition#lowest(Map)}), and below any gap that may
     * still fill. Transactions commit out of global-index order: a segment passes an index that is still being written
     * (a gap in its token) and indexes that event when it commits, below where it stands. A reader paging with
     * {@code after} past such a gap would never see that row, so the trail ends before it — unless the gap is settled
     * empty: no event is stored there and the audit chain, which passes a gap only once every transaction that could
     * fill it has ended (docs/audit.md), has passed it (a rolled-back command's number, never filled).
     */
    long indexedUpTo() {
        Map<Integer, EventTrackerStatus> local = processing
                .eventProcessor(ProcessingGroups.AUDIT_INDEX, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::processingStatus).orElse(Map.of());
        List<GapAwareTrackingToken> segments = LivePosition.read(jdbc.getJdbcTemplate(), tokens, schema,
                ProcessingGroups.AUDIT_INDEX, false).tokens(local);
        long upTo = LivePosition.lowestIndex(segments);
        Long[] gaps = LivePosition.gapsUpTo(segments, upTo);
        if (gaps.length == 0) {
            return upTo;
        }
        Long open = jdbc.queryForObject("""
                SELECT min(gap) FROM unnest(CAST(:gaps AS BIGINT[])) gap
                WHERE EXISTS (SELECT 1 FROM domainevententry e WHERE e.globalindex = gap)
                   OR gap > (SELECT coalesce(max(global_index), -1) FROM audit_chain)
                """, Map.of("gaps", gaps), Long.class);
        return open == null ? upTo : Math.min(upTo, open - 1);
    }

    /**
     * Whether the index holds every event recorded at or before {@code moment}: none stored beyond where it can be
     * read was recorded by then. Only the store's tail past that point is read (its timestamps are text, in Axon's
     * ISO form).
     */
    public boolean holdsEverythingRecordedBy(Instant moment) {
        return !Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM domainevententry
                               WHERE globalindex > :indexedUpTo AND CAST(timestamp AS TIMESTAMPTZ) <= :moment)
                """, Map.of("indexedUpTo", indexedUpTo(), "moment", Timestamp.from(moment)), Boolean.class));
    }
}
