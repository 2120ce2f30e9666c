package org.stationledger.command.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.command.AggregateIds;
import org.stationledger.events.Actor;
import org.stationledger.events.RuleViolation;
import org.stationledger.events.inspection.BlockReason;

/** Departments ask to inspect; the coordinator decides exceptions. */
@RestController
class InspectionController {

    private final CommandGateway commands;

    InspectionController(CommandGateway commands) {
        this.commands = commands;
    }

    record ExceptionRequest(@Size(max = 64) String category, @Size(max = 4000) String justification) {
    }

    record InspectionRequest(@NotNull @Pattern(regexp = AggregateIds.NATURAL_ID) String stationId,
                             @NotNull LocalDate date,
                             @Pattern(regexp = AggregateIds.NATURAL_ID) String planItemId,
                             @Valid ExceptionRequest exception) {
    }

    record DecisionRequest(@NotNull Boolean approve, @NotBlank @Size(max = 2000) String reason) {
    }

    /**
     * 201 with the inspection when authorised or pending an exception; 403 problem+json {@code inspection-blocked}
     * when the gate refused, and the refusal is on the record all the same.
     */
    @PostMapping("/api/inspections")
    ResponseEntity<?> request(@Valid @RequestBody InspectionRequest request, Actor department) {
        if (request.planItemId() != null && request.exception() != null) {
            throw RuleViolation.invalid("plan-item-or-exception",
                    "Cite a plan item or claim an exception, not both.");
        }
        var claim = request.exception() == null ? null
                : new InspectionCommands.ExceptionClaim(request.exception().category(), request.exception().justification());
        InspectionCommands.Outcome outcome = commands.sendAndWait(new InspectionCommands.RequestInspection(
                UUID.randomUUID().toString(), request.stationId(), department.departmentId(), request.date(),
                request.planItemId(), claim));
        URI location = URI.create("/api/inspections/" + outcome.inspectionId());
        if (outcome.status() == InspectionCommands.Status.BLOCKED) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, outcome.explanation());
            problem.setTitle("Inspection blocked");
            problem.setType(URI.create("urn:station-ledger:problem:inspection-blocked"));
            problem.setInstance(location);
            problem.setProperty("code", "inspection-blocked");
            problem.setProperty("reasonCode", outcome.reasonCode());
            problem.setProperty("inspectionId", outcome.inspectionId());
            return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inspectionId", outcome.inspectionId());
        body.put("status", outcome.status().name());
        if (outcome.visitId() != null) {
            body.put("visitId", outcome.visitId());
        }
        return ResponseEntity.created(location).body(body);
    }

    @PostMapping("/api/inspections/{inspectionId}/exception-decision")
    Map<String, Object> decide(@PathVariable String inspectionId, @Valid @RequestBody DecisionRequest request) {
        commands.sendAndWait(new InspectionCommands.DecideException(inspectionId, request.approve(), request.reason().strip()));
        return request.approve()
                ? Map.of("inspectionId", inspectionId, "status", InspectionCommands.Status.AUTHORISED.name())
                : Map.of("inspectionId", inspectionId, "status", InspectionCommands.Status.BLOCKED.name(),
                        "reasonCode", BlockReason.EXCEPTION_REFUSED.name());
    }
}
