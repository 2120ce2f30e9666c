package org.stationledger.command.assessment;

import java.util.List;
import org.stationledger.events.RuleViolation;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.assessment.IndicatorProposed;

/** The shape every published scheme must have: one graded rating out of 100 points, and few enough indicators. */
final class SchemeRules {

    static final int TOTAL_POINTS = 100;
    static final int MAX_INDICATORS = 30;

    private SchemeRules() {
    }

    /** Bands descend strictly inside (0, 100], or some grade could never be reached. */
    static void checkGradeBands(GradeBands bands) {
        boolean descending = bands.level1() <= TOTAL_POINTS && bands.level1() > bands.level2()
                             && bands.level2() > bands.level3() && bands.level3() > bands.level4() && bands.level4() > 0;
        if (!descending) {
            throw RuleViolation.invalid("invalid-grade-bands",
                    "Grade bands must descend strictly: 100 >= level1 > level2 > level3 > level4 > 0.");
        }
    }

    static void checkIndicatorPoints(IndicatorKind kind, int maxPoints) {
        if (kind == IndicatorKind.VETO && maxPoints != 0) {
            throw RuleViolation.invalid("veto-carries-no-points", "A VETO indicator carries no points: maxPoints must be 0.");
        }
        if (kind == IndicatorKind.SCORED && (maxPoints < 1 || maxPoints > TOTAL_POINTS)) {
            throw RuleViolation.invalid("invalid-max-points", "A SCORED indicator carries 1 to 100 points.");
        }
    }

    /**
     * A proposal is refused if no scheme containing it could be published, since no indicator can be taken back:
     * SCORED points past 100, a 31st indicator, or a 30th that leaves the SCORED points short of 100. Any scheme
     * short of that can still be completed by further proposals.
     */
    static void checkProposable(List<IndicatorProposed> proposed, IndicatorKind kind, int maxPoints) {
        int count = proposed.size() + 1;
        int total = scoredTotal(proposed) + (kind == IndicatorKind.SCORED ? maxPoints : 0);
        if (count > MAX_INDICATORS) {
            throw RuleViolation.unprocessable("too-many-indicators",
                    "A scheme has at most " + MAX_INDICATORS + " indicators, and " + proposed.size()
                    + " are proposed.");
        }
        if (total > TOTAL_POINTS) {
            throw RuleViolation.unprocessable("scheme-total-over-100", "The SCORED indicators proposed carry "
                    + scoredTotal(proposed) + " of the scheme's " + TOTAL_POINTS + " points; " + maxPoints
                    + " more would pass them.");
        }
        if (count == MAX_INDICATORS && total != TOTAL_POINTS) {
            throw RuleViolation.unprocessable("scheme-total-not-100", "The " + MAX_INDICATORS
                    + "th and last indicator must bring the SCORED indicators to exactly " + TOTAL_POINTS
                    + " points; with it they would carry " + total + ".");
        }
    }

    static void checkPublishable(List<IndicatorProposed> indicators) {
        if (indicators.size() > MAX_INDICATORS) {
            throw RuleViolation.unprocessable("too-many-indicators",
                    "A scheme has at most " + MAX_INDICATORS + " indicators; this one has " + indicators.size() + ".");
        }
        int total = scoredTotal(indicators);
        if (total != TOTAL_POINTS) {
            throw RuleViolation.unprocessable("scheme-total-not-100",
                    "The SCORED indicators' max points must sum to exactly 100; they sum to " + total + ".");
        }
    }

    private static int scoredTotal(List<IndicatorProposed> indicators) {
        return indicators.stream().filter(indicator -> indicator.kind() == IndicatorKind.SCORED)
                .mapToInt(IndicatorProposed::maxPoints).sum();
    }
}
