package org.stationledger.query.rebuild;

import java.util.List;

/**
 * The read models and how far each has got: the node that answers (by its {@code ledger.node-name}, as segments name
 * their holders), the event store's head position, and per projection the lowest position of its processor's
 * segments (null before its first event), each segment with the node that claims it, and the status of its latest
 * rebuild (null if none).
 */
record ProjectionsOverview(String node, Long storeHead, List<Projection> projections) {

    record Projection(String name, List<String> tables, Long position, List<SegmentStatus> segments,
                      RebuildStatus rebuild) {
    }

    record SegmentStatus(int segment, Long position, String owner) {
    }
}
