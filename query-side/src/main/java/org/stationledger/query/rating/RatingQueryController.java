package org.stationledger.query.rating;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.events.Actor;
import org.stationledger.query.Problems;

/**
 * A station's consolidated rating for a year, and its history across the years. A station reads its own, a
 * department the years it inspected the station, the co-ordinating office and the auditors every one.
 */
@RestController
@RequestMapping("/api/stations/{stationId}/ratings")
class RatingQueryController {

    private final RatingQueries queries;

    RatingQueryController(RatingQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{year}")
    RatingView rating(@PathVariable String stationId, @PathVariable int year, Actor caller) {
        RatingScope.requireStation(caller, stationId);
        RatingView rating = queries.rating(stationId, year).orElseThrow(() ->
                Problems.notFound("No " + year + " rating for station " + stationId + ": a year is rated once its "
                                  + "scheme is published, and a station registered after the year's close is not."));
        RatingScope.requireYear(caller, rating.inspectingDepartmentIds());
        return rating;
    }

    /** Newest year first; a department sees only the years it inspected the station. */
    @GetMapping
    List<RatingHistoryEntry> history(@PathVariable String stationId, Actor caller) {
        RatingScope.requireStation(caller, stationId);
        return queries.everyYear(stationId).orElseThrow(() -> Problems.notFound("No station " + stationId + "."))
                .stream()
                .filter(year -> RatingScope.seesYear(caller, year.inspectingDepartmentIds()))
                .map(RatingQueries.HistoryYear::entry)
                .toList();
    }
}
