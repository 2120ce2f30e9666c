package org.stationledger.command.assessment;

import jakarta.validation.Valid;
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
import org.stationledger.events.Actor;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;

/** Opening a year, proposing its indicators, publishing its scheme and closing it. */
@RestController
class CycleController {

    static final int DEFAULT_VISIT_CAP = 4;
    static final int DEFAULT_COMMENT_WINDOW_DAYS = 10;

    private final CommandGateway commands;

    CycleController(CommandGateway commands) {
        this.commands = commands;
    }

    record OpenCycleRequest(@NotNull @Min(2000) @Max(2100) Integer year,
                            @Min(1) @Max(52) Integer visitCap,
                            GradeBands gradeBands,
                            @Min(1) @Max(90) Integer commentWindowDays) {
    }

    record IndicatorRequest(@NotNull @Pattern(regexp = AggregateIds.NATURAL_ID) String indicatorId,
                            @NotBlank @Size(max = 300) String title,
                            @NotNull @Min(0) @Max(100) Integer maxPoints,
                            @NotNull IndicatorKind kind) {
    }

    @PostMapping("/api/cycles")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> open(@Valid @RequestBody OpenCycleRequest request) {
        GradeBands bands = request.gradeBands() == null ? GradeBands.DEFAULT : request.gradeBands();
        int visitCap = request.visitCap() == null ? DEFAULT_VISIT_CAP : request.visitCap();
        int window = request.commentWindowDays() == null ? DEFAULT_COMMENT_WINDOW_DAYS : request.commentWindowDays();
        commands.sendAndWait(new CycleCommands.OpenCycle(request.year(), visitCap, bands, window));
        return Map.of("year", request.year(), "visitCap", visitCap, "gradeBands", bands, "commentWindowDays", window);
    }

    @PostMapping("/api/cycles/{year}/indicators")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> proposeIndicator(@PathVariable int year, @Valid @RequestBody IndicatorRequest request,
                                         Actor department) {
        commands.sendAndWait(new CycleCommands.ProposeIndicator(year, request.indicatorId(), request.title().strip(),
                department.departmentId(), request.maxPoints(), request.kind()));
        return Map.of("year", year, "indicatorId", request.indicatorId(), "departmentId", department.departmentId());
    }

    @PostMapping("/api/cycles/{year}/publish")
    Map<String, Object> publish(@PathVariable int year) {
        commands.sendAndWait(new CycleCommands.PublishScheme(year));
        return Map.of("year", year, "schemePublished", true);
    }

    @PostMapping("/api/cycles/{year}/close")
    Map<String, Object> close(@PathVariable int year) {
        commands.sendAndWait(new CycleCommands.CloseCycle(year));
        return Map.of("year", year, "status", "CLOSED");
    }
}
