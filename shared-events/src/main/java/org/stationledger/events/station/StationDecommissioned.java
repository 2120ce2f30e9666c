package org.stationledger.events.station;

import org.axonframework.serialization.Revision;
import org.stationledger.events.StationScoped;

@Revision("1")
public record StationDecommissioned(String stationId, String reason) implements StationScoped {
}
