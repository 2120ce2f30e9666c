package org.stationledger.command.inspection;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.stationledger.command.AggregateIds;
import org.stationledger.command.assessment.Cycles;
import org.stationledger.command.station.Registry;
import org.stationledger.events.RuleViolation;
import org.stationledger.events.inspection.PlanItemApproved;
import org.stationledger.events.inspection.PlanItemKind;
import org.stationledger.events.inspection.PlanItemProposed;
import org.stationledger.events.inspection.PlanItemRejected;

/**
 * A department's planned inspection of some stations in a window. Once proposed it cannot be split, renamed, moved
 * or widened: there is no command that would. Its station list lives in the event and the look-up tables, not in
 * the aggregate's state, so loading it stays cheap however many stations it names.
 */
@Aggregate
class PlanItem {

    @AggregateIdentifier
    private String id;
    private String planItemId;
    private int year;
    private String departmentId;
    private Plans.ItemStatus status;

    PlanItem() {
        // for Axon
    }

    @CommandHandler
    PlanItem(PlanCommands.ProposePlanItem command, Cycles cycles, Registry registry, Plans plans) {
        var cycle = cycles.cycleToChange(command.year()).orElseThrow(() ->
                RuleViolation.notFound("unknown-cycle", "There is no " + command.year() + " cycle."));
        if (!cycle.isOpen()) {
            throw RuleViolation.conflict("cycle-closed", "The " + command.year() + " cycle is closed.");
        }
        if (!registry.departmentExists(command.departmentId())) {
            throw RuleViolation.unprocessable("unknown-department", "Department " + command.departmentId() + " is not registered.");
        }
        if (plans.planItemExists(command.planItemId())) {
            throw RuleViolation.conflict("duplicate-plan-item", "Plan item " + command.planItemId() + " already exists.");
        }
        checkWindow(command);
        registry.requireActiveStations(command.stationIds());
        checkIndicators(command, cycles);
        if (command.kind() == PlanItemKind.COMPREHENSIVE && plans.hasComprehensiveItem(command.year(), command.departmentId())) {
            throw RuleViolation.conflict("second-comprehensive-item",
                    "A department has at most one COMPREHENSIVE plan item a year.");
        }
        apply(new PlanItemProposed(command.planItemId(), command.year(), command.departmentId(),
                List.copyOf(command.stationIds()), command.from(), command.to(), command.kind(),
                List.copyOf(command.indicatorIds())));
    }

    private static void checkWindow(PlanCommands.ProposePlanItem command) {
        if (command.from().isAfter(command.to())) {
            throw RuleViolation.invalid("invalid-window", "The window's from date is after its to date.");
        }
        if (command.from().getYear() != command.year() || command.to().getYear() != command.year()) {
            throw RuleViolation.unprocessable("window-outside-year",
                    "The window must lie inside " + command.year() + ".");
        }
    }

    private static void checkIndicators(PlanCommands.ProposePlanItem command, Cycles cycles) {
        if (new HashSet<>(command.indicatorIds()).size() != command.indicatorIds().size()) {
            throw RuleViolation.invalid("duplicate-indicator", "An indicator is named twice in the plan item.");
        }
        for (String indicatorId : command.indicatorIds()) {
            var indicator = cycles.indicator(command.year(), indicatorId).orElseThrow(() ->
                    RuleViolation.unprocessable("unknown-indicator",
                            "Indicator " + indicatorId + " is not in the " + command.year() + " scheme."));
            if (!indicator.departmentId().equals(command.departmentId())) {
                throw RuleViolation.forbidden("not-indicator-owner",
                        "Indicator " + indicatorId + " belongs to " + indicator.departmentId() + "; a plan item covers its own department's indicators only.");
            }
        }
    }

    /** The co-ordinator's rejection of this item alone ({@link PlanItemRejection}); {@code cycleOpen}: that year's. */
    void reject(PlanCommands.RejectPlanItem command, boolean cycleOpen) {
        if (command.year() != year) {
            throw RuleViolation.notFound("unknown-plan-item", "Plan item " + planItemId + " is not in the " + command.year() + " plan.");
        }
        if (!cycleOpen) {
            throw RuleViolation.conflict("cycle-closed", "The " + year + " cycle is closed; its plan is as it was.");
        }
        reject(command.reason());
    }

    void approve() {
        requireProposed();
        apply(new PlanItemApproved(planItemId, year, departmentId));
    }

    void reject(String reason) {
        requireProposed();
        apply(new PlanItemRejected(planItemId, year, departmentId, reason));
    }

    private void requireProposed() {
        if (status != Plans.ItemStatus.PROPOSED) {
            throw RuleViolation.conflict("plan-item-decided", "Plan item " + planItemId + " is already " + status + ".");
        }
    }

    @EventSourcingHandler
    void on(PlanItemProposed event) {
        id = AggregateIds.planItem(event.planItemId());
        planItemId = event.planItemId();
        year = event.year();
        departmentId = event.departmentId();
        status = Plans.ItemStatus.PROPOSED;
    }

    @EventSourcingHandler
    void on(PlanItemApproved event) {
        status = Plans.ItemStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(PlanItemRejected event) {
        status = Plans.ItemStatus.REJECTED;
    }
}
