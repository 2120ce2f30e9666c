package org.stationledger.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.events.Actor;
import org.stationledger.query.CallerScope;
import org.stationledger.query.QueryParameters;

/** The event trail in the event store's global order, filtered and paged, or exported whole with its chain hashes. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    static final String CHAIN_HEAD_SEQUENCE = "X-Audit-Chain-Head-Sequence";
    static final String CHAIN_HEAD_HASH = "X-Audit-Chain-Head-Hash";
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final AuditTrailQueries queries;
    private final ObjectMapper json;

    AuditController(AuditTrailQueries queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    @GetMapping("/events")
    AuditPage events(TrailQuery query, @RequestParam(required = false) Long after,
                     @RequestParam(required = false) Integer limit, Actor caller) {
        CallerScope.requireEverything(caller);
        AuditFilter filter = query.filter();
        queries.requireNamed(filter);
        return AuditPage.of(queries.events(filter, after, QueryParameters.limit(limit, DEFAULT_LIMIT, MAX_LIMIT)));
    }

    /**
     * The trail filtered as {@link #events} filters it, in global order, streamed as JSON lines or CSV. The chain's
     * head when it was read comes in headers, to compare with a checkpoint.
     */
    @GetMapping("/export")
    void export(TrailQuery query, @RequestParam(defaultValue = "jsonl") String format, Actor caller,
                HttpServletResponse response) throws IOException {
        CallerScope.requireEverything(caller);
        AuditFilter filter = query.filter();
        queries.requireNamed(filter);
        TrailExport export = TrailExport.of(format);
        response.setContentType(export.contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-trail." + export.extension
                                                            + "\"");
        Writer text = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try {
            queries.export(filter, head -> {
                if (head != null) {
                    response.setHeader(CHAIN_HEAD_SEQUENCE, Long.toString(head.sequence()));
                    response.setHeader(CHAIN_HEAD_HASH, head.hash());
                }
                return lines(export, text);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        text.flush();
    }

    /** The export runs inside a database callback, which cannot throw IOException: it travels unchecked. */
    private Consumer<ExportedEvent> lines(TrailExport export, Writer text) {
        try {
            TrailExport.Line line = export.writer(text, json);
            return event -> {
                try {
                    line.write(event);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trail's filters, as query parameters; every one optional (and given once: RequestScreen). */
    record TrailQuery(String stationId, String departmentId, Integer year, String type, String aggregateId, String from,
                      String to) {
        AuditFilter filter() {
            return new AuditFilter(stationId, departmentId, year == null ? null : QueryParameters.year(year), type,
                    aggregateId, QueryParameters.instant("from", from), QueryParameters.instant("to", to));
        }
    }
}
