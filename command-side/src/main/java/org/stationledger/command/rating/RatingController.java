package org.stationledger.command.rating;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.events.Actor;
import org.stationledger.events.RuleViolation;
import org.stationledger.events.rating.FindingReduction;
import org.stationledger.events.rating.Grade;
import org.stationledger.events.rating.RevisionCause;

/** Appeals by the station, and the coordinator's decisions, final ratings and revisions. */
@RestController
class RatingController {

    private final CommandGateway commands;

    RatingController(CommandGateway commands) {
        this.commands = commands;
    }

    record AppealRequest(@NotBlank @Size(max = 8000) String grounds,
                         @NotEmpty @Size(max = 500) List<@NotBlank @Size(max = 64) String> findingIds) {
    }

    record ReductionRequest(@NotBlank @Size(max = 64) String findingId,
                            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
                            BigDecimal deduction) {
    }

    record DecisionRequest(@NotNull Boolean uphold,
                           @Size(max = 500) List<@NotBlank @Size(max = 64) String> withdrawFindingIds,
                           @Size(max = 500) List<@NotNull @Valid ReductionRequest> reduce,
                           @NotBlank @Size(max = 4000) String reason) {
    }

    record FinaliseRequest(Grade grade, @Size(max = 4000) String reason) {
    }

    record ReviseRequest(@NotNull RevisionCause cause, @Size(max = 64) String appealId, Grade grade,
                         @NotBlank @Size(max = 4000) String reason) {
    }

    @PostMapping("/api/stations/{stationId}/ratings/{year}/appeals")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> appeal(@PathVariable String stationId, @PathVariable int year,
                               @Valid @RequestBody AppealRequest request, Actor station) {
        if (!stationId.equals(station.stationId())) {
            throw RuleViolation.forbidden("forbidden-scope", "A station appeals only its own rating.");
        }
        String appealId = UUID.randomUUID().toString();
        commands.sendAndWait(new RatingCommands.FileAppeal(stationId, year, appealId, request.grounds().strip(),
                request.findingIds()));
        return Map.of("appealId", appealId, "stationId", stationId, "year", year, "status", "PENDING");
    }

    @PostMapping("/api/stations/{stationId}/ratings/{year}/appeals/{appealId}/decision")
    Map<String, Object> decide(@PathVariable String stationId, @PathVariable int year, @PathVariable String appealId,
                               @Valid @RequestBody DecisionRequest request) {
        List<String> withdraw = request.withdrawFindingIds() == null ? List.of() : request.withdrawFindingIds();
        List<FindingReduction> reductions = request.reduce() == null ? List.of() : request.reduce().stream()
                .map(reduction -> new FindingReduction(reduction.findingId(), reduction.deduction())).toList();
        commands.sendAndWait(new RatingCommands.DecideAppeal(stationId, year, appealId, request.uphold(), withdraw,
                reductions, request.reason().strip()));
        return Map.of("appealId", appealId, "status", request.uphold() ? "UPHELD" : "DISMISSED");
    }

    @PostMapping("/api/stations/{stationId}/ratings/{year}/finalise")
    Map<String, Object> finalise(@PathVariable String stationId, @PathVariable int year,
                                 @Valid @RequestBody(required = false) FinaliseRequest request) {
        FinaliseRequest body = request == null ? new FinaliseRequest(null, null) : request;
        commands.sendAndWait(new RatingCommands.FinaliseRating(stationId, year, body.grade(), body.reason()));
        return Map.of("stationId", stationId, "year", year, "status", "FINAL");
    }

    @PostMapping("/api/stations/{stationId}/ratings/{year}/revise")
    Map<String, Object> revise(@PathVariable String stationId, @PathVariable int year,
                               @Valid @RequestBody ReviseRequest request) {
        commands.sendAndWait(new RatingCommands.ReviseRating(stationId, year, request.cause(), request.appealId(),
                request.grade(), request.reason().strip()));
        return Map.of("stationId", stationId, "year", year, "status", "REVISED");
    }
}
