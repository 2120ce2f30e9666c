package org.stationledger.query.station;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.stationledger.events.station.StationKind;

/**
 * A station's current details ({@code version} counts the versions recorded so far); with its {@code history},
 * oldest first, when one station is asked for.
 */
record StationDetails(String stationId, String name, String parent, StationKind kind, double areaKm2,
                      long population, int officers, int auxiliaries, boolean decommissioned, int version,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<StationVersion> history) implements StationView {

    static StationDetails current(String stationId, StationVersion latest, List<StationVersion> history) {
        return new StationDetails(stationId, latest.name(), latest.parent(), latest.kind(), latest.areaKm2(),
                latest.population(), latest.officers(), latest.auxiliaries(), latest.decommissioned(),
                latest.version(), history);
    }
}
