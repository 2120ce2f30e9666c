package org.stationledger.command.inspection;

import static org.stationledger.command.RuleViolations.refused;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stationledger.command.assessment.Cycles;
import org.stationledger.command.assessment.InMemoryCycles;
import org.stationledger.command.inspection.InspectionCommands.RecordFinding;
import org.stationledger.command.inspection.InspectionCommands.WithdrawFinding;
import org.stationledger.command.station.InMemoryRegistry;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.inspection.PlanItemKind;
import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionApproved;
import org.stationledger.events.inspection.ExceptionCategory;
import org.stationledger.events.inspection.ExceptionRequested;
import org.stationledger.events.inspection.FindingRecorded;
import org.stationledger.events.inspection.FindingWithdrawn;
import org.stationledger.events.inspection.InspectionAuthorised;
import org.stationledger.events.inspection.InspectionBlocked;

/**
 * Findings: only the inspecting department, only in an authorised inspection, only on its own indicators (in a
 * planned inspection, those its plan item covers), within the indicator's points, while the cycle is open, and never observed after the moment they are recorded.
 */
class FindingFixtureTest {

    private static final int YEAR = 2025;
    private static final String INSPECTION = "insp-1";
    private static final Instant NOW = Instant.parse("2025-06-01T08:00:00Z");
    private static final Instant OBSERVED = Instant.parse("2025-03-15T10:00:00Z");
    private static final InspectionAuthorised AUTHORISED = new InspectionAuthorised(INSPECTION, YEAR, "S1", "D1",
            LocalDate.of(2025, 3, 15), "P1", "2025-S1-1");
    private static final FindingRecorded RECORDED = new FindingRecorded("f-1", INSPECTION, YEAR, "S1", "D1", "CASES",
            new BigDecimal("3"), "Files incomplete", "photo-1", OBSERVED);

    /**
     * The item the inspection was authorised under covers two of D1's three indicators; D1's thematic item P2, which
     * overlaps it at S1 (one visit), covers the third; its item P3 visits S1 at another time and covers the fourth.
     */
    private static final Plans PLANS = new InMemoryPlans()
            .item("P1", YEAR, "D1", PlanItemKind.COMPREHENSIVE, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31),
                    Plans.ItemStatus.APPROVED, "S1")
            .item("P2", YEAR, "D1", PlanItemKind.THEMATIC, LocalDate.of(2025, 3, 10), LocalDate.of(2025, 4, 10),
                    Plans.ItemStatus.APPROVED, "S1")
            .item("P3", YEAR, "D1", PlanItemKind.THEMATIC, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30),
                    Plans.ItemStatus.APPROVED, "S1")
            .visit("2025-S1-1", YEAR, "S1", LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 31), "P1", "P2")
            .visit("2025-S1-2", YEAR, "S1", LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30), "P3")
            .covering("P1", "CASES", "DISCIPLINE").covering("P2", "PATROL").covering("P3", "TRAINING");

    private AggregateTestFixture<Inspection> fixture;
    private InMemoryCycles cycles;
    private InMemoryFindings findings;
    private InMemoryRegistry registry;

    @BeforeEach
    void setUp() {
        cycles = new InMemoryCycles().open(YEAR)
                .indicator(YEAR, "CASES", "D1", 40, IndicatorKind.SCORED)
                .indicator(YEAR, "DISCIPLINE", "D1", 0, IndicatorKind.VETO)
                .indicator(YEAR, "PATROL", "D1", 20, IndicatorKind.SCORED)
                .indicator(YEAR, "TRAINING", "D1", 10, IndicatorKind.SCORED)
                .indicator(YEAR, "COMMUNITY", "D2", 60, IndicatorKind.SCORED);
        findings = new InMemoryFindings().finding("f-1", INSPECTION, YEAR, "S1", "D1", "CASES", "3");
        fixture = new AggregateTestFixture<>(Inspection.class);
        fixture.registerInjectableResource(cycles);
        fixture.registerInjectableResource(PLANS);
        registry = new InMemoryRegistry().department("D1", "D2").station("S1");
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerAnnotatedCommandHandler(new FindingWithdrawalHandler(fixture.getRepository(), findings, cycles));
    }

    private static RecordFinding record(String department, String indicator, String deduction, Instant observedAt) {
        return new RecordFinding(INSPECTION, "f-2", department, indicator, new BigDecimal(deduction), "note", "ref",
                observedAt);
    }

    @Test
    void theInspectingDepartmentRecordsADeductionOnItsOwnIndicator() {
        fixture.given(AUTHORISED).when(record("D1", "CASES", "2.5", OBSERVED))
               .expectEvents(new FindingRecorded("f-2", INSPECTION, YEAR, "S1", "D1", "CASES", new BigDecimal("2.5"),
                       "note", "ref", OBSERVED));
    }

    /** An emergency inspection may come before the scheme is published; its findings wait for the scheme. */
    @Test
    void noFindingIsRecordedBeforeTheSchemeIsPublished() {
        cycles.put(new Cycles.CycleFacts(YEAR, Cycles.Status.OPEN, InMemoryCycles.VISIT_CAP,
                InMemoryCycles.COMMENT_WINDOW_DAYS, GradeBands.DEFAULT, false, false, null));
        refused(fixture.given(AUTHORISED).when(record("D1", "CASES", "2", OBSERVED)), "scheme-not-published");
    }

    /** A decommissioned station is not rated for a year that has not closed: nothing more counts against it. */
    @Test
    void nothingIsRecordedAgainstADecommissionedStation() {
        registry.decommissioned("S1");
        refused(fixture.given(AUTHORISED).when(record("D1", "CASES", "2", OBSERVED)), "station-decommissioned")
                .expectExceptionMessage("Station S1 is decommissioned; nothing more is recorded against it.");
    }

    @Test
    void aDeductionMayTakeAllOfTheIndicatorsPointsButNoMore() {
        fixture.given(AUTHORISED).when(record("D1", "CASES", "40", OBSERVED)).expectSuccessfulHandlerExecution();
        refused(fixture.given(AUTHORISED).when(record("D1", "CASES", "40.01", OBSERVED)), "deduction-out-of-range");
        refused(fixture.given(AUTHORISED).when(record("D1", "CASES", "-1", OBSERVED)), "deduction-out-of-range");
    }

    @Test
    void aFindingOnAVetoIndicatorCarriesNoDeduction() {
        fixture.given(AUTHORISED).when(record("D1", "DISCIPLINE", "0", OBSERVED)).expectSuccessfulHandlerExecution();
        refused(fixture.given(AUTHORISED).when(record("D1", "DISCIPLINE", "1", OBSERVED)), "deduction-out-of-range");
    }

    @Test
    void anotherDepartmentCannotRecordInThisInspection() {
        refused(fixture.given(AUTHORISED).when(record("D2", "COMMUNITY", "1", OBSERVED)), "not-inspection-owner");
    }

    @Test
    void onlyTheIndicatorsOwnerRecordsAgainstIt() {
        refused(fixture.given(AUTHORISED).when(record("D1", "COMMUNITY", "1", OBSERVED)), "not-indicator-owner");
        refused(fixture.given(AUTHORISED).when(record("D1", "NO-SUCH", "1", OBSERVED)), "unknown-indicator");
    }

    @Test
    void aPlannedInspectionAssessesOnlyTheIndicatorsItsDepartmentsItemsInTheVisitCover() {
        refused(fixture.given(AUTHORISED).when(record("D1", "TRAINING", "1", OBSERVED)), "indicator-not-in-item")
                .expectExceptionMessage("Plan item P1 does not cover TRAINING; a finding in this inspection concerns an "
                                        + "indicator that the item, or another item of your department sharing its "
                                        + "visit, covers.");
    }

    /** P1 and P2 merged into one visit, which D1 inspects once: that inspection assesses what either covers. */
    @Test
    void anotherItemOfTheDepartmentSharingTheVisitLetsItsIndicatorsBeAssessed() {
        fixture.given(AUTHORISED).when(record("D1", "PATROL", "1", OBSERVED))
               .expectEvents(new FindingRecorded("f-2", INSPECTION, YEAR, "S1", "D1", "PATROL", BigDecimal.ONE, "note",
                       "ref", OBSERVED));
    }

    @Test
    void anApprovedExceptionAssessesAnyOfTheDepartmentsIndicators() {
        var requested = new ExceptionRequested(INSPECTION, YEAR, "S1", "D1", LocalDate.of(2025, 3, 15),
                ExceptionCategory.MAJOR_INCIDENT, "robbery");
        fixture.given(requested, new ExceptionApproved(INSPECTION, YEAR, "S1", "D1", "confirmed"))
               .when(record("D1", "TRAINING", "1", OBSERVED))
               .expectEvents(new FindingRecorded("f-2", INSPECTION, YEAR, "S1", "D1", "TRAINING", BigDecimal.ONE, "note",
                       "ref", OBSERVED));
    }

    @Test
    void nothingIsRecordedAgainstABlockedOrPendingInspection() {
        var blocked = new InspectionBlocked(INSPECTION, YEAR, "S1", "D1", LocalDate.of(2025, 3, 15), null, null,
                BlockReason.NOT_IN_PLAN, "no plan");
        refused(fixture.given(blocked).when(record("D1", "CASES", "1", OBSERVED)), "inspection-not-authorised");
        var pending = new ExceptionRequested(INSPECTION, YEAR, "S1", "D1", LocalDate.of(2025, 3, 15),
                ExceptionCategory.MAJOR_INCIDENT, "robbery");
        refused(fixture.given(pending).when(record("D1", "CASES", "1", OBSERVED)), "inspection-not-authorised");
    }

    @Test
    void aFindingCannotHaveBeenObservedAfterItIsRecorded() {
        fixture.given(AUTHORISED).when(record("D1", "CASES", "1", NOW)).expectSuccessfulHandlerExecution();
        refused(fixture.given(AUTHORISED).when(record("D1", "CASES", "1", NOW.plusSeconds(1))), "observed-in-future");
    }

    /**
     * A finding is observed during its inspection (15 March): not before that day has begun in any time zone, so a
     * visit still to come records nothing, and an observation early on the 15th in China (UTC+8) is taken.
     */
    @Test
    void aFindingCannotHaveBeenObservedBeforeItsInspectionsDay() {
        refused(fixture.given(AUTHORISED).when(record("D1", "CASES", "1", Instant.parse("2025-03-01T10:00:00Z"))),
                "observed-before-inspection");
        refused(fixture.given(AUTHORISED).when(record("D1", "CASES", "1", Instant.parse("2025-03-14T09:59:59Z"))),
                "observed-before-inspection");
        fixture.given(AUTHORISED).when(record("D1", "CASES", "1", Instant.parse("2025-03-14T17:30:00Z")))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void observedAtIsJudgedAtTheMillisecondTheLedgerKeepsOfTheRecordingTime() {
        Instant recordedAt = Instant.parse("2025-06-01T08:00:00.000950Z");
        var preciseClock = new AggregateTestFixture<>(Inspection.class);
        preciseClock.registerInjectableResource(cycles);
        preciseClock.registerInjectableResource(PLANS);
        preciseClock.registerInjectableResource(registry);
        preciseClock.registerInjectableResource(Clock.fixed(recordedAt, ZoneOffset.UTC));
        // Stored as 08:00:00.000, the recording time would show before an observation at 08:00:00.000900.
        refused(preciseClock.given(AUTHORISED).when(record("D1", "CASES", "1", recordedAt.minusNanos(50_000))),
                "observed-in-future");
        preciseClock.given(AUTHORISED).when(record("D1", "CASES", "1", Instant.parse("2025-06-01T08:00:00Z")))
                    .expectSuccessfulHandlerExecution();
    }

    @Test
    void nothingIsRecordedOnceTheCycleIsClosed() {
        cycles.closed(YEAR);
        refused(fixture.given(AUTHORISED).when(record("D1", "CASES", "1", OBSERVED)), "cycle-closed");
    }

    @Test
    void theRecordingDepartmentWithdrawsItsFindingWithAReasonOnce() {
        fixture.given(AUTHORISED, RECORDED).when(new WithdrawFinding("f-1", "D1", "Signed after all"))
               .expectEvents(new FindingWithdrawn("f-1", INSPECTION, YEAR, "S1", "D1", "Signed after all"));
        refused(fixture.given(AUTHORISED, RECORDED, new FindingWithdrawn("f-1", INSPECTION, YEAR, "S1", "D1", "x"))
                .when(new WithdrawFinding("f-1", "D1", "again")), "finding-withdrawn");
    }

    @Test
    void nobodyElseWithdrawsIt() {
        refused(fixture.given(AUTHORISED, RECORDED).when(new WithdrawFinding("f-1", "D2", "not ours")), "not-finding-owner");
        refused(fixture.given(AUTHORISED, RECORDED).when(new WithdrawFinding("f-404", "D1", "?")), "unknown-finding");
    }

    @Test
    void afterTheCycleClosesOnlyAnAppealChangesAFinding() {
        cycles.closed(YEAR);
        refused(fixture.given(AUTHORISED, RECORDED).when(new WithdrawFinding("f-1", "D1", "late")), "cycle-closed");
    }
}
