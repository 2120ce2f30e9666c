package org.stationledger.query.rebuild;

import java.time.Instant;
import java.util.List;

/**
 * A projection's latest rebuild as the coordinator follows it. {@code worker} is the node that last moved it (named
 * as the projections overview names the node holding a segment): the one that started it, or the one that took it
 * over or resumed it after a stop. {@code checksums} compare every table of the live projection with the rebuilt one
 * at the same position (present once the rebuild has completed); {@code replaced} says whether the rebuilt tables
 * differed and took the live ones' place.
 */
record RebuildProgress(String projection, RebuildStatus status, String worker, long eventsDone, long eventsTotal,
                       Double eventsPerSecond, Long etaSeconds, Instant startedAt, Instant updatedAt,
                       Instant finishedAt, List<TableChecksum> checksums, Boolean equal, Boolean replaced,
                       String error) {

    RebuildProgress compared(List<TableChecksum> tables) {
        return new RebuildProgress(projection, status, worker, eventsDone, eventsTotal, eventsPerSecond, etaSeconds,
                startedAt, updatedAt, finishedAt, tables, tables.stream().allMatch(TableChecksum::equal), replaced,
                error);
    }

    /** One table, live against rebuilt. */
    record TableChecksum(String table, String live, String rebuilt, boolean equal) {
    }
}
