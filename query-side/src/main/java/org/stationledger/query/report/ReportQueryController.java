package org.stationledger.query.report;

import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.events.Actor;
import org.stationledger.events.RuleViolation;
import org.stationledger.events.burden.ReportName;
import org.stationledger.query.Problems;

/**
 * The statistics reports as files, live or as of a past position, and the list of publications. The answer's
 * {@code X-Ledger-Position} is the position the report was built from.
 */
@RestController
@RequestMapping("/api/reports/{year}")
class ReportQueryController {

    static final String POSITION_HEADER = "X-Ledger-Position";

    private final ReportGenerator generator;
    private final PublicationQueries publications;

    ReportQueryController(ReportGenerator generator, PublicationQueries publications) {
        this.generator = generator;
        this.publications = publications;
    }

    @GetMapping("/{report}")
    ResponseEntity<byte[]> report(@PathVariable int year, @PathVariable String report,
                                  @RequestParam(defaultValue = "csv") String format,
                                  @RequestParam(required = false) String stationId,
                                  @RequestParam(required = false) Long asOf, Actor caller) {
        ReportName name = ReportName.ofSlug(report).orElseThrow(() ->
                RuleViolation.notFound("unknown-report", "There is no report " + report + "."));
        ReportFormat rendering = ReportFormat.of(format).orElseThrow(() ->
                Problems.invalidRequest("format must be csv, xlsx or pdf."));
        Rendition rendition = generator.render(year, name, stationId, asOf, rendering, caller);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(rendering.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(rendition.fileName()).build().toString())
                .header(POSITION_HEADER, Long.toString(rendition.position()))
                .body(rendition.content());
    }

    /**
     * Oldest first. A station summary's publications are listed for that station and the jurisdiction roles; the
     * hash and link only to those who read the published file whole ({@link PublicationView#seenBy}).
     */
    @GetMapping("/publications")
    List<PublicationView> publications(@PathVariable int year, Actor caller) {
        return publications.ofYear(year).stream().filter(publication -> publication.visibleTo(caller))
                .map(publication -> publication.seenBy(caller)).toList();
    }
}
