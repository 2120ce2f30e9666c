package org.stationledger.command.inspection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.stationledger.command.AggregateIds;

/** Commands of inspections: asking to inspect, and deciding exceptions. */
public final class InspectionCommands {

    private InspectionCommands() {
    }

    /** Cites a plan item, or claims an exception with a category and justification. */
    public record RequestInspection(String inspectionId, String stationId, String departmentId, LocalDate date,
                                    String planItemId, ExceptionClaim exception) {
    }

    /** The grounds a department gives for inspecting outside the plan; checked by the gate, not by the parser. */
    public record ExceptionClaim(String category, String justification) {
    }

    public record DecideException(String inspectionId, boolean approve, String reason) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return AggregateIds.inspection(inspectionId);
        }
    }

    /** Recorded by the department that owns the inspection, against one of its own indicators. */
    public record RecordFinding(String inspectionId, String findingId, String departmentId, String indicatorId,
                                BigDecimal deduction, String note, String evidenceRef, Instant observedAt) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return AggregateIds.inspection(inspectionId);
        }
    }

    /** Routed to the finding's inspection by {@link FindingWithdrawalHandler}. */
    public record WithdrawFinding(String findingId, String departmentId, String reason) {
    }

    public enum Status { AUTHORISED, PENDING_EXCEPTION, BLOCKED }

    /** The gate's answer: recorded in every case, blocked ones included. */
    public record Outcome(String inspectionId, Status status, String visitId, String reasonCode, String explanation) {
    }
}
