package org.stationledger.query.burden;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.events.Actor;
import org.stationledger.events.burden.DemandKind;
import org.stationledger.query.CallerScope;
import org.stationledger.query.QueryParameters;

/**
 * The burden dashboard of a year, judged on today's date (the ledger's clock). A department sees its own row, a
 * station its own, everyone the jurisdiction's totals. Stations come in pages on request ({@code stationLimit},
 * {@code stationAfter}); without them, all of them. And the documents and meetings behind its counts.
 */
@RestController
class BurdenQueryController {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final BurdenQueries queries;
    private final DemandQueries demands;
    private final Clock clock;

    BurdenQueryController(BurdenQueries queries, DemandQueries demands, Clock clock) {
        this.queries = queries;
        this.demands = demands;
        this.clock = clock;
    }

    @GetMapping("/api/burden/{year}")
    BurdenView burden(@PathVariable int year, @RequestParam(required = false) Integer stationLimit,
                      @RequestParam(required = false) String stationAfter, Actor caller) {
        StationPage page = StationPage.of(stationAfter, stationLimit).visibleTo(caller);
        BurdenPolicy.requireCountedYear(QueryParameters.year(year));
        return queries.view(year, LocalDate.now(clock), page).visibleTo(caller);
    }

    /**
     * What the year's documents and meetings ask of stations: a station reads those that concern it, a department
     * its own, the co-ordinating office and the auditors all of them (each narrowed by the filters asked for).
     */
    @GetMapping("/api/burden/{year}/demands")
    DemandQueries.Page demands(@PathVariable int year, @RequestParam(required = false) String stationId,
                               @RequestParam(required = false) String departmentId,
                               @RequestParam(required = false) String kind,
                               @RequestParam(required = false) Long after,
                               @RequestParam(required = false) Integer limit, Actor caller) {
        return demands.page(QueryParameters.year(year), CallerScope.stationFilter(caller, stationId),
                CallerScope.departmentFilter(caller, departmentId), QueryParameters.oneOf(DemandKind.class, "kind", kind),
                after == null ? -1 : after, QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT)).visibleTo(caller);
    }
}
