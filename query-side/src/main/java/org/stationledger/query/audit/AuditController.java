package org.stationledger.query.audit;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.events.Actor;
import org.stationledger.query.CallerScope;
import org.stationledger.query.QueryParameters;

/** The event trail in the event store's global order, filtered and paged. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final AuditTrailQueries queries;

    AuditController(AuditTrailQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/events")
    AuditPage events(@RequestParam(required = false) String stationId,
                     @RequestParam(required = false) String departmentId,
                     @RequestParam(required = false) Integer year,
                     @RequestParam(required = false) String type,
                     @RequestParam(required = false) String aggregateId,
                     @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to,
                     @RequestParam(required = false) Long after,
                     @RequestParam(required = false) Integer limit, Actor caller) {
        CallerScope.requireEverything(caller);
        return AuditPage.of(queries.events(new AuditFilter(stationId, departmentId, year, type, aggregateId,
                QueryParameters.instant("from", from), QueryParameters.instant("to", to), after,
                QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT))));
    }
}
