package org.stationledger.query.burden;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.events.Actor;
import org.stationledger.query.Problems;

/**
 * The burden dashboard of a year, judged on today's date (the ledger's clock). A department sees its own row, a
 * station its own, everyone the jurisdiction's totals.
 */
@RestController
class BurdenQueryController {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final BurdenQueries queries;
    private final Clock clock;

    BurdenQueryController(BurdenQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/burden/{year}")
    BurdenView burden(@PathVariable int year, Actor caller) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw Problems.invalidRequest("The year lies between " + FIRST_YEAR + " and " + LAST_YEAR + ".");
        }
        return queries.view(year, LocalDate.now(clock)).visibleTo(caller);
    }
}
