package org.stationledger.query.rating;

enum FindingStatus {
    LIVE,
    /** Withdrawn by its department before the close, or by an upheld appeal. */
    WITHDRAWN,
    /** Its deduction lowered by an upheld appeal; it still counts. */
    REDUCED;

    boolean counts() {
        return this != WITHDRAWN;
    }
}
