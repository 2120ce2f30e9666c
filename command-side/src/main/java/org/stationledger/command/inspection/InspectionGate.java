package org.stationledger.command.inspection;

import java.time.LocalDate;
import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionCategory;

/**
 * The rule of the 10 measures that departments may not inspect stations on their own: a request passes only as
 * an approved plan item's visit, or as an exception on stated grounds that the coordinator then decides. Pure, so
 * every reason code is tested on its own; {@link InspectionRequestHandler} gathers the facts.
 */
final class InspectionGate {

    private InspectionGate() {
    }

    record Request(String stationId, String departmentId, LocalDate date, String planItemId,
                   InspectionCommands.ExceptionClaim exception) {
        boolean isException() {
            return exception != null;
        }

        String exceptionCategory() {
            return exception == null ? null : exception.category();
        }
    }

    /**
     * What the ledger knows that bears on a request: whether the date's cycle is open, the cited item (or null),
     * whether the station is in it, the visit it gives the station (or null), and whether this department has
     * used that visit already.
     */
    record Facts(boolean cycleOpen, Plans.PlanItemFacts planItem, boolean stationInItem, Plans.VisitFacts visit,
                 boolean visitUsedByDepartment) {
    }

    sealed interface Decision permits Authorised, PendingException, Blocked {
    }

    record Authorised(String planItemId, String visitId) implements Decision {
    }

    record PendingException(ExceptionCategory category, String justification) implements Decision {
    }

    record Blocked(BlockReason reason, String explanation) implements Decision {
    }

    static Decision decide(Request request, Facts facts) {
        if (!facts.cycleOpen()) {
            return new Blocked(BlockReason.CYCLE_NOT_OPEN,
                    "No assessment cycle is open for " + request.date().getYear() + ".");
        }
        return request.isException() ? decideException(request) : decidePlanned(request, facts);
    }

    private static Decision decideException(Request request) {
        var category = ExceptionCategory.parse(request.exceptionCategory());
        if (category.isEmpty()) {
            return new Blocked(BlockReason.NO_EXEMPTION_GROUNDS,
                    "An exception needs one of the categories MAJOR_INCIDENT, PUBLIC_COMPLAINT, SAFETY_EMERGENCY, "
                    + "DISCIPLINARY_INVESTIGATION.");
        }
        String justification = request.exception().justification();
        if (justification == null || justification.isBlank()) {
            return new Blocked(BlockReason.NO_EXEMPTION_GROUNDS, "An exception needs a written justification.");
        }
        return new PendingException(category.get(), justification.strip());
    }

    private static Decision decidePlanned(Request request, Facts facts) {
        Plans.PlanItemFacts item = facts.planItem();
        if (item == null || item.status() == Plans.ItemStatus.REJECTED) {
            return new Blocked(BlockReason.NOT_IN_PLAN, request.planItemId() == null
                    ? "The request cites no plan item and claims no exception."
                    : "Plan item " + request.planItemId() + " is not in the approved plan.");
        }
        if (item.year() != request.date().getYear()) {
            return new Blocked(BlockReason.NOT_IN_PLAN, "Plan item " + item.planItemId() + " is in the " + item.year()
                                                        + " plan, not in the plan of " + request.date().getYear() + ".");
        }
        if (item.status() != Plans.ItemStatus.APPROVED) {
            return new Blocked(BlockReason.PLAN_NOT_APPROVED, "Plan item " + item.planItemId() + " is not approved yet.");
        }
        if (!item.departmentId().equals(request.departmentId())) {
            return new Blocked(BlockReason.NOT_ITEM_OWNER, "Plan item " + item.planItemId() + " belongs to another department.");
        }
        if (!facts.stationInItem() || facts.visit() == null) {
            return new Blocked(BlockReason.STATION_NOT_IN_ITEM,
                    "Station " + request.stationId() + " is not in plan item " + item.planItemId() + ".");
        }
        Plans.VisitFacts visit = facts.visit();
        if (request.date().isBefore(visit.from()) || request.date().isAfter(visit.to())) {
            return new Blocked(BlockReason.OUTSIDE_WINDOW,
                    "The visit window is " + visit.from() + " to " + visit.to() + "; " + request.date() + " is outside it.");
        }
        if (facts.visitUsedByDepartment()) {
            return new Blocked(BlockReason.VISIT_ALREADY_USED,
                    "Your department has already used visit " + visit.visitId() + ".");
        }
        return new Authorised(item.planItemId(), visit.visitId());
    }
}
