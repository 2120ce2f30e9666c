package org.stationledger.query.rebuild;

/** A segment this node has let go of, and for how long it will not claim it again. */
record SegmentRelease(String projection, int segment, String releasedBy, long releasedForSeconds) {
}
