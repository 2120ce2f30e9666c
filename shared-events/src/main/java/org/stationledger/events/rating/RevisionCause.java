package org.stationledger.events.rating;

/** Why a final rating was changed. */
public enum RevisionCause {
    /** An appeal upheld after the rating was final. */
    UPHELD_APPEAL,
    /** A correction ordered by the co-ordinating office. */
    CORRECTION
}
