package org.stationledger.command.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.command.AggregateIds;
import org.stationledger.events.Actor;
import org.stationledger.events.inspection.PlanItemKind;

/** Departments propose plan items; the coordinator approves the plan, or late items one at a time. */
@RestController
class PlanController {

    /** Enough for a national item (about 54,000 stations). */
    static final int MAX_STATIONS_PER_ITEM = 60_000;

    private final CommandGateway commands;

    PlanController(CommandGateway commands) {
        this.commands = commands;
    }

    record PlanItemRequest(@NotNull @Pattern(regexp = AggregateIds.NATURAL_ID) String planItemId,
                           @NotEmpty @Size(max = MAX_STATIONS_PER_ITEM)
                           List<@NotNull @Pattern(regexp = AggregateIds.NATURAL_ID) String> stationIds,
                           @NotNull LocalDate from,
                           @NotNull LocalDate to,
                           @NotNull PlanItemKind kind,
                           @NotEmpty @Size(max = 30)
                           List<@NotNull @Pattern(regexp = AggregateIds.NATURAL_ID) String> indicatorIds) {
    }

    record RejectionRequest(@NotNull @Pattern(regexp = AggregateIds.NATURAL_ID) String planItemId,
                            @NotBlank @Size(max = 2000) String reason) {
    }

    record ApprovePlanRequest(@Size(max = 10_000) List<@NotNull @Valid RejectionRequest> rejected) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/api/cycles/{year}/plan-items")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> propose(@PathVariable int year, @Valid @RequestBody PlanItemRequest request, Actor department) {
        commands.sendAndWait(new PlanCommands.ProposePlanItem(request.planItemId(), year, department.departmentId(),
                request.stationIds(), request.from(), request.to(), request.kind(), request.indicatorIds()));
        return Map.of("planItemId", request.planItemId(), "year", year, "status", "PROPOSED");
    }

    @PostMapping("/api/cycles/{year}/plan/approve")
    PlanCommands.PlanDecision approvePlan(@PathVariable int year,
                                          @Valid @RequestBody(required = false) ApprovePlanRequest request) {
        List<PlanCommands.Rejection> rejected = request == null || request.rejected() == null ? List.of()
                : request.rejected().stream()
                        .map(rejection -> new PlanCommands.Rejection(rejection.planItemId(), rejection.reason().strip()))
                        .toList();
        return commands.sendAndWait(new PlanCommands.ApprovePlan(year, rejected));
    }

    @PostMapping("/api/cycles/{year}/plan-items/{planItemId}/approve")
    PlanCommands.PlanDecision approveItem(@PathVariable int year, @PathVariable String planItemId) {
        return commands.sendAndWait(new PlanCommands.ApprovePlanItem(year, planItemId));
    }

    @PostMapping("/api/cycles/{year}/plan-items/{planItemId}/reject")
    Map<String, Object> rejectItem(@PathVariable int year, @PathVariable String planItemId,
                                   @Valid @RequestBody ReasonRequest request) {
        commands.sendAndWait(new PlanCommands.RejectPlanItem(year, planItemId, request.reason().strip()));
        return Map.of("planItemId", planItemId, "year", year, "status", "REJECTED");
    }
}
