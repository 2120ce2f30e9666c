package org.stationledger.events;

/** An event that concerns one station; lets the audit trail and the station's own views be filtered by station. */
public interface StationScoped {
    String stationId();
}
