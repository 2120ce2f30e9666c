package org.stationledger.query.rebuild;

/** Where a rebuild is. */
enum RebuildStatus {
    /** Replaying into the shadow schema, or about to compare and swap; resumed after a restart. */
    RUNNING,
    /** Compared and, if it differed, swapped in; the shadow schema is gone. */
    COMPLETED,
    /** Stopped by an error (see {@code error}); the live projection is untouched. Start again to retry. */
    FAILED
}
