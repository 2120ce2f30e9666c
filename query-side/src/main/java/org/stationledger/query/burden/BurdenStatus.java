package org.stationledger.query.burden;

/** Where a count stands against 70% of its 2018 baseline; later constants are worse. */
public enum BurdenStatus {
    /** No baseline recorded: nothing to hold the count to. */
    NO_BASELINE,
    /** At most 70% of the baseline, and not on a pace to pass it. */
    ON_TRACK,
    /** Still at most 70%, but the pace of the year so far would end above it. */
    AT_RISK,
    /** Above 70% of the baseline already. */
    OVER;

    BurdenStatus worse(BurdenStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
