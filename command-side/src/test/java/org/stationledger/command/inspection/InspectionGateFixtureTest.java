package org.stationledger.command.inspection;

import static org.stationledger.command.RuleViolations.refused;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stationledger.command.assessment.InMemoryCycles;
import org.stationledger.command.inspection.InspectionCommands.DecideException;
import org.stationledger.command.inspection.InspectionCommands.ExceptionClaim;
import org.stationledger.command.inspection.InspectionCommands.Outcome;
import org.stationledger.command.inspection.InspectionCommands.RequestInspection;
import org.stationledger.command.inspection.InspectionCommands.Status;
import org.stationledger.command.station.InMemoryRegistry;
import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionApproved;
import org.stationledger.events.inspection.ExceptionCategory;
import org.stationledger.events.inspection.ExceptionRefused;
import org.stationledger.events.inspection.ExceptionRequested;
import org.stationledger.events.inspection.InspectionAuthorised;
import org.stationledger.events.inspection.InspectionBlocked;
import org.stationledger.events.inspection.PlanItemKind;

/**
 * The inspection gate end to end through the command bus: every outcome a department can get when it asks to
 * inspect a station, and the coordinator's decision on exceptions.
 *
 * <p>The world: departments D1 and D2, stations S1, S2 and S3, an open 2025 cycle. D1's approved item P1 (S1,
 * 1–20 March) and D2's approved item P2 (S1, 10 March – 30 April) were merged into the joint visit 2025-S1-1 in
 * their overlap, 10–20 March. D1 also has P3, still proposed, and P4, rejected.
 */
class InspectionGateFixtureTest {

    private static final int YEAR = 2025;
    private static final String ID = "insp-1";
    private static final String VISIT = "2025-S1-1";
    private static final LocalDate VISIT_FROM = LocalDate.of(2025, 3, 10);
    private static final LocalDate VISIT_TO = LocalDate.of(2025, 3, 20);
    private static final LocalDate IN_WINDOW = LocalDate.of(2025, 3, 15);

    private AggregateTestFixture<Inspection> fixture;
    private InMemoryRegistry registry;
    private InMemoryCycles cycles;
    private InMemoryPlans plans;

    @BeforeEach
    void setUp() {
        registry = new InMemoryRegistry().department("D1", "D2").station("S1", "S2", "S3");
        cycles = new InMemoryCycles().open(YEAR);
        plans = new InMemoryPlans()
                .item("P1", YEAR, "D1", PlanItemKind.THEMATIC, LocalDate.of(2025, 3, 1), VISIT_TO,
                        Plans.ItemStatus.APPROVED, "S1")
                .item("P2", YEAR, "D2", PlanItemKind.COMPREHENSIVE, VISIT_FROM, LocalDate.of(2025, 4, 30),
                        Plans.ItemStatus.APPROVED, "S1")
                .item("P3", YEAR, "D1", PlanItemKind.COMPREHENSIVE, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30),
                        Plans.ItemStatus.PROPOSED, "S1")
                .item("P4", YEAR, "D1", PlanItemKind.THEMATIC, LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 31),
                        Plans.ItemStatus.REJECTED, "S1")
                .visit(VISIT, YEAR, "S1", VISIT_FROM, VISIT_TO, "P1", "P2");
        fixture = new AggregateTestFixture<>(Inspection.class);
        fixture.registerInjectableResource(cycles);
        fixture.registerInjectableResource(registry);
        fixture.registerAnnotatedCommandHandler(new InspectionRequestHandler(fixture.getRepository(), registry, cycles, plans));
    }

    private static RequestInspection planned(String stationId, String departmentId, LocalDate date, String planItemId) {
        return new RequestInspection(ID, stationId, departmentId, date, planItemId, null);
    }

    private static RequestInspection exception(String category, String justification) {
        return new RequestInspection(ID, "S1", "D1", IN_WINDOW, null, new ExceptionClaim(category, justification));
    }

    /** The request was recorded as blocked with exactly this event, and the department was told why. */
    private void expectBlocked(RequestInspection command, InspectionBlocked blocked) {
        fixture.givenNoPriorActivity()
               .when(command)
               .expectSuccessfulHandlerExecution()
               .expectEvents(blocked)
               .expectResultMessagePayload(new Outcome(ID, Status.BLOCKED, null, blocked.reasonCode().name(),
                       blocked.explanation()));
    }

    @Nested
    @DisplayName("a planned visit")
    class Planned {

        @Test
        void is_authorised_inside_its_joint_visit_window_and_uses_that_visit() {
            fixture.givenNoPriorActivity()
                   .when(planned("S1", "D1", IN_WINDOW, "P1"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new InspectionAuthorised(ID, YEAR, "S1", "D1", IN_WINDOW, "P1", VISIT))
                   .expectResultMessagePayload(new Outcome(ID, Status.AUTHORISED, VISIT, null, null));
        }

        @ParameterizedTest(name = "on {0}")
        @ValueSource(strings = {"2025-03-10", "2025-03-20"})
        void is_authorised_on_the_first_and_last_day_of_the_window(String day) {
            LocalDate date = LocalDate.parse(day);
            fixture.givenNoPriorActivity()
                   .when(planned("S1", "D1", date, "P1"))
                   .expectEvents(new InspectionAuthorised(ID, YEAR, "S1", "D1", date, "P1", VISIT))
                   .expectResultMessagePayload(new Outcome(ID, Status.AUTHORISED, VISIT, null, null));
        }

        @Test
        void is_authorised_when_only_another_department_has_used_the_joint_visit() {
            plans.used(VISIT, "D2");
            fixture.givenNoPriorActivity()
                   .when(planned("S1", "D1", IN_WINDOW, "P1"))
                   .expectEvents(new InspectionAuthorised(ID, YEAR, "S1", "D1", IN_WINDOW, "P1", VISIT));
        }

        @Test
        void citing_no_plan_item_and_no_exception_is_not_in_plan() {
            expectBlocked(planned("S1", "D1", IN_WINDOW, null),
                    new InspectionBlocked(ID, YEAR, "S1", "D1", IN_WINDOW, null, null, BlockReason.NOT_IN_PLAN,
                            "The request cites no plan item and claims no exception."));
        }

        @Test
        void citing_an_unknown_plan_item_is_not_in_plan() {
            expectBlocked(planned("S1", "D1", IN_WINDOW, "P404"),
                    new InspectionBlocked(ID, YEAR, "S1", "D1", IN_WINDOW, "P404", null, BlockReason.NOT_IN_PLAN,
                            "Plan item P404 is not in the approved plan."));
        }

        /** The item is not in that year's plan, whatever its window: the year's statistics count it so. */
        @Test
        void citing_an_item_of_another_years_plan_is_not_in_plan() {
            cycles.open(2026);
            LocalDate nextYear = IN_WINDOW.plusYears(1);
            expectBlocked(planned("S1", "D1", nextYear, "P1"),
                    new InspectionBlocked(ID, 2026, "S1", "D1", nextYear, "P1", null, BlockReason.NOT_IN_PLAN,
                            "Plan item P1 is in the 2025 plan, not in the plan of 2026."));
        }

        @Test
        void citing_a_rejected_plan_item_is_not_in_plan() {
            LocalDate date = LocalDate.of(2025, 7, 10);
            expectBlocked(planned("S1", "D1", date, "P4"),
                    new InspectionBlocked(ID, YEAR, "S1", "D1", date, "P4", null, BlockReason.NOT_IN_PLAN,
                            "Plan item P4 is not in the approved plan."));
        }

        @Test
        void citing_an_item_not_yet_approved_is_plan_not_approved() {
            LocalDate date = LocalDate.of(2025, 6, 10);
            expectBlocked(planned("S1", "D1", date, "P3"),
                    new InspectionBlocked(ID, YEAR, "S1", "D1", date, "P3", null, BlockReason.PLAN_NOT_APPROVED,
                            "Plan item P3 is not approved yet."));
        }

        @Test
        void citing_another_departments_item_is_not_item_owner() {
            // D2 has a share of the same joint visit through P2, but may not cite D1's item.
            expectBlocked(planned("S1", "D2", IN_WINDOW, "P1"),
                    new InspectionBlocked(ID, YEAR, "S1", "D2", IN_WINDOW, "P1", null, BlockReason.NOT_ITEM_OWNER,
                            "Plan item P1 belongs to another department."));
        }

        @Test
        void a_station_the_item_does_not_name_is_station_not_in_item() {
            expectBlocked(planned("S3", "D1", IN_WINDOW, "P1"),
                    new InspectionBlocked(ID, YEAR, "S3", "D1", IN_WINDOW, "P1", null, BlockReason.STATION_NOT_IN_ITEM,
                            "Station S3 is not in plan item P1."));
        }

        @Test
        void the_day_before_the_joint_window_is_outside_window_even_inside_the_items_own_window() {
            LocalDate date = VISIT_FROM.minusDays(1);
            expectBlocked(planned("S1", "D1", date, "P1"),
                    new InspectionBlocked(ID, YEAR, "S1", "D1", date, "P1", null, BlockReason.OUTSIDE_WINDOW,
                            "The visit window is 2025-03-10 to 2025-03-20; 2025-03-09 is outside it."));
        }

        @Test
        void the_day_after_the_window_is_outside_window() {
            LocalDate date = VISIT_TO.plusDays(1);
            expectBlocked(planned("S1", "D1", date, "P1"),
                    new InspectionBlocked(ID, YEAR, "S1", "D1", date, "P1", null, BlockReason.OUTSIDE_WINDOW,
                            "The visit window is 2025-03-10 to 2025-03-20; 2025-03-21 is outside it."));
        }

        @Test
        void a_second_request_on_a_visit_the_department_used_is_visit_already_used() {
            plans.used(VISIT, "D1");
            expectBlocked(planned("S1", "D1", IN_WINDOW, "P1"),
                    new InspectionBlocked(ID, YEAR, "S1", "D1", IN_WINDOW, "P1", null, BlockReason.VISIT_ALREADY_USED,
                            "Your department has already used visit 2025-S1-1."));
        }

        @Test
        void a_year_without_a_cycle_is_cycle_not_open() {
            LocalDate date = LocalDate.of(2026, 3, 15);
            expectBlocked(planned("S1", "D1", date, "P1"),
                    new InspectionBlocked(ID, 2026, "S1", "D1", date, "P1", null, BlockReason.CYCLE_NOT_OPEN,
                            "No assessment cycle is open for 2026."));
        }

        @Test
        void a_closed_cycle_is_cycle_not_open() {
            cycles.closed(YEAR);
            expectBlocked(planned("S1", "D1", IN_WINDOW, "P1"),
                    new InspectionBlocked(ID, YEAR, "S1", "D1", IN_WINDOW, "P1", null, BlockReason.CYCLE_NOT_OPEN,
                            "No assessment cycle is open for 2025."));
        }
    }

    @Nested
    @DisplayName("an exception")
    class Exceptions {

        @Test
        void with_a_category_and_justification_awaits_the_coordinator() {
            fixture.givenNoPriorActivity()
                   .when(exception("MAJOR_INCIDENT", "  Armed robbery in the precinct on 14 March.  "))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ExceptionRequested(ID, YEAR, "S1", "D1", IN_WINDOW, ExceptionCategory.MAJOR_INCIDENT,
                           "Armed robbery in the precinct on 14 March."))
                   .expectResultMessagePayload(new Outcome(ID, Status.PENDING_EXCEPTION, null, null, null));
        }

        @Test
        void with_an_unknown_category_has_no_exemption_grounds() {
            expectBlocked(exception("ROUTINE_CHECK", "We would like to look around."),
                    new InspectionBlocked(ID, YEAR, "S1", "D1", IN_WINDOW, null, "ROUTINE_CHECK",
                            BlockReason.NO_EXEMPTION_GROUNDS,
                            "An exception needs one of the categories MAJOR_INCIDENT, PUBLIC_COMPLAINT, SAFETY_EMERGENCY, "
                            + "DISCIPLINARY_INVESTIGATION."));
        }

        @Test
        void with_a_blank_justification_has_no_exemption_grounds() {
            expectBlocked(exception("PUBLIC_COMPLAINT", "   "),
                    new InspectionBlocked(ID, YEAR, "S1", "D1", IN_WINDOW, null, "PUBLIC_COMPLAINT",
                            BlockReason.NO_EXEMPTION_GROUNDS, "An exception needs a written justification."));
        }

        @Test
        void in_a_closed_cycle_is_cycle_not_open() {
            cycles.closed(YEAR);
            expectBlocked(exception("SAFETY_EMERGENCY", "Gas leak reported next to the holding cells."),
                    new InspectionBlocked(ID, YEAR, "S1", "D1", IN_WINDOW, null, "SAFETY_EMERGENCY",
                            BlockReason.CYCLE_NOT_OPEN, "No assessment cycle is open for 2025."));
        }

        @Test
        void approved_by_the_coordinator_is_authorised() {
            fixture.given(requested())
                   .when(new DecideException(ID, true, "Incident confirmed by the duty log."))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ExceptionApproved(ID, YEAR, "S1", "D1", "Incident confirmed by the duty log."));
        }

        @Test
        void refused_by_the_coordinator_is_exception_refused() {
            fixture.given(requested())
                   .when(new DecideException(ID, false, "No incident on record."))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ExceptionRefused(ID, YEAR, "S1", "D1", "No incident on record."));
        }

        @Test
        void pending_when_the_cycle_closes_can_only_be_refused() {
            cycles.closed(YEAR);
            refused(fixture.given(requested()).when(new DecideException(ID, true, "Incident confirmed.")),
                    "cycle-closed")
                    .expectExceptionMessage("The 2025 cycle is closed; an exception still pending can only be refused "
                                            + "now.");
            fixture.given(requested())
                   .when(new DecideException(ID, false, "Too late to inspect for 2025."))
                   .expectEvents(new ExceptionRefused(ID, YEAR, "S1", "D1", "Too late to inspect for 2025."));
        }

        @Test
        void pending_when_the_station_is_decommissioned_can_only_be_refused() {
            registry.decommissioned("S1");
            refused(fixture.given(requested()).when(new DecideException(ID, true, "Incident confirmed.")),
                    "station-decommissioned")
                    .expectExceptionMessage("Station S1 is decommissioned; an exception still pending for it can "
                                            + "only be refused now.");
            fixture.given(requested())
                   .when(new DecideException(ID, false, "The station is closed."))
                   .expectEvents(new ExceptionRefused(ID, YEAR, "S1", "D1", "The station is closed."));
        }

        @Test
        void cannot_be_decided_twice() {
            refused(fixture.given(requested(), new ExceptionApproved(ID, YEAR, "S1", "D1", "Confirmed."))
                           .when(new DecideException(ID, false, "Changed my mind.")),
                    "not-pending-exception")
                    .expectExceptionMessage("Inspection insp-1 is AUTHORISED, not an exception awaiting a decision.");
        }

        @Test
        void cannot_be_approved_after_it_was_refused() {
            refused(fixture.given(requested(), new ExceptionRefused(ID, YEAR, "S1", "D1", "No incident on record."))
                           .when(new DecideException(ID, true, "Approve after all.")),
                    "not-pending-exception");
        }

        @Test
        void cannot_be_decided_on_a_blocked_planned_request() {
            refused(fixture.given(new InspectionBlocked(ID, YEAR, "S1", "D1", IN_WINDOW, "P404", null,
                                   BlockReason.NOT_IN_PLAN, "Plan item P404 is not in the approved plan."))
                           .when(new DecideException(ID, true, "Let them in.")),
                    "not-pending-exception");
        }

        private ExceptionRequested requested() {
            return new ExceptionRequested(ID, YEAR, "S1", "D1", IN_WINDOW, ExceptionCategory.MAJOR_INCIDENT,
                    "Armed robbery in the precinct on 14 March.");
        }
    }

    @Nested
    @DisplayName("a request nobody can be recorded against")
    class Unrecordable {

        @Test
        void naming_an_unknown_station_is_refused_and_not_recorded() {
            refused(fixture.givenNoPriorActivity().when(planned("S404", "D1", IN_WINDOW, "P1")), "unknown-station");
        }

        @Test
        void naming_a_decommissioned_station_is_refused_and_not_recorded_even_as_an_exception() {
            registry.decommissioned("S3");
            refused(fixture.givenNoPriorActivity().when(new RequestInspection(ID, "S3", "D1", IN_WINDOW, null,
                    new ExceptionClaim("MAJOR_INCIDENT", "Fire in the old building"))), "unknown-station");
        }

        @Test
        void naming_an_unknown_department_is_refused_and_not_recorded() {
            refused(fixture.givenNoPriorActivity().when(planned("S1", "D404", IN_WINDOW, "P1")), "unknown-department");
        }
    }
}
