package org.stationledger.query.station;

/** All a station is shown of another station. */
record StationName(String stationId, String name) implements StationView {
}
