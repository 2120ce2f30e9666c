package org.stationledger.query.burden;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.events.Actor;
import org.stationledger.query.QueryParameters;

/**
 * The burden dashboard of a year, judged on today's date (the ledger's clock). A department sees its own row, a
 * station its own, everyone the jurisdiction's totals. Stations come in pages on request ({@code stationLimit},
 * {@code stationAfter}); without them, all of them.
 */
@RestController
class BurdenQueryController {

    private final BurdenQueries queries;
    private final Clock clock;

    BurdenQueryController(BurdenQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/burden/{year}")
    BurdenView burden(@PathVariable int year, @RequestParam(required = false) Integer stationLimit,
                      @RequestParam(required = false) String stationAfter, Actor caller) {
        StationPage page = StationPage.of(stationAfter, stationLimit).visibleTo(caller);
        return queries.view(QueryParameters.year(year), LocalDate.now(clock), page).visibleTo(caller);
    }
}
