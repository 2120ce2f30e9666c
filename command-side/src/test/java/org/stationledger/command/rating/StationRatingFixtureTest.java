package org.stationledger.command.rating;

import static org.stationledger.command.RuleViolations.refused;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.stationledger.command.assessment.Cycles;
import org.stationledger.command.assessment.InMemoryCycles;
import org.stationledger.command.inspection.InMemoryFindings;
import org.stationledger.command.rating.RatingCommands.DecideAppeal;
import org.stationledger.command.rating.RatingCommands.FileAppeal;
import org.stationledger.command.rating.RatingCommands.FinaliseRating;
import org.stationledger.command.rating.RatingCommands.ReviseRating;
import org.stationledger.command.station.InMemoryRegistry;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.rating.AppealDismissed;
import org.stationledger.events.rating.AppealFiled;
import org.stationledger.events.rating.AppealUpheld;
import org.stationledger.events.rating.FindingReduction;
import org.stationledger.events.rating.Grade;
import org.stationledger.events.rating.RatingFinalised;
import org.stationledger.events.rating.RatingRevised;
import org.stationledger.events.rating.RevisionCause;

/**
 * A station's rating after the cycle closed: appeals within the comment window, decisions, exactly one final
 * rating, and revisions that cite their cause.
 *
 * <p>The world: station S1 in a 2025 cycle closed on 1 December with a 10-day window. Scheme: CASES (D1, 60) and
 * COMMUNITY (D2, 40) and a veto indicator. Findings on S1: f-1 CASES −3, f-2 COMMUNITY −4 (score 93, LEVEL_2);
 * f-9 is another station's.
 */
class StationRatingFixtureTest {

    private static final int YEAR = 2025;
    private static final Instant CLOSED_AT = Instant.parse("2025-12-01T09:00:00Z");
    private static final AppealFiled APPEAL = new AppealFiled("a-1", YEAR, "S1", "The binder was there", List.of("f-1"));

    private AggregateTestFixture<StationRating> fixture;
    private InMemoryCycles cycles;
    private InMemoryFindings findings;

    @BeforeEach
    void setUp() {
        cycles = closedAt(CLOSED_AT)
                .indicator(YEAR, "CASES", "D1", 60, IndicatorKind.SCORED)
                .indicator(YEAR, "COMMUNITY", "D2", 40, IndicatorKind.SCORED)
                .indicator(YEAR, "DISCIPLINE", "D3", 0, IndicatorKind.VETO);
        findings = new InMemoryFindings()
                .finding("f-1", "i-1", YEAR, "S1", "D1", "CASES", "3")
                .finding("f-2", "i-2", YEAR, "S1", "D2", "COMMUNITY", "4")
                .finding("f-9", "i-9", YEAR, "S2", "D1", "CASES", "5");
        fixture = at(CLOSED_AT.plus(Duration.ofDays(2)));
    }

    private AggregateTestFixture<StationRating> at(Instant now) {
        var rating = new AggregateTestFixture<>(StationRating.class);
        rating.registerInjectableResource(new InMemoryRegistry().station("S1", "S2"));
        rating.registerInjectableResource(cycles);
        rating.registerInjectableResource(findings);
        rating.registerInjectableResource(new CurrentRating(cycles, findings));
        rating.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        return rating;
    }

    private static InMemoryCycles closedAt(Instant closedAt) {
        return new InMemoryCycles().put(new Cycles.CycleFacts(YEAR, Cycles.Status.CLOSED, 4, 10, GradeBands.DEFAULT,
                true, true, closedAt));
    }

    private static FileAppeal appeal(String appealId, String... findingIds) {
        return new FileAppeal("S1", YEAR, appealId, "grounds", List.of(findingIds));
    }

    private static FinaliseRating finalise(Grade grade, String reason) {
        return new FinaliseRating("S1", YEAR, grade, reason);
    }

    private static final RatingFinalised FINAL = new RatingFinalised(YEAR, "S1", new BigDecimal("93"), false,
            Grade.LEVEL_2, Grade.LEVEL_2, null);

    @Nested
    class Appeals {

        @Test
        void aStationAppealsStandingFindingsWithinTheWindow() {
            fixture.givenNoPriorActivity().when(new FileAppeal("S1", YEAR, "a-1", "The binder was there", List.of("f-1")))
                   .expectEvents(APPEAL);
        }

        @Test
        void anAppealNamesEachDisputedFindingOnce() {
            refused(fixture.givenNoPriorActivity().when(appeal("a-1", "f-1", "f-1")), "finding-named-twice");
        }

        @Test
        void theWindowIsMeasuredOnTheLedgersClock() {
            at(CLOSED_AT.plus(Duration.ofDays(10))).givenNoPriorActivity().when(appeal("a-1", "f-1"))
                    .expectSuccessfulHandlerExecution();
            refused(at(CLOSED_AT.plus(Duration.ofDays(10)).plusSeconds(1)).givenNoPriorActivity()
                    .when(appeal("a-1", "f-1")), "comment-window-closed");
        }

        @Test
        void thereIsNothingToAppealWhileTheCycleIsOpen() {
            cycles.open(YEAR);
            refused(fixture.givenNoPriorActivity().when(appeal("a-1", "f-1")), "cycle-not-closed");
        }

        @Test
        void onlyTheStationsOwnStandingFindingsCanBeDisputed() {
            refused(fixture.givenNoPriorActivity().when(appeal("a-1", "f-9")), "unknown-finding");
            findings.withdrawn("f-2");
            refused(fixture.givenNoPriorActivity().when(appeal("a-1", "f-2")), "unknown-finding");
            refused(fixture.givenNoPriorActivity().when(appeal("a-1", "f-404")), "unknown-finding");
        }

        @Test
        void oneAppealAtATime() {
            refused(fixture.given(APPEAL).when(appeal("a-2", "f-2")), "appeal-pending");
        }

        @Test
        void anUnknownStationHasNoRatingToAppeal() {
            refused(fixture.givenNoPriorActivity().when(new FileAppeal("S404", YEAR, "a-1", "g", List.of("f-1"))),
                    "unknown-station");
        }
    }

    @Nested
    class Decisions {

        @Test
        void anUpheldAppealReducesOrWithdrawsTheDisputedFindings() {
            fixture.given(APPEAL)
                   .when(new DecideAppeal("S1", YEAR, "a-1", true, List.of(),
                           List.of(new FindingReduction("f-1", new BigDecimal("1"))), "One binder missed"))
                   .expectEvents(new AppealUpheld("a-1", YEAR, "S1", List.of(),
                           List.of(new FindingReduction("f-1", new BigDecimal("1"))), "One binder missed"));
            fixture.given(APPEAL)
                   .when(new DecideAppeal("S1", YEAR, "a-1", true, List.of("f-1"), List.of(), "Binder found"))
                   .expectEvents(new AppealUpheld("a-1", YEAR, "S1", List.of("f-1"), List.of(), "Binder found"));
        }

        @Test
        void aDismissedAppealChangesNothing() {
            fixture.given(APPEAL).when(new DecideAppeal("S1", YEAR, "a-1", false, List.of(), List.of(), "No"))
                   .expectEvents(new AppealDismissed("a-1", YEAR, "S1", "No"));
            refused(fixture.given(APPEAL).when(new DecideAppeal("S1", YEAR, "a-1", false, List.of("f-1"), List.of(), "No")),
                    "dismissal-changes-nothing");
        }

        @Test
        void anUpheldAppealChangesOnlyWhatItDisputedAndChangesSomething() {
            refused(fixture.given(APPEAL).when(new DecideAppeal("S1", YEAR, "a-1", true, List.of("f-2"), List.of(), "x")),
                    "finding-not-disputed");
            refused(fixture.given(APPEAL).when(new DecideAppeal("S1", YEAR, "a-1", true, List.of(), List.of(), "x")),
                    "nothing-to-uphold");
            refused(fixture.given(APPEAL).when(new DecideAppeal("S1", YEAR, "a-1", true, List.of("f-1"),
                    List.of(new FindingReduction("f-1", BigDecimal.ONE)), "x")), "finding-named-twice");
        }

        @Test
        void aReductionLowersTheDeduction() {
            refused(fixture.given(APPEAL).when(new DecideAppeal("S1", YEAR, "a-1", true, List.of(),
                    List.of(new FindingReduction("f-1", new BigDecimal("3"))), "x")), "invalid-reduction");
            refused(fixture.given(APPEAL).when(new DecideAppeal("S1", YEAR, "a-1", true, List.of(),
                    List.of(new FindingReduction("f-1", new BigDecimal("-1"))), "x")), "invalid-reduction");
        }

        @Test
        void anAppealIsDecidedOnce() {
            refused(fixture.given(APPEAL, new AppealDismissed("a-1", YEAR, "S1", "No"))
                    .when(new DecideAppeal("S1", YEAR, "a-1", false, List.of(), List.of(), "No")), "appeal-decided");
            refused(fixture.givenNoPriorActivity()
                    .when(new DecideAppeal("S1", YEAR, "a-404", false, List.of(), List.of(), "No")), "unknown-appeal");
        }
    }

    @Nested
    class FinalRating {

        @Test
        void theEligibleGradeIsConfirmedWithTheScore() {
            fixture.givenNoPriorActivity().when(finalise(null, null)).expectEvents(FINAL);
        }

        @Test
        void aLowerGradeNeedsAReasonAndAHigherOneIsNeverGiven() {
            fixture.givenNoPriorActivity().when(finalise(Grade.LEVEL_3, "Complaint upheld in the year"))
                   .expectEvents(new RatingFinalised(YEAR, "S1", new BigDecimal("93"), false, Grade.LEVEL_2,
                           Grade.LEVEL_3, "Complaint upheld in the year"));
            refused(fixture.givenNoPriorActivity().when(finalise(Grade.LEVEL_3, " ")), "reason-required");
            refused(fixture.givenNoPriorActivity().when(finalise(Grade.LEVEL_1, "generous")), "grade-above-eligible");
        }

        @Test
        void aVetoMakesTheFinalGradeLevel5() {
            findings.finding("f-3", "i-3", YEAR, "S1", "D3", "DISCIPLINE", "0");
            fixture.givenNoPriorActivity().when(finalise(null, null))
                   .expectEvents(new RatingFinalised(YEAR, "S1", new BigDecimal("93"), true, Grade.LEVEL_5, Grade.LEVEL_5,
                           null));
        }

        /** A station registered after the close has no draft: it is not part of that year's rating at all. */
        @Test
        void aStationRegisteredAfterTheCloseIsNeitherFinalisedNorAppealed() {
            cycles.registeredAfterClose(YEAR, "S1");
            refused(fixture.givenNoPriorActivity().when(finalise(null, null)), "no-draft");
            refused(fixture.givenNoPriorActivity().when(appeal("a-1", "f-1")), "no-draft");
        }

        @Test
        void exactlyOneFinalRatingAndNoneWhileAnAppealIsPending() {
            refused(fixture.given(FINAL).when(finalise(null, null)), "already-final");
            refused(fixture.given(APPEAL).when(finalise(null, null)), "appeal-pending");
            cycles.open(YEAR);
            refused(fixture.givenNoPriorActivity().when(finalise(null, null)), "cycle-not-closed");
        }
    }

    @Nested
    class Revisions {

        private final AppealFiled lateAppeal = new AppealFiled("a-2", YEAR, "S1", "Paper log", List.of("f-2"));
        private final AppealUpheld lateUpheld = new AppealUpheld("a-2", YEAR, "S1", List.of("f-2"), List.of(), "Accepted");

        @Test
        void onlyAFinalRatingIsRevised() {
            refused(fixture.givenNoPriorActivity()
                    .when(new ReviseRating("S1", YEAR, RevisionCause.CORRECTION, null, null, "fix")), "not-final");
        }

        /**
         * A final rating is revised whatever the station's draft: one finalised before a later rule took the draft
         * away (a station decommissioned before the close, finalised before 7 December 2026) stays correctable.
         */
        @Test
        void aFinalRatingIsRevisedEvenWhereTheStationNoLongerHasADraft() {
            cycles.registeredAfterClose(YEAR, "S1");
            fixture.given(FINAL).when(new ReviseRating("S1", YEAR, RevisionCause.CORRECTION, null, Grade.LEVEL_3,
                            "Ordered by the bureau"))
                   .expectEvents(new RatingRevised(YEAR, "S1", 1, RevisionCause.CORRECTION, null, new BigDecimal("93"),
                           false, Grade.LEVEL_2, Grade.LEVEL_3, "Ordered by the bureau"));
        }

        @Test
        void aCorrectionCitesNoAppeal() {
            refused(fixture.given(FINAL).when(new ReviseRating("S1", YEAR, RevisionCause.CORRECTION, "a-1", null,
                    "fix")), "correction-cites-no-appeal");
        }

        /** A rating that cannot exist is answered as unknown, as its finalisation is, not as one not final yet. */
        @Test
        void aRevisionOfAnUnknownStationOrYearNamesWhatIsUnknown() {
            refused(fixture.givenNoPriorActivity()
                    .when(new ReviseRating("NOPE", YEAR, RevisionCause.CORRECTION, null, null, "fix")), "unknown-station");
            refused(at(CLOSED_AT.plus(Duration.ofDays(2))).givenNoPriorActivity()
                    .when(new ReviseRating("S1", 2019, RevisionCause.CORRECTION, null, null, "fix")), "unknown-cycle");
        }

        @Test
        void aCorrectionRecomputesAndMayLowerTheGradeWithItsReason() {
            fixture.given(FINAL).when(new ReviseRating("S1", YEAR, RevisionCause.CORRECTION, null, Grade.LEVEL_3,
                            "Ordered by the bureau"))
                   .expectEvents(new RatingRevised(YEAR, "S1", 1, RevisionCause.CORRECTION, null, new BigDecimal("93"),
                           false, Grade.LEVEL_2, Grade.LEVEL_3, "Ordered by the bureau"));
        }

        @Test
        void anAppealUpheldAfterTheFinalRatingIsCitedByOneRevision() {
            findings.withdrawn("f-2");
            fixture.given(FINAL, lateAppeal, lateUpheld)
                   .when(new ReviseRating("S1", YEAR, RevisionCause.UPHELD_APPEAL, "a-2", null, "Finding withdrawn"))
                   .expectEvents(new RatingRevised(YEAR, "S1", 1, RevisionCause.UPHELD_APPEAL, "a-2",
                           new BigDecimal("97"), false, Grade.LEVEL_1, Grade.LEVEL_1, "Finding withdrawn"));
            refused(fixture.given(FINAL, lateAppeal, lateUpheld, new RatingRevised(YEAR, "S1", 1,
                            RevisionCause.UPHELD_APPEAL, "a-2", new BigDecimal("97"), false, Grade.LEVEL_1, Grade.LEVEL_1, "x"))
                    .when(new ReviseRating("S1", YEAR, RevisionCause.UPHELD_APPEAL, "a-2", null, "again")),
                    "appeal-already-revised");
        }

        @Test
        void anAppealDecidedBeforeTheFinalRatingIsAlreadyInIt() {
            refused(fixture.given(APPEAL, new AppealUpheld("a-1", YEAR, "S1", List.of("f-1"), List.of(), "ok"), FINAL)
                    .when(new ReviseRating("S1", YEAR, RevisionCause.UPHELD_APPEAL, "a-1", null, "x")),
                    "no-upheld-late-appeal");
        }
    }
}
