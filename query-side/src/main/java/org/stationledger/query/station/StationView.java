package org.stationledger.query.station;

/** A station as one caller may see it: in full, or by name only (a station looking at another one). */
sealed interface StationView permits StationDetails, StationName {
    String stationId();

    String name();
}
