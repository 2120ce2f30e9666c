package org.stationledger.command.station;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.command.AggregateIds;
import org.stationledger.events.RuleViolation;
import org.stationledger.events.station.StationKind;

/** The co-ordinating office registers departments and stations and keeps station details current. */
@RestController
class RegistryController {

    private final CommandGateway commands;

    RegistryController(CommandGateway commands) {
        this.commands = commands;
    }

    record DepartmentRequest(@NotNull @Pattern(regexp = AggregateIds.NATURAL_ID) String departmentId,
                             @NotBlank @Size(max = 200) String name) {
    }

    /**
     * A station and its details. The same shape registers a station and changes its details; when changing, the
     * id comes from the path and may be left out of the body.
     */
    record StationRequest(@Pattern(regexp = AggregateIds.NATURAL_ID) String stationId,
                          @NotBlank @Size(max = 200) String name,
                          @NotBlank @Size(max = 200) String parent,
                          @NotNull StationKind kind,
                          @NotNull @DecimalMin("0.01") @DecimalMax("1000000") Double areaKm2,
                          @NotNull @Min(0) @Max(100_000_000) Long population,
                          @NotNull @Min(0) @Max(100_000) Integer officers,
                          @NotNull @Min(0) @Max(100_000) Integer auxiliaries) {
    }

    record DecommissionRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @PostMapping("/api/departments")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> registerDepartment(@Valid @RequestBody DepartmentRequest request) {
        commands.sendAndWait(new RegistryCommands.RegisterDepartment(request.departmentId(), request.name().strip()));
        return Map.of("departmentId", request.departmentId());
    }

    @PostMapping("/api/stations")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> registerStation(@Valid @RequestBody StationRequest request) {
        if (request.stationId() == null) {
            throw RuleViolation.invalid("invalid-request", "stationId is required.");
        }
        commands.sendAndWait(new RegistryCommands.RegisterStation(request.stationId(), request.name().strip(),
                request.parent().strip(), request.kind(), request.areaKm2(), request.population(), request.officers(),
                request.auxiliaries()));
        return Map.of("stationId", request.stationId());
    }

    @PostMapping("/api/stations/{stationId}/details")
    Map<String, String> changeDetails(@PathVariable String stationId, @Valid @RequestBody StationRequest details) {
        if (details.stationId() != null && !details.stationId().equals(stationId)) {
            throw RuleViolation.invalid("invalid-request", "A station's id cannot be changed.");
        }
        commands.sendAndWait(new RegistryCommands.ChangeStationDetails(stationId, details.name().strip(),
                details.parent().strip(), details.kind(), details.areaKm2(), details.population(), details.officers(),
                details.auxiliaries()));
        return Map.of("stationId", stationId);
    }

    @PostMapping("/api/stations/{stationId}/decommission")
    Map<String, String> decommission(@PathVariable String stationId, @Valid @RequestBody DecommissionRequest request) {
        commands.sendAndWait(new RegistryCommands.DecommissionStation(stationId, request.reason().strip()));
        return Map.of("stationId", stationId);
    }
}
