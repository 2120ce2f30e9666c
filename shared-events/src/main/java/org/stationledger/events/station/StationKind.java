package org.stationledger.events.station;

/** The kinds of police station the grade-rating method distinguishes. */
public enum StationKind {
    URBAN,
    RURAL,
    SUBURBAN,
    SCENIC_AREA,
    BORDER,
    OTHER
}
