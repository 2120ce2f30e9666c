package org.stationledger.events.rating;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;

/**
 * How a station's consolidated yearly rating follows from the scheme and the live findings: scoring by deduction,
 * the veto, and the grade bands. Both sides must grade alike (the command side when it finalises, the query side
 * when it shows the live rating), so the rule travels with the events it interprets.
 */
public final class RatingRules {

    private RatingRules() {
    }

    public record Indicator(String indicatorId, String departmentId, IndicatorKind kind, int maxPoints) {
    }

    /** A finding that still counts: not withdrawn, its deduction as reduced by any upheld appeal. */
    public record LiveFinding(String indicatorId, BigDecimal deduction) {
    }

    public record IndicatorScore(String indicatorId, String departmentId, IndicatorKind kind, int maxPoints,
                                 BigDecimal deductions, BigDecimal score, int findings) {
    }

    public record Rating(BigDecimal score, boolean veto, Grade eligibleGrade, List<IndicatorScore> indicators) {
    }

    /**
     * Each SCORED indicator starts at its max points and loses its findings' deductions, never below zero; an
     * indicator without findings keeps full marks. Any finding against a VETO indicator makes the grade LEVEL_5.
     */
    public static Rating rate(List<Indicator> scheme, List<LiveFinding> findings, GradeBands bands) {
        Map<String, BigDecimal> deductions = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (LiveFinding finding : findings) {
            deductions.merge(finding.indicatorId(), finding.deduction(), BigDecimal::add);
            counts.merge(finding.indicatorId(), 1, Integer::sum);
        }
        Set<String> vetoIndicators = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        List<IndicatorScore> scores = new ArrayList<>();
        for (Indicator indicator : scheme) {
            BigDecimal deducted = deductions.getOrDefault(indicator.indicatorId(), BigDecimal.ZERO);
            int findingCount = counts.getOrDefault(indicator.indicatorId(), 0);
            BigDecimal score = BigDecimal.ZERO;
            if (indicator.kind() == IndicatorKind.SCORED) {
                score = BigDecimal.valueOf(indicator.maxPoints()).subtract(deducted).max(BigDecimal.ZERO);
                total = total.add(score);
            } else if (findingCount > 0) {
                vetoIndicators.add(indicator.indicatorId());
            }
            scores.add(new IndicatorScore(indicator.indicatorId(), indicator.departmentId(), indicator.kind(),
                    indicator.maxPoints(), deducted, score, findingCount));
        }
        boolean veto = !vetoIndicators.isEmpty();
        return new Rating(total, veto, grade(total, veto, bands), List.copyOf(scores));
    }

    /** The band a score makes a station eligible for; a veto means LEVEL_5 whatever the score. */
    public static Grade grade(BigDecimal score, boolean veto, GradeBands bands) {
        if (veto) {
            return Grade.LEVEL_5;
        }
        if (atLeast(score, bands.level1())) {
            return Grade.LEVEL_1;
        }
        if (atLeast(score, bands.level2())) {
            return Grade.LEVEL_2;
        }
        if (atLeast(score, bands.level3())) {
            return Grade.LEVEL_3;
        }
        if (atLeast(score, bands.level4())) {
            return Grade.LEVEL_4;
        }
        return Grade.LEVEL_5;
    }

    private static boolean atLeast(BigDecimal score, double threshold) {
        return score.compareTo(BigDecimal.valueOf(threshold)) >= 0;
    }
}
