package org.stationledger.command.rating;

import java.util.List;
import org.springframework.stereotype.Component;
import org.stationledger.command.assessment.Cycles;
import org.stationledger.command.inspection.Findings;
import org.stationledger.events.rating.RatingRules;

/** A station's rating for a year as the command side sees it now: the scheme and the live findings, graded. */
@Component
class CurrentRating {

    private final Cycles cycles;
    private final Findings findings;

    CurrentRating(Cycles cycles, Findings findings) {
        this.cycles = cycles;
        this.findings = findings;
    }

    RatingRules.Rating of(String stationId, Cycles.CycleFacts cycle) {
        List<RatingRules.Indicator> scheme = cycles.indicators(cycle.year()).stream()
                .map(indicator -> new RatingRules.Indicator(indicator.indicatorId(), indicator.departmentId(),
                        indicator.kind(), indicator.maxPoints()))
                .toList();
        List<RatingRules.LiveFinding> live = findings.liveFindings(stationId, cycle.year()).stream()
                .map(finding -> new RatingRules.LiveFinding(finding.indicatorId(), finding.deduction()))
                .toList();
        return RatingRules.rate(scheme, live, cycle.gradeBands());
    }
}
