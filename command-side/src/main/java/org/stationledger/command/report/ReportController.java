package org.stationledger.command.report;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.events.RuleViolation;
import org.stationledger.events.burden.PublicationTrigger;
import org.stationledger.events.burden.ReportName;

/** The co-ordinating office publishes a report now, besides the monthly publication. */
@RestController
class ReportController {

    private final CommandGateway commands;

    ReportController(CommandGateway commands) {
        this.commands = commands;
    }

    /** 201 with the hash and position; {@code Location} regenerates exactly the published file. */
    @PostMapping("/api/reports/{year}/{report}/publish")
    ResponseEntity<Map<String, Object>> publish(@PathVariable int year, @PathVariable String report,
                                                @RequestParam(required = false) String stationId) {
        ReportName name = ReportName.ofSlug(report).orElseThrow(() ->
                RuleViolation.notFound("unknown-report", "There is no report " + report + "."));
        ReportCommands.Publication publication = commands.sendAndWait(
                new ReportCommands.PublishReport(year, name, stationId, PublicationTrigger.ON_DEMAND, null));
        URI file = URI.create("/api/reports/" + year + "/" + name.slug() + "?format=" + publication.format() + "&asOf="
                + publication.position() + (stationId == null ? "" : "&stationId=" + stationId));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", year);
        body.put("report", name.slug());
        if (stationId != null) {
            body.put("stationId", stationId);
        }
        body.put("position", publication.position());
        body.put("format", publication.format());
        body.put("sha256", publication.sha256());
        body.put("href", file.toString());
        return ResponseEntity.created(file).body(body);
    }
}
