package org.stationledger.command.burden;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
import org.stationledger.events.burden.DemandKind;

/** The co-ordinating office records the 2018 baselines; departments record their documents and meetings. */
@RestController
class BurdenController {

    /** Enough for a document to every station of the country by name. */
    static final int MAX_STATIONS = 60_000;
    static final int MAX_COUNT = 1_000_000;

    private final CommandGateway commands;

    BurdenController(CommandGateway commands) {
        this.commands = commands;
    }

    record BaselineRequest(@NotNull @Pattern(regexp = AggregateIds.NATURAL_ID) String departmentId,
                           @NotNull @Min(0) @Max(MAX_COUNT) Integer documents,
                           @NotNull @Min(0) @Max(MAX_COUNT) Integer meetings) {
    }

    /** A document or meeting: the stations it concerns, or {@code allStations}. */
    record DemandRequest(@NotNull @Pattern(regexp = AggregateIds.NATURAL_ID) String id,
                         @NotBlank @Size(max = 300) String title,
                         @NotNull LocalDate date,
                         Boolean allStations,
                         @Size(max = MAX_STATIONS) List<@NotNull @Pattern(regexp = AggregateIds.NATURAL_ID) String> stationIds) {
    }

    @PostMapping("/api/burden/baselines")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> recordBaseline(@Valid @RequestBody BaselineRequest request) {
        commands.sendAndWait(new BurdenCommands.RecordBaseline(request.departmentId(), request.documents(),
                request.meetings()));
        return Map.of("departmentId", request.departmentId(), "documents", request.documents(),
                "meetings", request.meetings());
    }

    /** {@code /api/burden/documents} or {@code /api/burden/meetings}; the department is the caller's. */
    @PostMapping("/api/burden/{kind:documents|meetings}")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> recordDemand(@PathVariable String kind, @Valid @RequestBody DemandRequest request,
                                     Actor department) {
        DemandKind demandKind = kind.equals("documents") ? DemandKind.DOCUMENT : DemandKind.MEETING;
        commands.sendAndWait(new BurdenCommands.RecordDemand(demandKind, request.id(), department.departmentId(),
                request.title().strip(), request.date(), Boolean.TRUE.equals(request.allStations()),
                request.stationIds() == null ? List.of() : request.stationIds()));
        return Map.of("kind", demandKind.name(), "id", request.id(), "year", request.date().getYear(),
                "departmentId", department.departmentId());
    }
}
