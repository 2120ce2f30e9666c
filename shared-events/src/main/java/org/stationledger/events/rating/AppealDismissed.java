package org.stationledger.events.rating;

import org.axonframework.serialization.Revision;
import org.stationledger.events.StationScoped;
import org.stationledger.events.YearScoped;

@Revision("1")
public record AppealDismissed(String appealId, int year, String stationId, String reason)
        implements YearScoped, StationScoped {
}
