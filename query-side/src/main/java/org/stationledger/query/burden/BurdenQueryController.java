package org.stationledger.query.burden;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.events.Actor;
import org.stationledger.query.QueryParameters;

/**
 * The burden dashboard of a year, judged on today's date (the ledger's clock). A department sees its own row, a
 * station its own, everyone the jurisdiction's totals.
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
    BurdenView burden(@PathVariable int year, Actor caller) {
        return queries.view(QueryParameters.year(year), LocalDate.now(clock)).visibleTo(caller);
    }
}
