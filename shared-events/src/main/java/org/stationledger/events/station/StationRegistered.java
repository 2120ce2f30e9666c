package org.stationledger.events.station;

import org.axonframework.serialization.Revision;
import org.stationledger.events.StationScoped;

@Revision("1")
public record StationRegistered(String stationId, String name, String parent, StationKind kind, double areaKm2,
                                long population, int officers, int auxiliaries) implements StationScoped {
}
