package org.stationledger.command.inspection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.stationledger.command.AggregateIds;
import org.stationledger.command.assessment.Cycles;
import org.stationledger.events.RuleViolation;

/**
 * Approves the year's plan, or a late item, in one unit of work: the items' decisions, the visits they merge into
 * and the plan's approval are stored together or not at all. The visit cap is checked on the whole merge before
 * anything is applied.
 */
@Component
class PlanApprovalHandler {

    private final Repository<PlanItem> planItems;
    private final Repository<JointVisit> visits;
    private final Repository<YearPlan> yearPlans;
    private final Cycles cycles;
    private final Plans plans;

    PlanApprovalHandler(@Qualifier("planItemRepository") Repository<PlanItem> planItems,
                        @Qualifier("jointVisitRepository") Repository<JointVisit> visits,
                        @Qualifier("yearPlanRepository") Repository<YearPlan> yearPlans,
                        Cycles cycles, Plans plans) {
        this.planItems = planItems;
        this.visits = visits;
        this.yearPlans = yearPlans;
        this.cycles = cycles;
        this.plans = plans;
    }

    @CommandHandler
    PlanCommands.PlanDecision handle(PlanCommands.ApprovePlan command) throws Exception {
        int year = command.year();
        Cycles.CycleFacts cycle = openCycle(year);
        if (!cycle.schemePublished()) {
            throw RuleViolation.conflict("scheme-not-published", "Publish the " + year + " scheme before approving its plan.");
        }
        if (cycle.planApproved()) {
            throw RuleViolation.conflict("plan-already-approved",
                    "The " + year + " plan is approved; approve or reject later items one at a time.");
        }
        List<Plans.PlanItemFacts> proposed = plans.proposedItems(year);
        Map<String, String> rejected = rejections(command.rejected(), proposed, year);
        List<Plans.PlanItemFacts> approved = proposed.stream()
                .filter(item -> !rejected.containsKey(item.planItemId())).toList();
        List<JointVisitPlanner.StationVisits> schedule = schedule(year, approved, cycle.visitCap());

        List<String> approvedIds = approved.stream().map(Plans.PlanItemFacts::planItemId).toList();
        List<PlanCommands.ScheduledVisit> scheduled = toScheduledVisits(schedule);
        yearPlans.newInstance(() -> new YearPlan(year, approvedIds, List.copyOf(rejected.keySet()), scheduled.size()));
        rejected.forEach((planItemId, reason) -> planItem(planItemId).execute(item -> item.reject(reason)));
        approvedIds.forEach(planItemId -> planItem(planItemId).execute(PlanItem::approve));
        record(year, schedule);
        return new PlanCommands.PlanDecision(year, approvedIds, List.copyOf(rejected.keySet()), scheduled);
    }

    @CommandHandler
    PlanCommands.PlanDecision handle(PlanCommands.ApprovePlanItem command) throws Exception {
        int year = command.year();
        Cycles.CycleFacts cycle = openCycle(year);
        if (!cycle.planApproved()) {
            throw RuleViolation.conflict("plan-not-approved",
                    "Items are approved one at a time only after the " + year + " plan is approved.");
        }
        Plans.PlanItemFacts item = plans.planItem(command.planItemId()).filter(found -> found.year() == year)
                .orElseThrow(() -> RuleViolation.notFound("unknown-plan-item",
                        "Plan item " + command.planItemId() + " is not in the " + year + " plan."));
        if (item.status() != Plans.ItemStatus.PROPOSED) {
            // Before scheduling: a decided item is answered as such, not with what its visits would do.
            throw RuleViolation.conflict("plan-item-decided", "Plan item " + item.planItemId() + " is already "
                    + item.status() + ".");
        }
        List<JointVisitPlanner.StationVisits> schedule = schedule(year, List.of(item), cycle.visitCap());
        planItem(item.planItemId()).execute(PlanItem::approve);
        record(year, schedule);
        return new PlanCommands.PlanDecision(year, List.of(item.planItemId()), List.of(), toScheduledVisits(schedule));
    }

    private Cycles.CycleFacts openCycle(int year) {
        Cycles.CycleFacts cycle = cycles.cycleToChange(year).orElseThrow(() ->
                RuleViolation.notFound("unknown-cycle", "There is no " + year + " cycle."));
        if (!cycle.isOpen()) {
            throw RuleViolation.conflict("cycle-closed", "The " + year + " cycle is closed.");
        }
        return cycle;
    }

    private static Map<String, String> rejections(List<PlanCommands.Rejection> requested,
                                                  List<Plans.PlanItemFacts> proposed, int year) {
        Set<String> proposedIds = new HashSet<>();
        proposed.forEach(item -> proposedIds.add(item.planItemId()));
        Map<String, String> rejected = new LinkedHashMap<>();
        for (PlanCommands.Rejection rejection : requested) {
            if (!proposedIds.contains(rejection.planItemId())) {
                throw RuleViolation.unprocessable("unknown-plan-item",
                        "Plan item " + rejection.planItemId() + " is not a proposed item of the " + year + " plan.");
            }
            if (rejected.put(rejection.planItemId(), rejection.reason()) != null) {
                throw RuleViolation.invalid("duplicate-plan-item", "Plan item " + rejection.planItemId() + " is rejected twice.");
            }
        }
        return rejected;
    }

    /** Every station's visits once {@code items} are merged in; refused whole if any station would pass the cap. */
    private List<JointVisitPlanner.StationVisits> schedule(int year, List<Plans.PlanItemFacts> items, int visitCap) {
        Map<JointVisitPlanner.ItemWindow, List<String>> stationsOfItem = new LinkedHashMap<>();
        for (Plans.PlanItemFacts item : items) {
            stationsOfItem.put(new JointVisitPlanner.ItemWindow(item.planItemId(), item.departmentId(),
                    new JointVisitPlanner.Window(item.from(), item.to())), plans.activeStationsOf(item.planItemId()));
        }
        Map<String, List<JointVisitPlanner.ItemWindow>> byStation = JointVisitPlanner.byStation(stationsOfItem);
        Map<String, List<Plans.VisitFacts>> existing = plans.visitsOf(year, byStation.keySet());
        Map<String, Set<String>> usedBy = plans.departmentsThatUsed(existing.values().stream().flatMap(List::stream)
                .map(Plans.VisitFacts::visitId).toList());
        List<JointVisitPlanner.StationVisits> schedule = new ArrayList<>();
        List<String> overCap = new ArrayList<>();
        byStation.forEach((stationId, stationItems) -> {
            List<JointVisitPlanner.ExistingVisit> existingVisits = existing.getOrDefault(stationId, List.of()).stream()
                    .map(visit -> new JointVisitPlanner.ExistingVisit(visit.visitId(),
                            new JointVisitPlanner.Window(visit.from(), visit.to()),
                            usedBy.getOrDefault(visit.visitId(), Set.of())))
                    .toList();
            JointVisitPlanner.StationVisits planned = JointVisitPlanner.plan(year, stationId, existingVisits, stationItems);
            if (planned.visits().size() > visitCap) {
                overCap.add(stationId + " (" + planned.visits().size() + " visits)");
            }
            schedule.add(planned);
        });
        if (!overCap.isEmpty()) {
            throw RuleViolation.unprocessable("visit-cap-exceeded", "The visit cap is " + visitCap
                    + " a station a year; approving this would exceed it at " + String.join(", ", overCap) + ".");
        }
        return schedule;
    }

    private void record(int year, List<JointVisitPlanner.StationVisits> schedule) throws Exception {
        for (JointVisitPlanner.StationVisits station : schedule) {
            for (JointVisitPlanner.Visit visit : station.changed()) {
                if (visit.existing()) {
                    var joinedVisit = visits.load(AggregateIds.visit(visit.visitId()));
                    visit.addedItems().forEach(item -> joinedVisit.execute(v -> v.join(item, visit.window())));
                } else {
                    visits.newInstance(() -> new JointVisit(year, station.stationId(), visit));
                }
            }
        }
    }

    private static List<PlanCommands.ScheduledVisit> toScheduledVisits(List<JointVisitPlanner.StationVisits> schedule) {
        return schedule.stream().flatMap(station -> station.changed().stream()
                .map(visit -> new PlanCommands.ScheduledVisit(visit.visitId(), station.stationId(), visit.window().from(),
                        visit.window().to(), visit.planItemIds(), visit.departmentIds(), visit.existing())))
                .toList();
    }

    private org.axonframework.modelling.command.Aggregate<PlanItem> planItem(String planItemId) {
        return planItems.load(AggregateIds.planItem(planItemId));
    }
}
