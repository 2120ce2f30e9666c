package org.stationledger.query.rating;

import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.query.Problems;
import org.stationledger.query.QueryParameters;

/** For auditors: a station's rating as it stood at any past moment. */
@RestController
class RatingAsOfController {

    private final RatingAsOf ratings;

    RatingAsOfController(RatingAsOf ratings) {
        this.ratings = ratings;
    }

    @GetMapping("/api/audit/stations/{stationId}/ratings/{year}")
    RatingView ratingAsOf(@PathVariable String stationId, @PathVariable int year,
                          @RequestParam(name = "asOf", required = false) String asOfText) {
        Instant asOf = QueryParameters.requiredInstant("asOf", asOfText);
        return ratings.rating(stationId, year, asOf).orElseThrow(() ->
                Problems.notFound("Station " + stationId + " had no " + year + " rating at " + asOf + "."));
    }
}
