package org.stationledger.query.rating;

import java.util.List;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.rating.RatingRules;

/**
 * A station's draft: its rating as it stood when the cycle closed, graded by the one grading rule from the findings
 * recorded before the close and not withdrawn by their department before it, each with the deduction it was
 * recorded with (each finding's {@code deductionAtClose}, which {@link RatingQueries} reads). An upheld appeal comes
 * after the close: it changes the live rating, never the draft. Only a station in the registry at the close has one
 * (every station registered and not decommissioned by then gets its draft). "Before" is the event store's global order, which the rating
 * projection keeps as each event's global index, so the draft does not depend on the order in which the
 * projection's segments handled those events.
 */
final class RatingDraft {

    private RatingDraft() {
    }

    /**
     * Whether a station is part of a year's rating: it stood in the registry at the year's close (in the store's
     * order), or, while the year is open, stands in it now. A station registered after the close, or decommissioned
     * before it, has no draft and no rating that year; the statistics reports count it the same way (YearFacts).
     */
    static boolean rated(Long closedPosition, long registeredPosition, Long decommissionedPosition) {
        if (closedPosition == null) {
            return decommissionedPosition == null;
        }
        return registeredPosition < closedPosition
               && (decommissionedPosition == null || decommissionedPosition > closedPosition);
    }

    /** The draft, or {@code null} while the cycle is open or when the station was not in the registry at its close. */
    static RatingView.Draft of(List<RatingRules.Indicator> scheme, GradeBands gradeBands, Long closedPosition,
                               long registeredPosition, Long decommissionedPosition,
                               List<RatingView.Finding> findings) {
        if (closedPosition == null || !rated(closedPosition, registeredPosition, decommissionedPosition)) {
            return null;
        }
        List<RatingRules.LiveFinding> standingAtClose = findings.stream()
                .filter(finding -> finding.deductionAtClose() != null)
                .map(finding -> new RatingRules.LiveFinding(finding.indicatorId(), finding.deductionAtClose()))
                .toList();
        RatingRules.Rating rating = RatingRules.rate(scheme, standingAtClose, gradeBands);
        return new RatingView.Draft(rating.score(), rating.eligibleGrade(), rating.veto());
    }
}
