package org.stationledger.command.inspection;

import static org.stationledger.command.RuleViolations.refused;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stationledger.command.assessment.InMemoryCycles;
import org.stationledger.command.inspection.PlanCommands.ProposePlanItem;
import org.stationledger.command.inspection.PlanCommands.RejectPlanItem;
import org.stationledger.command.station.InMemoryRegistry;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.inspection.PlanItemApproved;
import org.stationledger.events.inspection.PlanItemKind;
import org.stationledger.events.inspection.PlanItemProposed;
import org.stationledger.events.inspection.PlanItemRejected;

/** A department proposing a plan item, and the coordinator rejecting one. */
class PlanItemFixtureTest {

    private static final int YEAR = 2025;
    private static final LocalDate FROM = LocalDate.of(2025, 3, 1);
    private static final LocalDate TO = LocalDate.of(2025, 3, 31);

    private AggregateTestFixture<PlanItem> fixture;
    private InMemoryRegistry registry;
    private InMemoryCycles cycles;
    private InMemoryPlans plans;

    @BeforeEach
    void setUp() {
        registry = new InMemoryRegistry().department("D1", "D2").station("S1", "S2").decommissioned("S0");
        cycles = new InMemoryCycles().open(YEAR)
                .indicator(YEAR, "I1", "D1", 20, IndicatorKind.SCORED)
                .indicator(YEAR, "V1", "D1", 0, IndicatorKind.VETO)
                .indicator(YEAR, "I2", "D2", 30, IndicatorKind.SCORED)
                .indicator(2024, "OLD", "D1", 20, IndicatorKind.SCORED);
        plans = new InMemoryPlans();
        fixture = new AggregateTestFixture<>(PlanItem.class);
        fixture.registerInjectableResource(cycles);
        fixture.registerInjectableResource(registry);
        fixture.registerInjectableResource(plans);
        fixture.registerAnnotatedCommandHandler(new PlanItemRejection(fixture.getRepository(), cycles));
    }

    private static ProposePlanItem proposal(String planItemId, PlanItemKind kind) {
        return new ProposePlanItem(planItemId, YEAR, "D1", List.of("S1", "S2"), FROM, TO, kind, List.of("I1", "V1"));
    }

    private static ProposePlanItem withWindow(LocalDate from, LocalDate to) {
        return new ProposePlanItem("P1", YEAR, "D1", List.of("S1"), from, to, PlanItemKind.THEMATIC, List.of("I1"));
    }

    private static PlanItemProposed proposed() {
        return new PlanItemProposed("P1", YEAR, "D1", List.of("S1", "S2"), FROM, TO, PlanItemKind.THEMATIC, List.of("I1", "V1"));
    }

    @Test
    void a_valid_proposal_is_recorded() {
        fixture.givenNoPriorActivity()
               .when(proposal("P1", PlanItemKind.THEMATIC))
               .expectSuccessfulHandlerExecution()
               .expectEvents(proposed());
    }

    @Test
    void a_window_of_one_day_on_the_years_edges_is_inside_the_year() {
        LocalDate newYearsEve = LocalDate.of(2025, 12, 31);
        fixture.givenNoPriorActivity()
               .when(withWindow(LocalDate.of(2025, 1, 1), newYearsEve))
               .expectEvents(new PlanItemProposed("P1", YEAR, "D1", List.of("S1"), LocalDate.of(2025, 1, 1), newYearsEve,
                       PlanItemKind.THEMATIC, List.of("I1")));
    }

    @Test
    void a_window_starting_in_the_previous_year_is_refused() {
        refused(fixture.givenNoPriorActivity().when(withWindow(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 10))),
                "window-outside-year");
    }

    @Test
    void a_window_ending_in_the_next_year_is_refused() {
        refused(fixture.givenNoPriorActivity().when(withWindow(LocalDate.of(2025, 12, 20), LocalDate.of(2026, 1, 1))),
                "window-outside-year");
    }

    @Test
    void a_window_whose_from_is_after_its_to_is_refused() {
        refused(fixture.givenNoPriorActivity().when(withWindow(LocalDate.of(2025, 5, 2), LocalDate.of(2025, 5, 1))),
                "invalid-window");
    }

    @Test
    void an_unknown_station_is_refused() {
        refused(fixture.givenNoPriorActivity().when(new ProposePlanItem("P1", YEAR, "D1", List.of("S1", "S404"), FROM, TO,
                PlanItemKind.THEMATIC, List.of("I1"))), "unknown-station")
                .expectExceptionMessage("Not registered or decommissioned: S404.");
    }

    @Test
    void a_decommissioned_station_is_refused() {
        refused(fixture.givenNoPriorActivity().when(new ProposePlanItem("P1", YEAR, "D1", List.of("S0"), FROM, TO,
                PlanItemKind.THEMATIC, List.of("I1"))), "unknown-station");
    }

    @Test
    void a_station_named_twice_is_refused() {
        refused(fixture.givenNoPriorActivity().when(new ProposePlanItem("P1", YEAR, "D1", List.of("S1", "S1"), FROM, TO,
                PlanItemKind.THEMATIC, List.of("I1"))), "duplicate-station");
    }

    @Test
    void an_unknown_department_is_refused() {
        refused(fixture.givenNoPriorActivity().when(new ProposePlanItem("P1", YEAR, "D404", List.of("S1"), FROM, TO,
                PlanItemKind.THEMATIC, List.of("I1"))), "unknown-department");
    }

    @Test
    void an_indicator_of_another_department_is_refused() {
        refused(fixture.givenNoPriorActivity().when(new ProposePlanItem("P1", YEAR, "D1", List.of("S1"), FROM, TO,
                PlanItemKind.THEMATIC, List.of("I1", "I2"))), "not-indicator-owner");
    }

    @Test
    void an_unknown_indicator_is_refused() {
        refused(fixture.givenNoPriorActivity().when(new ProposePlanItem("P1", YEAR, "D1", List.of("S1"), FROM, TO,
                PlanItemKind.THEMATIC, List.of("I404"))), "unknown-indicator");
    }

    @Test
    void an_indicator_of_another_years_scheme_is_unknown() {
        refused(fixture.givenNoPriorActivity().when(new ProposePlanItem("P1", YEAR, "D1", List.of("S1"), FROM, TO,
                PlanItemKind.THEMATIC, List.of("OLD"))), "unknown-indicator");
    }

    @Test
    void a_second_comprehensive_item_of_the_department_in_the_year_is_refused() {
        plans.item("P0", YEAR, "D1", PlanItemKind.COMPREHENSIVE, FROM, TO, Plans.ItemStatus.APPROVED, "S1");
        refused(fixture.givenNoPriorActivity().when(proposal("P1", PlanItemKind.COMPREHENSIVE)),
                "second-comprehensive-item");
    }

    @Test
    void a_thematic_item_beside_the_departments_comprehensive_item_is_accepted() {
        plans.item("P0", YEAR, "D1", PlanItemKind.COMPREHENSIVE, FROM, TO, Plans.ItemStatus.APPROVED, "S1");
        fixture.givenNoPriorActivity()
               .when(proposal("P1", PlanItemKind.THEMATIC))
               .expectEvents(proposed());
    }

    @Test
    void a_closed_cycle_refuses_proposals() {
        cycles.closed(YEAR);
        refused(fixture.givenNoPriorActivity().when(proposal("P1", PlanItemKind.THEMATIC)), "cycle-closed");
    }

    @Test
    void a_year_without_a_cycle_refuses_proposals() {
        refused(fixture.givenNoPriorActivity().when(new ProposePlanItem("P1", 2030, "D1", List.of("S1"),
                LocalDate.of(2030, 3, 1), LocalDate.of(2030, 3, 31), PlanItemKind.THEMATIC, List.of("I1"))),
                "unknown-cycle");
    }

    @Test
    void a_plan_item_id_already_taken_is_refused() {
        plans.item("P1", YEAR, "D2", PlanItemKind.THEMATIC, FROM, TO, Plans.ItemStatus.PROPOSED, "S2");
        refused(fixture.givenNoPriorActivity().when(proposal("P1", PlanItemKind.THEMATIC)), "duplicate-plan-item");
    }

    @Test
    void the_coordinator_rejects_a_proposed_item_with_a_reason() {
        fixture.given(proposed())
               .when(new RejectPlanItem(YEAR, "P1", "Duplicates the fire brigade's spring check."))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new PlanItemRejected("P1", YEAR, "D1", "Duplicates the fire brigade's spring check."));
    }

    @Test
    void a_closed_cycles_plan_is_not_changed_by_a_rejection() {
        cycles.closed(YEAR);
        refused(fixture.given(proposed()).when(new RejectPlanItem(YEAR, "P1", "Too late.")), "cycle-closed");
    }

    @Test
    void a_rejected_item_cannot_be_rejected_again() {
        refused(fixture.given(proposed(), new PlanItemRejected("P1", YEAR, "D1", "First reason."))
                       .when(new RejectPlanItem(YEAR, "P1", "Second reason.")),
                "plan-item-decided");
    }

    @Test
    void an_approved_item_cannot_be_rejected() {
        refused(fixture.given(proposed(), new PlanItemApproved("P1", YEAR, "D1"))
                       .when(new RejectPlanItem(YEAR, "P1", "Too late.")),
                "plan-item-decided");
    }

    @Test
    void rejecting_an_item_under_the_wrong_year_is_refused() {
        refused(fixture.given(proposed()).when(new RejectPlanItem(2026, "P1", "Wrong year.")), "unknown-plan-item");
    }
}
