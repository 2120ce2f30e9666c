package org.stationledger.query.burden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stationledger.events.RuleViolation;

class BurdenPolicyTest {

    private static final LocalDate YEAR_OVER = LocalDate.of(2027, 1, 15);

    @ParameterizedTest(name = "{0} of a baseline of 100 in a finished year -> {1}")
    @CsvSource({"0, ON_TRACK", "69, ON_TRACK", "70, ON_TRACK", "71, OVER", "100, OVER", "130, OVER"})
    void aFinishedYearIsOnTrackUpToExactly70Percent(long count, BurdenStatus expected) {
        Measure measure = BurdenPolicy.measure(count, 100L, 2026, YEAR_OVER);
        assertThat(measure.status()).isEqualTo(expected);
        assertThat(measure.target()).isEqualTo(70);
        assertThat(measure.percentOfBaseline()).isEqualByComparingTo(String.valueOf(count));
        assertThat(measure.reductionPercent()).isEqualByComparingTo(String.valueOf(100 - count));
        assertThat(measure.projected()).as("a finished year ends where it stands").isEqualTo(count);
    }

    @Test
    void theTargetRoundsDownAndPercentagesToOneDecimal() {
        Measure measure = BurdenPolicy.measure(10, 15L, 2026, YEAR_OVER);
        assertThat(measure.target()).as("70% of 15 is 10.5: at most 10").isEqualTo(10);
        assertThat(measure.percentOfBaseline()).isEqualByComparingTo("66.7");
        assertThat(measure.reductionPercent()).isEqualByComparingTo("33.3");
        assertThat(measure.status()).isEqualTo(BurdenStatus.ON_TRACK);
        assertThat(BurdenPolicy.measure(11, 15L, 2026, YEAR_OVER).status()).isEqualTo(BurdenStatus.OVER);
    }

    @ParameterizedTest(name = "{0} documents by {1} of a baseline of 100 -> {2}")
    @CsvSource({
            // Day 181 of 365: 34 would end the year at 68.5, 35 at 70.6.
            "34, 2026-06-30, ON_TRACK",
            "35, 2026-06-30, AT_RISK",
            "69, 2026-06-30, AT_RISK",
            "70, 2026-06-30, AT_RISK",
            "71, 2026-06-30, OVER",
            // Day 29: too early to judge a pace; day 30 on, it counts.
            "10, 2026-01-29, ON_TRACK",
            "10, 2026-01-30, AT_RISK",
            // The last day of the year: no projection left to make.
            "70, 2026-12-31, ON_TRACK",
            // A year not begun has no pace, only what was already dated into it.
            "70, 2025-11-28, ON_TRACK",
            "71, 2025-11-28, OVER"})
    void duringTheYearThePaceSoFarIsProjectedToItsEnd(long count, LocalDate asOf, BurdenStatus expected) {
        assertThat(BurdenPolicy.measure(count, 100L, 2026, asOf).status()).isEqualTo(expected);
    }

    @Test
    void theProjectionIsShownOnceThePaceIsJudgedRoundedUp() {
        assertThat(BurdenPolicy.measure(35, 100L, 2026, LocalDate.of(2026, 6, 30)).projected())
                .as("70.6 at that pace: above the 70 allowed, as AT_RISK says").isEqualTo(71);
        assertThat(BurdenPolicy.measure(34, 100L, 2026, LocalDate.of(2026, 6, 30)).projected()).isEqualTo(69);
        assertThat(BurdenPolicy.measure(10, 100L, 2026, LocalDate.of(2026, 1, 29)).projected()).isNull();
        assertThat(BurdenPolicy.measure(10, 100L, 2026, null).projected()).isNull();
    }

    /** What the dashboard shows never contradicts itself: a projection above the target is an AT_RISK. */
    @Test
    void aProjectionAboveTheTargetIsExactlyAnAtRisk() {
        for (long baseline : new long[] {1, 7, 15, 100, 101, 143}) {
            for (int day = BurdenPolicy.PACE_FROM_DAY; day < 365; day += 7) {
                LocalDate asOf = LocalDate.ofYearDay(2026, day);
                for (long count = 0; count <= baseline; count++) {
                    Measure measure = BurdenPolicy.measure(count, baseline, 2026, asOf);
                    if (measure.status() != BurdenStatus.OVER) {
                        assertThat(measure.projected() > measure.target())
                                .as("%d of %d by %s: %s", count, baseline, asOf, measure)
                                .isEqualTo(measure.status() == BurdenStatus.AT_RISK);
                    }
                }
            }
        }
    }

    @Test
    void aLeapYearHas366Days() {
        assertThat(BurdenPolicy.elapsedDays(2028, LocalDate.of(2029, 1, 1))).isEqualTo(366);
        assertThat(BurdenPolicy.elapsedDays(2028, LocalDate.of(2028, 12, 31))).isEqualTo(366);
        assertThat(BurdenPolicy.elapsedDays(2028, LocalDate.of(2027, 12, 31))).isZero();
    }

    @Test
    void aBaselineOfZeroAllowsNothing() {
        Measure none = BurdenPolicy.measure(0, 0L, 2026, YEAR_OVER);
        assertThat(none.status()).isEqualTo(BurdenStatus.ON_TRACK);
        assertThat(none.target()).isZero();
        assertThat(none.percentOfBaseline()).isNull();
        assertThat(none.reductionPercent()).isNull();
        assertThat(BurdenPolicy.measure(1, 0L, 2026, YEAR_OVER).status()).isEqualTo(BurdenStatus.OVER);
    }

    @Test
    void withoutABaselineThereIsNothingToJudge() {
        Measure measure = BurdenPolicy.measure(12, null, 2026, YEAR_OVER);
        assertThat(measure.status()).isEqualTo(BurdenStatus.NO_BASELINE);
        assertThat(measure.count()).isEqualTo(12);
        assertThat(measure.target()).isNull();
    }

    @Test
    void aDepartmentIsAsBadAsTheWorseOfItsTwoMeasures() {
        assertThat(BurdenStatus.ON_TRACK.worse(BurdenStatus.AT_RISK)).isEqualTo(BurdenStatus.AT_RISK);
        assertThat(BurdenStatus.OVER.worse(BurdenStatus.ON_TRACK)).isEqualTo(BurdenStatus.OVER);
        assertThat(BurdenStatus.NO_BASELINE.worse(BurdenStatus.NO_BASELINE)).isEqualTo(BurdenStatus.NO_BASELINE);
    }

    @Test
    void theBurdenIsCountedFromTheYearAfterTheBaselinesOn() {
        assertThatThrownBy(() -> BurdenPolicy.requireCountedYear(2018)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("counted from 2019");
        assertThatThrownBy(() -> BurdenPolicy.requireCountedYear(2005)).isInstanceOf(RuleViolation.class);
        assertThatNoException().isThrownBy(() -> BurdenPolicy.requireCountedYear(2019));
    }
}
