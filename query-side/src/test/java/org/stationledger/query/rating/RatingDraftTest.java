package org.stationledger.query.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.rating.Grade;
import org.stationledger.events.rating.RatingRules;

/** The draft is the rating at the close, in the store's order, whatever happened to the findings since. */
class RatingDraftTest {

    private static final List<RatingRules.Indicator> SCHEME = List.of(
            new RatingRules.Indicator("T1", "TRAFFIC", IndicatorKind.SCORED, 60),
            new RatingRules.Indicator("L1", "LEGAL", IndicatorKind.SCORED, 40),
            new RatingRules.Indicator("L2", "LEGAL", IndicatorKind.VETO, 0));
    private static final long CLOSE = 500;
    private static final long REGISTERED = 10;

    @Test
    void anOpenCycleHasNoDraft() {
        assertThat(RatingDraft.of(SCHEME, GradeBands.DEFAULT, null, REGISTERED, List.of(finding("T1", "5", 100))))
                .isNull();
    }

    @Test
    void aStationRegisteredAfterTheCloseHasNone() {
        assertThat(RatingDraft.of(SCHEME, GradeBands.DEFAULT, CLOSE, CLOSE + 1, List.of())).isNull();
        RatingView.Draft known = RatingDraft.of(SCHEME, GradeBands.DEFAULT, CLOSE, CLOSE - 1, List.of());
        assertThat(known.score()).isEqualByComparingTo("100");
        assertThat(known.eligibleGrade()).isEqualTo(Grade.LEVEL_1);
    }

    @Test
    void findingsStandingAtTheCloseCountWithTheDeductionTheyWereRecordedWith() {
        RatingView.Draft draft = RatingDraft.of(SCHEME, GradeBands.DEFAULT, CLOSE, REGISTERED, List.of(
                finding("T1", "3", 100),
                // Reduced on appeal after the close: the draft keeps the 8 recorded.
                reduced(finding("L1", "8", 200), "1"),
                // Withdrawn on appeal after the close (an appeal's withdrawal has no position of its own).
                withdrawnOnAppeal(finding("T1", "4", 300))));
        assertThat(draft.score()).isEqualByComparingTo("85");
        assertThat(draft.eligibleGrade()).isEqualTo(Grade.LEVEL_2);
        assertThat(draft.veto()).isFalse();
    }

    @Test
    void aFindingWithdrawnBeforeTheCloseOrRecordedAfterItDoesNotCount() {
        RatingView.Draft draft = RatingDraft.of(SCHEME, GradeBands.DEFAULT, CLOSE, REGISTERED, List.of(
                finding("T1", "3", 100),
                withdrawnByDepartment(finding("T1", "20", 200), 400),
                // Committed after the close although the department saw the cycle open: the draft is taken at the
                // close, so it is not in it (it still counts live).
                finding("L2", "0", CLOSE + 20)));
        assertThat(draft.score()).isEqualByComparingTo("97");
        assertThat(draft.veto()).isFalse();
        assertThat(draft.eligibleGrade()).isEqualTo(Grade.LEVEL_1);
    }

    @Test
    void aVetoFindingBeforeTheCloseMakesTheDraftLevel5() {
        RatingView.Draft draft = RatingDraft.of(SCHEME, GradeBands.DEFAULT, CLOSE, REGISTERED,
                List.of(finding("L2", "0", 100)));
        assertThat(draft.veto()).isTrue();
        assertThat(draft.eligibleGrade()).isEqualTo(Grade.LEVEL_5);
    }

    private static RatingView.Finding finding(String indicatorId, String deduction, long recordedPosition) {
        return new RatingView.Finding("f-" + recordedPosition, "i-1", indicatorId, "TRAFFIC",
                new BigDecimal(deduction), new BigDecimal(deduction), null, null, null, null, FindingStatus.LIVE,
                null, recordedPosition, null);
    }

    private static RatingView.Finding reduced(RatingView.Finding finding, String deduction) {
        return new RatingView.Finding(finding.findingId(), finding.inspectionId(), finding.indicatorId(),
                finding.departmentId(), new BigDecimal(deduction), finding.originalDeduction(), null, null, null, null,
                FindingStatus.REDUCED, "On appeal", finding.recordedPosition(), null);
    }

    private static RatingView.Finding withdrawnOnAppeal(RatingView.Finding finding) {
        return withdrawn(finding, null);
    }

    private static RatingView.Finding withdrawnByDepartment(RatingView.Finding finding, long position) {
        return withdrawn(finding, position);
    }

    private static RatingView.Finding withdrawn(RatingView.Finding finding, Long position) {
        return new RatingView.Finding(finding.findingId(), finding.inspectionId(), finding.indicatorId(),
                finding.departmentId(), finding.deduction(), finding.originalDeduction(), null, null, null, null,
                FindingStatus.WITHDRAWN, "Withdrawn", finding.recordedPosition(), position);
    }
}
