package org.stationledger.events.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;

class RatingRulesTest {

    private static final List<RatingRules.Indicator> SCHEME = List.of(
            new RatingRules.Indicator("CASES", "CRIM", IndicatorKind.SCORED, 60),
            new RatingRules.Indicator("COMMUNITY", "PUBSEC", IndicatorKind.SCORED, 40),
            new RatingRules.Indicator("DISCIPLINE", "DISC", IndicatorKind.VETO, 0));

    @ParameterizedTest(name = "{0} points -> {1}")
    @CsvSource({"100, LEVEL_1", "95, LEVEL_1", "94.99, LEVEL_2", "85, LEVEL_2", "84.99, LEVEL_3", "70, LEVEL_3",
            "69.99, LEVEL_4", "60, LEVEL_4", "59.99, LEVEL_5", "0, LEVEL_5"})
    void theDefaultBandsGradeEachBoundaryIntoTheHigherBand(String score, Grade expected) {
        assertThat(RatingRules.grade(new BigDecimal(score), false, GradeBands.DEFAULT)).isEqualTo(expected);
    }

    @Test
    void aVetoMakesItLevel5WhateverTheScore() {
        assertThat(RatingRules.grade(new BigDecimal("100"), true, GradeBands.DEFAULT)).isEqualTo(Grade.LEVEL_5);
        var rating = RatingRules.rate(SCHEME, List.of(finding("DISCIPLINE", "0")), GradeBands.DEFAULT);
        assertThat(rating.veto()).isTrue();
        assertThat(rating.score()).isEqualByComparingTo("100");
        assertThat(rating.eligibleGrade()).isEqualTo(Grade.LEVEL_5);
    }

    @Test
    void unassessedIndicatorsKeepFullMarks() {
        var rating = RatingRules.rate(SCHEME, List.of(), GradeBands.DEFAULT);
        assertThat(rating.score()).isEqualByComparingTo("100");
        assertThat(rating.veto()).isFalse();
        assertThat(rating.eligibleGrade()).isEqualTo(Grade.LEVEL_1);
        assertThat(rating.indicators()).allSatisfy(indicator -> assertThat(indicator.findings()).isZero());
    }

    @Test
    void deductionsAddUpPerIndicatorAndNeverTakeItBelowZero() {
        var rating = RatingRules.rate(SCHEME, List.of(finding("CASES", "3.5"), finding("CASES", "1.5"),
                finding("COMMUNITY", "30"), finding("COMMUNITY", "25")), GradeBands.DEFAULT);
        var cases = rating.indicators().get(0);
        assertThat(cases.deductions()).isEqualByComparingTo("5");
        assertThat(cases.score()).isEqualByComparingTo("55");
        var community = rating.indicators().get(1);
        assertThat(community.deductions()).isEqualByComparingTo("55");
        assertThat(community.score()).as("a deduction larger than what is left stops at zero").isEqualByComparingTo("0");
        assertThat(rating.score()).isEqualByComparingTo("55");
        assertThat(rating.eligibleGrade()).isEqualTo(Grade.LEVEL_5);
    }

    @Test
    void withdrawnFindingsAreSimplyNotAmongTheLiveOnes() {
        var withOne = RatingRules.rate(SCHEME, List.of(finding("CASES", "6")), GradeBands.DEFAULT);
        assertThat(withOne.score()).isEqualByComparingTo("94");
        assertThat(withOne.eligibleGrade()).isEqualTo(Grade.LEVEL_2);
        var afterWithdrawal = RatingRules.rate(SCHEME, List.of(), GradeBands.DEFAULT);
        assertThat(afterWithdrawal.eligibleGrade()).isEqualTo(Grade.LEVEL_1);
    }

    @Test
    void customBandsOfTheCycleApply() {
        var strict = new GradeBands(98, 90, 80, 70);
        assertThat(RatingRules.grade(new BigDecimal("97"), false, strict)).isEqualTo(Grade.LEVEL_2);
        assertThat(RatingRules.grade(new BigDecimal("69.5"), false, strict)).isEqualTo(Grade.LEVEL_5);
    }

    @Test
    void lowerMeansWorse() {
        assertThat(Grade.LEVEL_3.isLowerThan(Grade.LEVEL_2)).isTrue();
        assertThat(Grade.LEVEL_1.isLowerThan(Grade.LEVEL_2)).isFalse();
        assertThat(Grade.LEVEL_2.isLowerThan(Grade.LEVEL_2)).isFalse();
    }

    private static RatingRules.LiveFinding finding(String indicator, String deduction) {
        return new RatingRules.LiveFinding(indicator, new BigDecimal(deduction));
    }
}
