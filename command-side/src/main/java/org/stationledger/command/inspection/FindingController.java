package org.stationledger.command.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.command.AggregateIds;
import org.stationledger.events.Actor;

/** The inspecting department records its findings (deductions) and may withdraw them before the cycle closes. */
@RestController
class FindingController {

    private final CommandGateway commands;

    FindingController(CommandGateway commands) {
        this.commands = commands;
    }

    record FindingRequest(@NotNull @Pattern(regexp = AggregateIds.NATURAL_ID) String indicatorId,
                          @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal deduction,
                          @NotBlank @Size(max = 4000) String note,
                          @Size(max = 500) String evidenceRef,
                          @NotNull Instant observedAt) {
    }

    record WithdrawalRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/api/inspections/{inspectionId}/findings")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> record(@PathVariable String inspectionId, @Valid @RequestBody FindingRequest request,
                               Actor department) {
        String findingId = UUID.randomUUID().toString();
        commands.sendAndWait(new InspectionCommands.RecordFinding(inspectionId, findingId, department.departmentId(),
                request.indicatorId(), request.deduction(), request.note().strip(), request.evidenceRef(),
                request.observedAt()));
        return Map.of("findingId", findingId, "inspectionId", inspectionId);
    }

    @PostMapping("/api/findings/{findingId}/withdraw")
    Map<String, String> withdraw(@PathVariable String findingId, @Valid @RequestBody WithdrawalRequest request,
                                 Actor department) {
        commands.sendAndWait(new InspectionCommands.WithdrawFinding(findingId, department.departmentId(),
                request.reason().strip()));
        return Map.of("findingId", findingId, "status", "WITHDRAWN");
    }
}
