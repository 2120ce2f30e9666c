package org.stationledger.query.rating;

/** Where a station's yearly rating stands in the cycle of closing, appeals and finalising. */
enum RatingStatus {
    /** The cycle is open: findings may still arrive. */
    PROVISIONAL,
    /** The cycle is closed and the rating is not final yet. */
    DRAFT,
    /** An appeal waits for the co-ordinating office's decision. */
    UNDER_APPEAL,
    /** The one final rating. */
    FINAL,
    /** The final rating with at least one revision. */
    REVISED;

    /** A pending appeal comes first: whatever else holds, nothing about the rating is settled until it is decided. */
    static RatingStatus of(boolean cycleOpen, boolean appealPending, boolean finalised, int revisions) {
        if (appealPending) {
            return UNDER_APPEAL;
        }
        if (cycleOpen) {
            return PROVISIONAL;
        }
        if (finalised) {
            return revisions > 0 ? REVISED : FINAL;
        }
        return DRAFT;
    }
}
