package org.stationledger.query.rating;

import java.util.List;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.rating.RatingRules;

/**
 * A station's draft: its rating as it stood when the cycle closed, graded by the one grading rule from the findings
 * recorded before the close and not withdrawn by their department before it, each with the deduction it was
 * recorded with (each finding's {@code deductionAtClose}, which {@link RatingQueries} reads). An upheld appeal comes
 * after the close: it changes the live rating, never the draft. Only a station registered before the close has one
 * (every station known at the close gets its draft). "Before" is the event store's global order, which the rating
 * projection keeps as each event's global index, so the draft does not depend on the order in which the
 * projection's segments handled those events.
 */
final class RatingDraft {

    private RatingDraft() {
    }

    /**
     * Whether a station is part of a year's rating: the year is still open, or it closed after the station was
     * registered (in the store's order). A station registered after the close has no draft and no rating that year.
     */
    static boolean rated(Long closedPosition, long registeredPosition) {
        return closedPosition == null || registeredPosition < closedPosition;
    }

    /** The draft, or {@code null} while the cycle is open or when the station was registered after its close. */
    static RatingView.Draft of(List<RatingRules.Indicator> scheme, GradeBands gradeBands, Long closedPosition,
                               long registeredPosition, List<RatingView.Finding> findings) {
        if (closedPosition == null || !rated(closedPosition, registeredPosition)) {
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
