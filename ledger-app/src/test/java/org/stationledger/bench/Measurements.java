package org.stationledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.stationledger.events.burden.ReportName;
import org.stationledger.query.report.ReportFormat;

/**
 * The measured phases that are not command generation: raw baselines, query load, report downloads, rebuilds and
 * read-model lag.
 */
final class Measurements {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Measurements() {
    }

    // ---------------------------------------------------------------- raw baselines

    private record SampleEvent(String type, byte[] metadata, byte[] payload, String payloadRevision,
                               String payloadType, String timestamp) {
    }

    /**
     * Plain JDBC, one row per autocommitted INSERT, {@code threads} connections of their own, into a scratch table
     * with the columns, keys and row contents of {@code domainevententry} (real events sampled from it, with fresh
     * ids). Rows per second.
     */
    static Bench.Phase rawInsert(LedgerUnderTest ledger, int threads, double seconds) throws SQLException {
        List<SampleEvent> samples = new ArrayList<>();
        try (Connection connection = ledger.rawConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_raw_event");
            statement.execute("""
                    CREATE TABLE bench_raw_event (
                        globalindex BIGSERIAL NOT NULL, aggregateidentifier VARCHAR(255) NOT NULL,
                        sequencenumber BIGINT NOT NULL, type VARCHAR(255), eventidentifier VARCHAR(255) NOT NULL,
                        metadata BYTEA, payload BYTEA NOT NULL, payloadrevision VARCHAR(255),
                        payloadtype VARCHAR(255) NOT NULL, timestamp VARCHAR(255) NOT NULL,
                        PRIMARY KEY (globalindex), UNIQUE (aggregateidentifier, sequencenumber),
                        UNIQUE (eventidentifier))""");
            try (ResultSet rows = statement.executeQuery("""
                    SELECT type, metadata, payload, payloadrevision, payloadtype, timestamp
                    FROM domainevententry ORDER BY random() LIMIT 2000""")) {
                while (rows.next()) {
                    samples.add(new SampleEvent(rows.getString(1), rows.getBytes(2), rows.getBytes(3),
                            rows.getString(4), rows.getString(5), rows.getString(6)));
                }
            }
        }
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        Bench.Counter counter = new Bench.Counter();
        Bench.Phase phase = Bench.parallel("raw-insert", threads, threads, counter, thread -> {
            try (Connection connection = ledger.rawConnection();
                 PreparedStatement insert = connection.prepareStatement("""
                         INSERT INTO bench_raw_event (aggregateidentifier, sequencenumber, type, eventidentifier,
                                                      metadata, payload, payloadrevision, payloadtype, timestamp)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                connection.setAutoCommit(true);
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                    SampleEvent sample = samples.get(random.nextInt(samples.size()));
                    insert.setString(1, "raw:" + UUID.randomUUID());
                    insert.setLong(2, 0);
                    insert.setString(3, sample.type());
                    insert.setString(4, UUID.randomUUID().toString());
                    insert.setBytes(5, sample.metadata());
                    insert.setBytes(6, sample.payload());
                    insert.setString(7, sample.payloadRevision());
                    insert.setString(8, sample.payloadType());
                    insert.setString(9, sample.timestamp());
                    insert.executeUpdate();
                    counter.ok();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, (long) seconds + 120);
        try (Connection connection = ledger.rawConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE bench_raw_event");
        }
        return phase;
    }

    /** Average stored payload + metadata size of an event, in bytes. */
    static double averageEventBytes(LedgerUnderTest ledger) {
        Double bytes = ledger.jdbc.queryForObject(
                "SELECT avg(octet_length(payload) + coalesce(octet_length(metadata), 0)) FROM domainevententry",
                Double.class);
        return bytes == null ? 0 : bytes;
    }

    /** One plain sequential read of the whole event table in global order, every column fetched. Rows per second. */
    static Bench.Phase rawSequentialRead(LedgerUnderTest ledger) throws SQLException {
        Bench.Phase best = null;
        for (int run = 0; run < 2; run++) { // the first run also warms the cache, as a rebuild after it would find it
            long rows = 0;
            long start = System.nanoTime();
            try (Connection connection = ledger.rawConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement select = connection.prepareStatement("""
                        SELECT globalindex, aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                               payload, payloadrevision, payloadtype, timestamp
                        FROM domainevententry ORDER BY globalindex""")) {
                    select.setFetchSize(1000);
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            result.getLong(1);
                            result.getString(2);
                            result.getLong(3);
                            result.getString(4);
                            result.getString(5);
                            result.getBytes(6);
                            result.getBytes(7);
                            result.getString(8);
                            result.getString(9);
                            result.getString(10);
                            rows++;
                        }
                    }
                }
                connection.commit();
            }
            Bench.Phase phase = new Bench.Phase("raw-select", rows, System.nanoTime() - start, 0, List.of());
            if (best == null || phase.perSecond() > best.perSecond()) {
                best = phase;
            }
        }
        return best;
    }

    /** Latency of a plain primary-key SELECT over JDBC from {@code clients} connections: the floor of any query. */
    static Bench.Latencies rawPointQuery(LedgerUnderTest ledger, int clients, int stations, double seconds) {
        Bench.Latencies latencies = new Bench.Latencies();
        long warmUntil = System.nanoTime() + (long) (Math.min(5, seconds * 0.5) * 1e9);
        long deadline = warmUntil + (long) (seconds * 1e9);
        Bench.Counter counter = new Bench.Counter();
        Bench.parallel("raw-query", clients, clients, counter, client -> {
            try (Connection connection = ledger.rawConnection();
                 PreparedStatement select = connection.prepareStatement(
                         "SELECT name, kind FROM read_rating_station WHERE station_id = ?")) {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                Bench.Latencies own = new Bench.Latencies();
                for (long now = System.nanoTime(); now < deadline; now = System.nanoTime()) {
                    select.setString(1, YearGenerator.stationId(random.nextInt(stations)));
                    try (ResultSet result = select.executeQuery()) {
                        result.next();
                    }
                    long took = System.nanoTime() - now;
                    if (now > warmUntil) {
                        own.add(took);
                    }
                }
                latencies.addAll(own);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, (long) seconds + 120);
        return latencies;
    }

    // ---------------------------------------------------------------- queries over HTTP

    /** {@code note}: why the query was skipped, or its first error. */
    record QueryResult(String name, String path, Bench.Latencies latencies, long errors, String note,
                       boolean skipped) {
    }

    /** GET {@code pathFor(random station)} as the co-ordinating office from {@code clients} threads for a while. */
    static QueryResult queryLoad(HttpClient client, int port, String name, IntFunction<String> pathFor, int stations,
                                 int clients, double seconds, boolean optional) {
        String base = "http://127.0.0.1:" + port;
        String sample = pathFor.apply(0);
        HttpResponse<String> probe = get(client, base + sample);
        if (optional && (probe == null || probe.statusCode() == 404)) {
            return new QueryResult(name, sample, new Bench.Latencies(), 0,
                    "GET " + sample + " answered " + (probe == null ? "nothing" : probe.statusCode())
                    + ": the endpoint is not in this tree, skipped", true);
        }
        Bench.Latencies latencies = new Bench.Latencies();
        long warmUntil = System.nanoTime() + (long) (Math.min(5, seconds * 0.5) * 1e9);
        long deadline = warmUntil + (long) (seconds * 1e9);
        Bench.Counter counter = new Bench.Counter();
        Bench.Phase phase = Bench.parallel("query", clients, clients, counter, c -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Bench.Latencies own = new Bench.Latencies();
            for (long now = System.nanoTime(); now < deadline; now = System.nanoTime()) {
                HttpResponse<String> response = get(client, base + pathFor.apply(random.nextInt(stations)));
                long took = System.nanoTime() - now;
                if (response == null || response.statusCode() != 200) {
                    counter.failed(new IllegalStateException("GET -> " + (response == null ? "no answer"
                            : response.statusCode() + " " + response.body())));
                } else if (now > warmUntil) {
                    own.add(took);
                    counter.ok();
                }
            }
            latencies.addAll(own);
        }, (long) seconds + 300);
        return new QueryResult(name, sample, latencies, phase.errors(),
                phase.firstErrors().isEmpty() ? null : phase.firstErrors().get(0), false);
    }

    private static HttpResponse<String> get(HttpClient client, String url) {
        return send(client, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** As the co-ordinating office; null when no answer came. */
    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60))
                    .header("Authorization", Channel.Http.basic("coord")).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    // ---------------------------------------------------------------- statistics reports

    /** One report as the co-ordinating office downloads it: its HTTP status, time and size. */
    record ReportDownload(String name, int status, long nanos, long bytes) {
    }

    /**
     * The year's first report, which folds every event of the year; then every statistics report of {@code year} in
     * every format (the per-station one for {@code stationId}), one after the other, each folding on from the one
     * before; then the two largest renditions of the burden report, the workbook and the PDF, downloaded at once:
     * what each report costs, and whether the heap holds two large ones at the same moment.
     */
    static List<ReportDownload> reports(HttpClient client, int port, int year, String stationId) {
        List<ReportDownload> downloads = new ArrayList<>();
        downloads.add(download(client, port, ReportName.RATINGS_DISTRIBUTION.slug() + " (csv), the year's first",
                reportPath(year, ReportName.RATINGS_DISTRIBUTION, ReportFormat.CSV)));
        // Untimed: the first workbook and PDF of a process load their libraries' classes.
        for (ReportFormat format : List.of(ReportFormat.XLSX, ReportFormat.PDF)) {
            download(client, port, "warm-up", reportPath(year, ReportName.RATINGS_DISTRIBUTION, format));
        }
        for (ReportName report : ReportName.values()) {
            for (ReportFormat format : ReportFormat.values()) {
                String path = reportPath(year, report, format) + (report.perStation() ? "&stationId=" + stationId : "");
                downloads.add(download(client, port, report.slug() + " (" + format.extension() + ")", path));
            }
        }
        ExecutorService twoClients = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<ReportDownload>> together = List.of(ReportFormat.XLSX, ReportFormat.PDF).stream()
                    .map(format -> CompletableFuture.supplyAsync(() -> download(client, port,
                            ReportName.BURDEN.slug() + " (" + format.extension() + "), two at once",
                            reportPath(year, ReportName.BURDEN, format)), twoClients))
                    .toList();
            together.forEach(download -> downloads.add(download.join()));
        } finally {
            twoClients.shutdown();
        }
        return downloads;
    }

    private static String reportPath(int year, ReportName report, ReportFormat format) {
        return "/api/reports/" + year + "/" + report.slug() + "?format=" + format.extension();
    }

    private static ReportDownload download(HttpClient client, int port, String name, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(10)).header("Authorization", Channel.Http.basic("coord")).GET().build();
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new ReportDownload(name, response.statusCode(), System.nanoTime() - started,
                    response.body().length);
        } catch (java.io.IOException e) {
            return new ReportDownload(name, -1, System.nanoTime() - started, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ReportDownload(name, -1, System.nanoTime() - started, 0);
        }
    }

    // ---------------------------------------------------------------- projection rebuilds

    record Rebuild(String projection, long events, long nanos, String table, long rowsBefore, long rowsAfter,
                   String missingBefore) {
        double perSecond() {
            return events * 1e9 / nanos;
        }
    }

    static final Map<String, String> MAIN_TABLE = Map.of("stations", "read_station_version", "cycles", "read_visit",
            "inspections", "read_inspection", "ratings", "read_rating_finding", "audit-index", "read_audit_index", "burden", "read_burden_request",
            "report-publications", "read_report_publication");

    /**
     * Stops the projection's processor, resets its tokens (its reset handler empties its tables) and times its replay
     * of the whole event store up to the head. The other projections keep running (idle).
     */
    static Rebuild rebuild(LedgerUnderTest ledger, String name) {
        ledger.awaitProjections(600_000);
        String table = MAIN_TABLE.get(name);
        long before = ledger.jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        String missing = "";
        if (name.equals("audit-index")) {
            missing = String.join(", ", ledger.jdbc.queryForList("""
                    SELECT payloadtype || ' ' || count(*) FROM domainevententry d
                    WHERE NOT EXISTS (SELECT 1 FROM read_audit_index a WHERE a.global_index = d.globalindex)
                    GROUP BY payloadtype ORDER BY count(*) DESC""", String.class));
        }
        long events = ledger.eventCount();
        long head = ledger.headPosition();
        StreamingEventProcessor processor = ledger.processor(name);
        processor.shutdownAsync().join();
        long start = System.nanoTime();
        processor.resetTokens();
        processor.start();
        long deadline = System.currentTimeMillis() + 6 * 3600_000L;
        while (!ledger.caughtUp(processor, head)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Rebuild of " + name + " did not finish");
            }
            Bench.sleep(2);
        }
        long nanos = System.nanoTime() - start;
        long after = ledger.jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        return new Rebuild(name, events, nanos, table, before, after, missing);
    }

    /** A rebuild as an operator runs it: its status, and whether the rebuilt tables equalled the live ones. */
    record ApiRebuild(String projection, long events, long nanos, String status, boolean equal, String error) {
        double perSecond() {
            return events * 1e9 / nanos;
        }

        boolean sound() {
            return status.equals("COMPLETED") && equal;
        }
    }

    /**
     * Times a rebuild through the co-ordinating office's API (docs/operations.md): the projection replays the whole
     * event store into a shadow schema while its live processor keeps serving, then both sides are compared and what
     * differs is swapped in. From the POST to the progress that says it has finished, the comparison included.
     */
    static ApiRebuild apiRebuild(LedgerUnderTest ledger, HttpClient client, String name) {
        ledger.awaitProjections(600_000);
        long events = ledger.eventCount();
        String path = "http://127.0.0.1:" + ledger.port + "/api/admin/projections/" + name + "/rebuild";
        long start = System.nanoTime();
        HttpResponse<String> started = send(client, HttpRequest.newBuilder(URI.create(path))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (started == null || started.statusCode() != 202) {
            return new ApiRebuild(name, events, System.nanoTime() - start, "NOT STARTED", false,
                    started == null ? "no answer" : started.statusCode() + " " + started.body());
        }
        long deadline = System.currentTimeMillis() + 6 * 3600_000L;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> answer = send(client, HttpRequest.newBuilder(URI.create(path)).GET());
            JsonNode progress = answer == null ? null : json(answer.body());
            if (progress != null && !progress.path("status").asText().equals("RUNNING")) {
                return new ApiRebuild(name, events, System.nanoTime() - start, progress.path("status").asText(),
                        progress.path("equal").asBoolean(), progress.path("error").asText(null));
            }
            Bench.sleep(20);
        }
        return new ApiRebuild(name, events, System.nanoTime() - start, "RUNNING", false, "did not finish");
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- read-model lag

    /**
     * Watches for commands' effects in the read models: an inspection request's row in read_inspection (projection
     * "inspections") and a finding's row in read_rating_finding ("ratings"). The lag is from the command's
     * acknowledgement (sendAndWait returned: committed) to the first poll that sees the row.
     */
    static final class LagWatcher implements YearGenerator.Sent, AutoCloseable {
        private record Pending(String id, long ackNanos) {
        }

        private final ConcurrentLinkedQueue<Pending> inspections = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Pending> findings = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean sending = new AtomicBoolean(true);
        final Bench.Latencies lags = new Bench.Latencies();
        private final Thread poller;
        private volatile Throwable failure;
        private volatile long unseen;

        LagWatcher(LedgerUnderTest ledger) {
            poller = new Thread(() -> poll(ledger), "bench-lag-poller");
            poller.setDaemon(true);
            poller.start();
        }

        @Override
        public void inspection(String inspectionId, long ackNanos) {
            inspections.add(new Pending(inspectionId, ackNanos));
        }

        @Override
        public void finding(String findingId, long ackNanos) {
            findings.add(new Pending(findingId, ackNanos));
        }

        private void poll(LedgerUnderTest ledger) {
            Map<String, Long> waitingInspections = new HashMap<>();
            Map<String, Long> waitingFindings = new HashMap<>();
            long stopAt = Long.MAX_VALUE;
            try (Connection connection = ledger.rawConnection();
                 PreparedStatement inspectionRows = connection.prepareStatement(
                         "SELECT inspection_id FROM read_inspection WHERE inspection_id = ANY (?)");
                 PreparedStatement findingRows = connection.prepareStatement(
                         "SELECT finding_id FROM read_rating_finding WHERE finding_id = ANY (?)")) {
                while (true) {
                    drain(inspections, waitingInspections);
                    drain(findings, waitingFindings);
                    if (!sending.get() && stopAt == Long.MAX_VALUE) {
                        stopAt = System.nanoTime() + 60_000_000_000L;
                    }
                    if (!sending.get() && inspections.isEmpty() && findings.isEmpty()
                        && (waitingInspections.isEmpty() && waitingFindings.isEmpty() || System.nanoTime() > stopAt)) {
                        unseen = waitingInspections.size() + waitingFindings.size();
                        return;
                    }
                    see(connection, inspectionRows, waitingInspections);
                    see(connection, findingRows, waitingFindings);
                    Bench.sleepNanos(500_000);
                }
            } catch (Throwable e) {
                failure = e;
            }
        }

        private static void drain(ConcurrentLinkedQueue<Pending> queue, Map<String, Long> waiting) {
            for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
                waiting.put(pending.id(), pending.ackNanos());
            }
        }

        private void see(Connection connection, PreparedStatement select, Map<String, Long> waiting)
                throws SQLException {
            if (waiting.isEmpty()) {
                return;
            }
            select.setArray(1, connection.createArrayOf("text", waiting.keySet().toArray()));
            try (ResultSet rows = select.executeQuery()) {
                long seen = System.nanoTime();
                while (rows.next()) {
                    Long ack = waiting.remove(rows.getString(1));
                    if (ack != null) {
                        lags.add(Math.max(0, seen - ack));
                    }
                }
            }
        }

        /** Stops once every command sent has been seen (or a minute after sending stopped). */
        @Override
        public void close() {
            sending.set(false);
            try {
                poller.join(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw new IllegalStateException("lag poller failed", failure);
            }
        }

        long unseen() {
            return unseen;
        }
    }

    /**
     * The HTTP stack's floor, measured with the queries: an authenticated GET that the ledger answers from the
     * sign-in alone — the same clients, Tomcat, Spring Security with HTTP Basic, Spring MVC and Jackson as every query,
     * and no database. No query can be faster on the same machine at the same moment.
     */
    static final String HTTP_FLOOR = "HTTP floor";

    static Map<String, IntFunction<String>> queries(int lastYear, int firstYear, String burdenPath) {
        Map<String, IntFunction<String>> queries = new LinkedHashMap<>();
        queries.put(HTTP_FLOOR, i -> "/api/me");
        queries.put("rating history", i -> "/api/stations/" + YearGenerator.stationId(i) + "/ratings");
        queries.put("consolidated rating", i -> "/api/stations/" + YearGenerator.stationId(i) + "/ratings/"
                                                + (firstYear + i % (lastYear - firstYear + 1)));
        queries.put("inspection list", i -> "/api/inspections?stationId=" + YearGenerator.stationId(i));
        queries.put("burden dashboard", i -> burdenPath.replace("{year}", Integer.toString(lastYear)));
        return queries;
    }
}
