package org.stationledger.query.assessment;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.events.Actor;
import org.stationledger.query.CallerScope;
import org.stationledger.query.Problems;

/** The yearly cycles. The plan is common knowledge, except that a station sees only what concerns itself. */
@RestController
@RequestMapping("/api/cycles")
class CycleQueryController {

    private final CycleQueries queries;

    CycleQueryController(CycleQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    List<CycleSummary> cycles() {
        return queries.cycles();
    }

    @GetMapping("/{year}")
    CycleView cycle(@PathVariable int year, @RequestParam(required = false) String stationId, Actor caller) {
        return queries.cycle(year, CallerScope.stationFilter(caller, stationId))
                .orElseThrow(() -> Problems.notFound("No cycle for " + year + "."));
    }
}
