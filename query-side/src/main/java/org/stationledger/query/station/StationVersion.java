package org.stationledger.query.station;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.stationledger.events.station.StationKind;

/** One recorded version of a station's details, and the change that produced it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StationVersion(int version, StationChange change, Instant recordedAt, String recordedBy, String name,
                      String parent, StationKind kind, double areaKm2, long population, int officers, int auxiliaries,
                      boolean decommissioned, String reason) {
}
