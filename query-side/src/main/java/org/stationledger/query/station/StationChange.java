package org.stationledger.query.station;

/** The event that produced a version of a station's details. */
enum StationChange {
    REGISTERED,
    DETAILS_CHANGED,
    DECOMMISSIONED
}
