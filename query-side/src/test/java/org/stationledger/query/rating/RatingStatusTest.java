package org.stationledger.query.rating;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RatingStatusTest {

    private static final boolean OPEN = true;
    private static final boolean CLOSED = false;
    private static final boolean PENDING = true;
    private static final boolean NONE_PENDING = false;
    private static final boolean FINALISED = true;
    private static final boolean NOT_FINALISED = false;

    @Test
    void anOpenCycleGivesAProvisionalRating() {
        assertThat(RatingStatus.of(OPEN, NONE_PENDING, NOT_FINALISED, 0)).isEqualTo(RatingStatus.PROVISIONAL);
    }

    @Test
    void aClosedCycleGivesADraftUntilFinalised() {
        assertThat(RatingStatus.of(CLOSED, NONE_PENDING, NOT_FINALISED, 0)).isEqualTo(RatingStatus.DRAFT);
        assertThat(RatingStatus.of(CLOSED, NONE_PENDING, FINALISED, 0)).isEqualTo(RatingStatus.FINAL);
        assertThat(RatingStatus.of(CLOSED, NONE_PENDING, FINALISED, 2)).isEqualTo(RatingStatus.REVISED);
    }

    @Test
    void aPendingAppealComesBeforeEverythingElse() {
        assertThat(RatingStatus.of(CLOSED, PENDING, NOT_FINALISED, 0)).isEqualTo(RatingStatus.UNDER_APPEAL);
        assertThat(RatingStatus.of(CLOSED, PENDING, FINALISED, 0)).isEqualTo(RatingStatus.UNDER_APPEAL);
        assertThat(RatingStatus.of(CLOSED, PENDING, FINALISED, 1)).isEqualTo(RatingStatus.UNDER_APPEAL);
        assertThat(RatingStatus.of(OPEN, PENDING, NOT_FINALISED, 0)).isEqualTo(RatingStatus.UNDER_APPEAL);
    }
}
