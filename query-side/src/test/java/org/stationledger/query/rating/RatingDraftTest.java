package org.stationledger.query.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.rating.Grade;
import org.stationledger.events.rating.RatingRules;

/**
 * The draft is graded from the findings as they stood at the close, whatever happened to them since, and only for a
 * station in the registry at the close. Which findings stood at the close, in the store's order, is the read's
 * ({@code RatingReadModelIntegrationTest}).
 */
class RatingDraftTest {

    private static final List<RatingRules.Indicator> SCHEME = List.of(
            new RatingRules.Indicator("T1", "TRAFFIC", IndicatorKind.SCORED, 60),
            new RatingRules.Indicator("L1", "LEGAL", IndicatorKind.SCORED, 40),
            new RatingRules.Indicator("L2", "LEGAL", IndicatorKind.VETO, 0));
    private static final long CLOSE = 500;
    private static final long REGISTERED = 10;

    @Test
    void anOpenCycleHasNoDraft() {
        assertThat(RatingDraft.of(SCHEME, GradeBands.DEFAULT, null, REGISTERED, null, List.of(finding("T1", "5", null))))
                .isNull();
    }

    @Test
    void aStationRegisteredAfterTheCloseHasNone() {
        assertThat(RatingDraft.of(SCHEME, GradeBands.DEFAULT, CLOSE, CLOSE + 1, null, List.of())).isNull();
        RatingView.Draft known = RatingDraft.of(SCHEME, GradeBands.DEFAULT, CLOSE, CLOSE - 1, null, List.of());
        assertThat(known.score()).isEqualByComparingTo("100");
        assertThat(known.eligibleGrade()).isEqualTo(Grade.LEVEL_1);
    }

    /** A station decommissioned before the close is no longer rated that year; one decommissioned after keeps its draft. */
    @Test
    void aStationDecommissionedBeforeTheCloseHasNone() {
        assertThat(RatingDraft.of(SCHEME, GradeBands.DEFAULT, CLOSE, REGISTERED, CLOSE - 1, List.of())).isNull();
        assertThat(RatingDraft.of(SCHEME, GradeBands.DEFAULT, CLOSE, REGISTERED, CLOSE + 1, List.of())).isNotNull();
        assertThat(RatingDraft.rated(null, REGISTERED, null)).as("open, in the registry").isTrue();
        assertThat(RatingDraft.rated(null, REGISTERED, REGISTERED + 1)).as("open, decommissioned").isFalse();
        assertThat(RatingDraft.rated(CLOSE, REGISTERED, CLOSE - 1)).isFalse();
        assertThat(RatingDraft.rated(CLOSE, REGISTERED, CLOSE + 1)).isTrue();
    }

    @Test
    void findingsCountWithTheirDeductionAtTheCloseNotTheirCurrentOne() {
        RatingView.Draft draft = RatingDraft.of(SCHEME, GradeBands.DEFAULT, CLOSE, REGISTERED, null, List.of(
                finding("T1", "3", "3"),
                // Reduced on appeal after the close from 8 to 1: the draft keeps the 8.
                finding("L1", "1", "8"),
                // Withdrawn before the close, or recorded after it: not in the draft.
                finding("T1", "20", null),
                finding("L2", "0", null)));
        assertThat(draft.score()).isEqualByComparingTo("89");
        assertThat(draft.eligibleGrade()).isEqualTo(Grade.LEVEL_2);
        assertThat(draft.veto()).isFalse();
    }

    @Test
    void aVetoFindingStandingAtTheCloseMakesTheDraftLevel5() {
        RatingView.Draft draft = RatingDraft.of(SCHEME, GradeBands.DEFAULT, CLOSE, REGISTERED, null,
                List.of(finding("L2", "0", "0")));
        assertThat(draft.veto()).isTrue();
        assertThat(draft.eligibleGrade()).isEqualTo(Grade.LEVEL_5);
    }

    private static RatingView.Finding finding(String indicatorId, String deduction, String deductionAtClose) {
        return new RatingView.Finding("f-" + indicatorId + deduction, "i-1", indicatorId, "TRAFFIC",
                new BigDecimal(deduction), new BigDecimal(deduction), null, null, null, null, FindingStatus.LIVE,
                null, deductionAtClose == null ? null : new BigDecimal(deductionAtClose));
    }
}
