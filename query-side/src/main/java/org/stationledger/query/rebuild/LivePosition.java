package org.stationledger.query.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a projection's live processor stands, as its tokens in {@code tokenentry} say (on whichever node it runs):
 * for each segment, the events it has handled. A processor's segments move on independently, so whether the live
 * tables reflect an event depends on the segment that owns it.
 */
public final class LivePosition {

    private final List<SegmentPosition> segments;

    private LivePosition(List<SegmentPosition> segments) {
        this.segments = segments;
    }

    /** One segment, its token (null before its first event) and the node holding its claim. */
    public record SegmentPosition(Segment segment, GapAwareTrackingToken token, String owner) {

        public Long position() {
            return token == null ? null : token.getIndex();
        }
    }

    /**
     * Reads the processor's tokens; {@code lock} holds their rows until the transaction ends, so that the live
     * processor cannot store progress meanwhile.
     */
    public static LivePosition read(JdbcTemplate jdbc, Serializer serializer, String schema, String processor,
                                    boolean lock) {
        List<Row> rows = jdbc.query("SELECT segment, token, tokentype, owner FROM " + schema + ".tokenentry"
                                    + " WHERE processorname = ? ORDER BY segment" + (lock ? " FOR UPDATE" : ""),
                (row, index) -> new Row(row.getInt("segment"), row.getBytes("token"), row.getString("tokentype"),
                        row.getString("owner")), processor);
        int[] ids = rows.stream().mapToInt(Row::segment).toArray();
        List<SegmentPosition> segments = new ArrayList<>();
        for (Row row : rows) {
            TrackingToken token = row.token() == null ? null : serializer.deserialize(
                    new SimpleSerializedObject<>(row.token(), byte[].class, row.tokenType(), null));
            segments.add(new SegmentPosition(Segment.computeSegment(row.segment(), ids),
                    (GapAwareTrackingToken) WrappedToken.unwrapLowerBound(token), row.owner()));
        }
        return new LivePosition(segments);
    }

    public List<SegmentPosition> segments() {
        return segments;
    }

    /** The position every segment has passed: the lowest. Empty before the processor has a token. */
    public OptionalLong lowest() {
        return segments.stream().filter(segment -> segment.token() != null)
                .mapToLong(segment -> segment.token().getIndex()).min();
    }

    /**
     * The position every segment has passed, as far as this node can tell: a segment this node runs by its progress
     * in memory ({@code local}, by segment id), which is ahead of its stored token (a segment that meets only other
     * segments' events stores its token once it has waited a second for one of its own); any other segment by its
     * stored token. -1 while a segment has none.
     */
    public long lowest(Map<Integer, EventTrackerStatus> local) {
        return lowestIndex(tokens(local));
    }

    /** The lowest index of {@code tokens} (every segment of a projection); -1 when one has none, or there is none. */
    public static long lowestIndex(List<GapAwareTrackingToken> tokens) {
        return tokens.stream().mapToLong(token -> token == null ? -1 : token.getIndex()).min().orElse(-1);
    }

    /**
     * The gaps of {@code tokens} at or below {@code position}: indexes a segment passed while they were still being
     * written (their transaction committed after a later one's, or never will), and has not seen filled since.
     */
    public static Long[] gapsUpTo(List<GapAwareTrackingToken> tokens, long position) {
        return tokens.stream().filter(Objects::nonNull).flatMap(token -> token.getGaps().stream())
                .filter(gap -> gap <= position).distinct().toArray(Long[]::new);
    }

    /**
     * Each segment's token as far as this node can tell (see {@link #lowest(Map)}): its index, and the gaps below it
     * that the segment has not seen filled. Null for a segment without one.
     */
    public List<GapAwareTrackingToken> tokens(Map<Integer, EventTrackerStatus> local) {
        return segments.stream().map(segment -> {
            GapAwareTrackingToken running = token(local.get(segment.segment().getSegmentId()));
            return running != null ? running : segment.token();
        }).toList();
    }

    /** A running segment's token as its processor reports it; null when it reports none. */
    public static GapAwareTrackingToken token(EventTrackerStatus status) {
        TrackingToken running = status == null ? null : WrappedToken.unwrapLowerBound(status.getTrackingToken());
        return running instanceof GapAwareTrackingToken token ? token : null;
    }

    /**
     * Whether {@code tokens} (every segment of a projection) have handled each event stored up to {@code position}
     * that can be read now: each has passed it, and none waits below it for an event that has since been stored. Such
     * a gap is an event whose transaction committed after a later one's; the token's index alone would claim it
     * handled. A gap where no event is stored is none of a reader's writes (the writes it waits for are committed):
     * a number a rolled-back command took, or one still being written.
     */
    public static boolean handledStored(List<GapAwareTrackingToken> tokens, long position, JdbcTemplate jdbc) {
        if (tokens.isEmpty() || lowestIndex(tokens) < position) {
            return false;
        }
        Long[] gaps = gapsUpTo(tokens, position);
        return gaps.length == 0 || !Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM domainevententry WHERE globalindex = ANY (?))", Boolean.class,
                (Object) gaps));
    }

    /** The highest position any segment has reached; no event above it is reflected in the live tables. */
    long highest() {
        return segments.stream().filter(segment -> segment.token() != null)
                .mapToLong(segment -> segment.token().getIndex()).max().orElse(-1);
    }

    /** Whether the live processor has handled the event: the segment that owns it has passed it. */
    boolean handled(TrackedEventMessage<?> event, EventHandlerInvoker invoker) {
        long index = event.trackingToken().position().orElseThrow();
        for (SegmentPosition segment : segments) {
            if (invoker.canHandle(event, segment.segment())) {
                GapAwareTrackingToken token = segment.token();
                return token != null && index <= token.getIndex() && !token.getGaps().contains(index);
            }
        }
        return false;
    }

    private record Row(int segment, byte[] token, String tokenType, String owner) {
    }
}
