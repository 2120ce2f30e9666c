package org.stationledger.query.inspection;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.events.Actor;
import org.stationledger.query.CallerScope;
import org.stationledger.query.Problems;
import org.stationledger.query.QueryParameters;

/**
 * Inspection requests. A department reads its own, a station every request made of it (blocked ones included),
 * the co-ordinating office and the auditors all of them.
 */
@RestController
@RequestMapping("/api/inspections")
class InspectionQueryController {

    private static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 5000;

    private final InspectionQueries queries;

    InspectionQueryController(InspectionQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    List<InspectionView> inspections(@RequestParam(required = false) String stationId,
                                     @RequestParam(required = false) String departmentId,
                                     @RequestParam(required = false) Integer year,
                                     @RequestParam(required = false) String status,
                                     @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) Integer offset, Actor caller) {
        return queries.list(new InspectionFilter(CallerScope.stationFilter(caller, stationId),
                CallerScope.departmentFilter(caller, departmentId), year,
                QueryParameters.oneOf(InspectionStatus.class, "status", status),
                QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT), QueryParameters.offset(offset)));
    }

    @GetMapping("/{inspectionId}")
    InspectionView inspection(@PathVariable String inspectionId, Actor caller) {
        InspectionView inspection = queries.find(inspectionId)
                .orElseThrow(() -> Problems.notFound("No inspection " + inspectionId + "."));
        CallerScope.requireVisible(caller, inspection.stationId(), inspection.departmentId());
        return inspection;
    }
}
