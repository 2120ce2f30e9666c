package org.stationledger.query.burden;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Year;
import org.stationledger.events.burden.BaselineRecorded;
import org.stationledger.query.Problems;

/**
 * The 70% rule: a department's documents (or meetings) in a year must not exceed 70% of its 2018 count, which allows
 * the whole number {@code target} of them (70% of 15 is 10.5: 10). OVER once the count is above it; AT_RISK while it
 * is not, but the pace of the year so far (the count times the days of the year, over the days elapsed) would end
 * above it; ON_TRACK otherwise. The pace is judged from day 30 of the year (before that it says too little) until
 * the year is over; a year not begun has none. It is shown rounded up ({@code projected}), so that a projection
 * above the target is exactly an AT_RISK. All comparisons are in whole numbers, so exactly 70% is on track.
 */
public final class BurdenPolicy {

    public static final int TARGET_PERCENT = 70;
    static final int PACE_FROM_DAY = 30;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private BurdenPolicy() {
    }

    /**
     * Refuses a year the burden is not counted in: documents and meetings are recorded from the year after the
     * baselines' ({@link BaselineRecorded#BASE_YEAR}) on, so the base year and those before it have no counts to hold
     * to the baselines, and would show every department at a 100% reduction.
     */
    public static void requireCountedYear(int year) {
        if (year <= BaselineRecorded.BASE_YEAR) {
            throw Problems.invalidRequest("The burden is counted from " + (BaselineRecorded.BASE_YEAR + 1) + " on, "
                    + "against the " + BaselineRecorded.BASE_YEAR + " baselines; " + year + " has no counts.");
        }
    }

    /** {@code asOf}: the day the count stands at (null: no day yet, the year has not begun for this count). */
    public static Measure measure(long count, Long baseline, int year, LocalDate asOf) {
        if (baseline == null) {
            return new Measure(count, null, null, null, null, null, BurdenStatus.NO_BASELINE);
        }
        int days = Year.of(year).length();
        int elapsed = elapsedDays(year, asOf);
        boolean paceJudged = elapsed >= PACE_FROM_DAY;
        long target = baseline * TARGET_PERCENT / 100;
        BigDecimal percent = baseline == 0 ? null
                : BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(baseline), 1, RoundingMode.HALF_UP);
        return new Measure(count, baseline, target, percent, percent == null ? null : HUNDRED.subtract(percent),
                paceJudged ? (count * days + elapsed - 1) / elapsed : null,
                status(count, target, elapsed, days));
    }

    static BurdenStatus status(long count, long target, int elapsed, int days) {
        if (count > target) {
            return BurdenStatus.OVER;
        }
        boolean yearUnderWay = elapsed >= PACE_FROM_DAY && elapsed < days;
        if (yearUnderWay && count * days > target * elapsed) {
            return BurdenStatus.AT_RISK;
        }
        return BurdenStatus.ON_TRACK;
    }

    /** Days of {@code year} passed by the end of {@code asOf}: none before it, all after it. */
    static int elapsedDays(int year, LocalDate asOf) {
        if (asOf == null || asOf.getYear() < year) {
            return 0;
        }
        return asOf.getYear() > year ? Year.of(year).length() : asOf.getDayOfYear();
    }
}
