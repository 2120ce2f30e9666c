package org.stationledger.command.inspection;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.stationledger.command.AggregateIds;
import org.stationledger.events.inspection.PlanItemKind;

/** Commands of the yearly inspection plan. */
public final class PlanCommands {

    private PlanCommands() {
    }

    public record ProposePlanItem(String planItemId, int year, String departmentId, List<String> stationIds,
                                  LocalDate from, LocalDate to, PlanItemKind kind, List<String> indicatorIds) {
    }

    public record Rejection(String planItemId, String reason) {
    }

    /** Approves every proposed item of the year but the rejected ones, merging them into joint visits. */
    public record ApprovePlan(int year, List<Rejection> rejected) {
    }

    /** Approves one item proposed after the plan was approved (the monthly review). */
    public record ApprovePlanItem(int year, String planItemId) {
    }

    public record RejectPlanItem(int year, String planItemId, String reason) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return AggregateIds.planItem(planItemId);
        }
    }

    /** What an approval decided: the items, and each visit it created or joined. */
    public record PlanDecision(int year, List<String> approvedPlanItemIds, List<String> rejectedPlanItemIds,
                               List<ScheduledVisit> jointVisits) {
    }

    public record ScheduledVisit(String visitId, String stationId, LocalDate from, LocalDate to,
                                 List<String> planItemIds, List<String> departmentIds, boolean joined) {
    }
}
