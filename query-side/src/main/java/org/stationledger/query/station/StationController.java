package org.stationledger.query.station;

import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.events.Actor;
import org.stationledger.query.CallerScope;
import org.stationledger.query.Problems;

/** The registry: stations (a station sees only the names of the others) and departments. */
@RestController
@RequestMapping("/api")
class StationController {

    private final StationQueries queries;

    StationController(StationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/stations")
    List<StationView> stations(Actor caller) {
        return queries.currentStations().stream()
                .<StationView>map(station -> CallerScope.seesStationDetails(caller, station.stationId())
                        ? station
                        : new StationName(station.stationId(), station.name()))
                .toList();
    }

    @GetMapping("/stations/{stationId}")
    StationView station(@PathVariable String stationId, Actor caller) {
        Optional<? extends StationView> station = CallerScope.seesStationDetails(caller, stationId)
                ? queries.withHistory(stationId)
                : queries.name(stationId);
        return station.orElseThrow(() -> Problems.notFound("No station " + stationId + "."));
    }

    @GetMapping("/departments")
    List<Department> departments() {
        return queries.departments();
    }
}
