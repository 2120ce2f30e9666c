package org.stationledger.events.rating;

/** The five levels of the grade-rating method; LEVEL_1 is the best. */
public enum Grade {
    LEVEL_1,
    LEVEL_2,
    LEVEL_3,
    LEVEL_4,
    LEVEL_5;

    /** True if this grade is worse than {@code other} (LEVEL_3 is lower than LEVEL_2). */
    public boolean isLowerThan(Grade other) {
        return ordinal() > other.ordinal();
    }
}
