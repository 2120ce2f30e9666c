package org.stationledger.events.station;

import org.axonframework.serialization.Revision;
import org.stationledger.events.StationScoped;

/** A new version of a station's details; the history keeps every version. */
@Revision("1")
public record StationDetailsChanged(String stationId, String name, String parent, StationKind kind, double areaKm2,
                                    long population, int officers, int auxiliaries) implements StationScoped {
}
