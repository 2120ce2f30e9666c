package org.stationledger.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Station Ledger's national-scale benchmark: generates assessment years through the real command path, measures
 * commands (in-process and over HTTP), projection rebuilds, query latency and read-model lag, each against a raw
 * PostgreSQL baseline measured in the same run, and writes the table to a Markdown report. Run it with
 * {@code bench/run}; see docs/benchmarks.md.
 */
public final class BenchMain {

    static final String BEGIN = "<!-- bench:results:begin -->";
    static final String END = "<!-- bench:results:end -->";
    /** What a dashboard screen loads: departments, totals and the first page of stations. */
    private static final String BURDEN_PATH = "/api/burden/{year}?stationLimit=100";

    private final BenchOptions options;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String[]> generation = new ArrayList<>();
    private final AtomicLong peakHeap = new AtomicLong();
    /** The most heap still in use right after a collection: what the ledger really needed at its busiest. */
    private final AtomicLong peakAfterCollection = new AtomicLong();
    /** Something went wrong (a command failed, the gate answered unexpectedly, a rebuild disagreed): exit 1. */
    private boolean broken;

    private BenchMain(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int status = new BenchMain(options).run();
        System.exit(status);
    }

    private int run() throws Exception {
        ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
        Thread heapWatch = watchHeap();
        int lastYear = Year.now(ZoneOffset.UTC).getValue() - 1;
        int firstYear = lastYear - options.years + 1;
        log("Station Ledger benchmark: %d stations, %d year(s) %d-%d, %d threads, %d query clients, %s%s",
                options.stations, options.years, firstYear, lastYear, options.threads, options.clients,
                options.dbUrl == null ? "embedded PostgreSQL" : options.dbUrl, options.smoke ? " (smoke)" : "");
        long bootStart = System.nanoTime();
        try (LedgerUnderTest ledger = LedgerUnderTest.start(options)) {
            log("Ledger up in %.1f s on 127.0.0.1:%d", (System.nanoTime() - bootStart) / 1e9, ledger.port);
            if (options.rebuildsOnly) {
                return rebuildsOnly(ledger);
            }
            if (options.queriesOnly) {
                return queriesOnly(ledger);
            }
            if (ledger.eventCount() > 0) {
                System.err.println("The database already holds events; the benchmark needs an empty ledger.");
                return 2;
            }
            Map<String, String> machine = machine(ledger);
            HttpClient http = httpClient();
            YearGenerator generator = new YearGenerator(ledger.commands, options.stations, options.threads);
            Channel inProcess = new Channel.InProcess(ledger.commands);
            Channel overHttp = new Channel.Http(http, ledger.port, false);
            Channel overHttpDeferred = new Channel.Http(http, ledger.port, true);

            generated(generator.registry(), "registry");
            Bench.Phase commandsInProcess = null;
            Bench.Phase commandsWithoutProjections = null;
            Bench.Phase commandsHttp = null;
            Bench.Phase commandsHttpDeferred = null;
            Measurements.LagWatcher lag = null;
            double lagRate = 0;
            Map<String, Measurements.QueryResult> queriesOneYear = null;
            Map<String, Measurements.QueryResult> queriesAllYears = null;
            for (int year = firstYear; year <= lastYear; year++) {
                generated(generator.openAndPlan(year), year + "");
                Map<Integer, String> appealable = YearGenerator.newAppealable();
                // The timed command phases run in the last year: the JVM is warm and the earlier years are loaded.
                if (year == lastYear) {
                    int a = (int) (options.stations * 0.3);
                    int b = (int) (options.stations * 0.5);
                    int bc = (int) (options.stations * 0.65);
                    int c = (int) (options.stations * 0.8);
                    ledger.awaitProjections(3_600_000);
                    commandsInProcess = generated(generator.season("season in-process", year, 0, a, inProcess,
                            new Bench.RateLimiter(0), YearGenerator.NOTHING, appealable), year + "");
                    ledger.awaitProjections(3_600_000);
                    // As a command node of a scale-out would run: no projections on the node (they catch up after).
                    ledger.pauseProjections();
                    commandsWithoutProjections = generated(generator.season("season in-process, projections paused",
                            year, a, b, inProcess, new Bench.RateLimiter(0), YearGenerator.NOTHING, appealable),
                            year + "");
                    ledger.resumeProjections();
                    ledger.awaitProjections(3_600_000);
                    warmUpHttp(http, ledger.port);
                    commandsHttp = generated(generator.season("season over HTTP", year, b, bc, overHttp,
                            new Bench.RateLimiter(0), YearGenerator.NOTHING, appealable), year + "");
                    ledger.awaitProjections(3_600_000);
                    commandsHttpDeferred = generated(generator.season("season over HTTP, read-your-writes deferred",
                            year, bc, c, overHttpDeferred, new Bench.RateLimiter(0), YearGenerator.NOTHING, appealable),
                            year + "");
                    ledger.awaitProjections(3_600_000);
                    lagRate = commandsInProcess.perSecond() / 2;
                    try (Measurements.LagWatcher watcher = new Measurements.LagWatcher(ledger)) {
                        lag = watcher;
                        generated(generator.season(String.format("season in-process at %.0f/s (lag)", lagRate), year,
                                c, options.stations, inProcess, new Bench.RateLimiter(lagRate), watcher, appealable),
                                year + "");
                    }
                } else {
                    generated(generator.season("season in-process", year, 0, options.stations, inProcess,
                            new Bench.RateLimiter(0), YearGenerator.NOTHING, appealable), year + "");
                }
                generated(generator.closeAndFinalise(year, appealable), year + "");
                ledger.awaitProjections(3_600_000);
                log("Year %d generated: %,d events in the store", year, ledger.eventCount());
                if (year == firstYear) {
                    queriesOneYear = queries(ledger, http, firstYear, firstYear);
                }
            }
            if (options.years > 1) {
                queriesAllYears = queries(ledger, http, firstYear, lastYear);
            }
            List<Measurements.ReportDownload> reports = reports(ledger, http, lastYear);
            if (generator.unexpected.sum() > 0) {
                broken = true;
                notes.add("The gate answered unexpectedly " + generator.unexpected.sum() + " times, e.g. "
                          + generator.unexpectedExamples);
            }

            long events = ledger.eventCount();
            double eventBytes = Measurements.averageEventBytes(ledger);
            log("Raw baselines on %,d events (%.0f bytes of payload and metadata each on average)", events, eventBytes);
            Bench.Phase rawInsert = Measurements.rawInsert(ledger, options.threads, options.seconds);
            log("  raw single-row INSERT, %d threads: %,.0f rows/s", options.threads, rawInsert.perSecond());
            Bench.Phase rawSelect = Measurements.rawSequentialRead(ledger);
            log("  raw sequential SELECT: %,.0f rows/s", rawSelect.perSecond());
            Bench.Latencies rawQuery = Measurements.rawPointQuery(ledger, options.clients, options.stations,
                    options.seconds);
            log("  raw primary-key SELECT, %d clients: p50 %.2f ms, p99 %.2f ms", options.clients,
                    rawQuery.percentileMillis(50), rawQuery.percentileMillis(99));

            List<Measurements.Rebuild> rebuilds = rebuilds(ledger);
            List<Measurements.ApiRebuild> apiRebuilds = apiRebuilds(ledger, http);

            System.gc();
            long liveHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            heapWatch.interrupt();

            table(rawInsert, rawSelect, rawQuery, commandsInProcess, commandsWithoutProjections, commandsHttp,
                    commandsHttpDeferred, lag, lagRate, rebuilds, apiRebuilds,
                    queriesOneYear, queriesAllYears, reports, liveHeap);
            String report = report(started, machine, events, eventBytes, firstYear, lastYear);
            System.out.println();
            System.out.println(report);
            write(report);
            if (broken) {
                System.err.println("The benchmark ran into errors; see the notes in the report.");
            }
            return broken ? 1 : 0;
        }
    }

    /**
     * Only the rebuilds, against the raw sequential read, on a ledger that already holds events (e.g. the database
     * an earlier run with --db-url left): seconds instead of minutes when working on a projection's speed.
     */
    private int rebuildsOnly(LedgerUnderTest ledger) throws java.sql.SQLException {
        long events = ledger.eventCount();
        if (events == 0) {
            System.err.println("--rebuilds-only needs a ledger that holds events (--db-url of an earlier run).");
            return 2;
        }
        ledger.awaitProjections(3_600_000);
        Bench.Phase rawSelect = Measurements.rawSequentialRead(ledger);
        log("Raw sequential SELECT of %,d events: %,.0f rows/s", events, rawSelect.perSecond());
        HttpClient http = httpClient();
        warmUpHttp(http, ledger.port);
        // The first round runs on a cold JVM (the JIT compiler takes a core); a benchmark's rebuilds run warm.
        for (String round : List.of("cold", "warm")) {
            log("Round %s:", round);
            for (Measurements.Rebuild rebuild : rebuilds(ledger)) {
                log("  %-12s ratio %.2f to the raw read%s", rebuild.projection(),
                        rebuild.perSecond() / rawSelect.perSecond(),
                        rebuild.rowsBefore() == rebuild.rowsAfter() ? "" : "  ROWS DIFFER");
            }
            for (Measurements.ApiRebuild rebuild : apiRebuilds(ledger, http)) {
                log("  %-12s through the API, ratio %.2f to the raw read", rebuild.projection(),
                        rebuild.perSecond() / rawSelect.perSecond());
            }
        }
        return 0;
    }

    /**
     * Only the query loads, on a ledger that already holds years (the database of an earlier --db-url run), with
     * the raw primary-key baseline: seconds instead of minutes when working on a query's speed.
     */
    private int queriesOnly(LedgerUnderTest ledger) {
        Integer firstYear = ledger.jdbc.queryForObject("SELECT min(year) FROM read_rating_cycle", Integer.class);
        Integer lastYear = ledger.jdbc.queryForObject("SELECT max(year) FROM read_rating_cycle", Integer.class);
        Integer stations = ledger.jdbc.queryForObject("SELECT count(*) FROM read_rating_station", Integer.class);
        if (firstYear == null || stations < 10) {
            System.err.println("--queries-only needs a ledger that holds years of at least 10 stations.");
            return 2;
        }
        options.stations = stations; // the clients pick among every station
        ledger.awaitProjections(3_600_000);
        HttpClient http = httpClient();
        warmUpHttp(http, ledger.port);
        Bench.Latencies rawQuery = Measurements.rawPointQuery(ledger, options.clients, options.stations,
                options.seconds);
        log("Raw primary-key SELECT, %d clients: p50 %.2f ms, p99 %.2f ms", options.clients,
                rawQuery.percentileMillis(50), rawQuery.percentileMillis(99));
        // The first round runs on a cold JVM; the benchmark's own query phases run warm.
        for (String round : List.of("cold", "warm")) {
            log("Round %s, years %d-%d loaded:", round, firstYear, lastYear);
            queries(ledger, http, firstYear, lastYear);
        }
        return 0;
    }

    private static HttpClient httpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(4, runnable -> {
                    Thread thread = new Thread(runnable, "bench-http");
                    thread.setDaemon(true);
                    return thread;
                })).build();
    }

    private List<Measurements.Rebuild> rebuilds(LedgerUnderTest ledger) {
        List<Measurements.Rebuild> rebuilds = new ArrayList<>();
        for (String projection : projections()) {
            Measurements.Rebuild rebuild = Measurements.rebuild(ledger, projection);
            rebuilds.add(rebuild);
            log("  rebuild %-12s %,.0f events/s (%,d events in %.1f s; %s rows %,d -> %,d)", projection,
                    rebuild.perSecond(), rebuild.events(), rebuild.nanos() / 1e9, rebuild.table(),
                    rebuild.rowsBefore(), rebuild.rowsAfter());
        }
        ledger.awaitProjections(600_000);
        return rebuilds;
    }

    private List<Measurements.ApiRebuild> apiRebuilds(LedgerUnderTest ledger, HttpClient http) {
        List<Measurements.ApiRebuild> rebuilds = new ArrayList<>();
        for (String projection : projections()) {
            Measurements.ApiRebuild rebuild = Measurements.apiRebuild(ledger, http, projection);
            rebuilds.add(rebuild);
            log("  rebuild %-12s through the API %,.0f events/s (%,d events in %.1f s; %s%s)", projection,
                    rebuild.perSecond(), rebuild.events(), rebuild.nanos() / 1e9, rebuild.status(),
                    rebuild.sound() ? ", equal to the live tables" : ": " + rebuild.error());
        }
        return rebuilds;
    }

    /** The projections to rebuild: every one, or those --projection names. */
    private List<String> projections() {
        return LedgerUnderTest.PROJECTIONS.stream()
                .filter(projection -> options.projections.isEmpty() || options.projections.contains(projection))
                .toList();
    }

    // ---------------------------------------------------------------- phases

    /**
     * The first requests initialise Spring MVC and open connections, and each user's first request checks the
     * password against its bcrypt hash (~90 ms of CPU, once per process: a running ledger has done it long before);
     * keep that out of the measured phase by signing every user in.
     */
    private void warmUpHttp(HttpClient http, int port) {
        Bench.Counter ignored = new Bench.Counter();
        List<String> users = new ArrayList<>(Channel.DEPARTMENT_USERS.values());
        users.add("coord");
        Bench.parallel("warm-up", options.threads, Math.max(options.threads * 5, users.size()), ignored, i -> {
            try {
                http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                                + "/api/inspections?limit=1"))
                        .header("Authorization", Channel.Http.basic(users.get(i % users.size())))
                        .GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, 120);
    }

    private Bench.Phase generated(Bench.Phase phase, String year) {
        generation.add(new String[]{year, phase.name(), String.format("%,d", phase.operations()),
                String.format("%.1f", phase.seconds()), String.format("%,.0f", phase.perSecond()),
                phase.errors() == 0 ? "" : phase.errors() + " " + phase.firstErrors()});
        log("  %-4s %-40s %,8d commands in %7.1f s = %,8.0f/s%s", year, phase.name(), phase.operations(),
                phase.seconds(), phase.perSecond(), phase.errors() == 0 ? "" : "  ERRORS " + phase.errors() + " "
                                                                             + phase.firstErrors());
        if (phase.errors() > 0) {
            broken = true;
            notes.add(phase.name() + " (" + year + "): " + phase.errors() + " commands failed, e.g. "
                      + phase.firstErrors());
        }
        return phase;
    }

    private Map<String, Measurements.QueryResult> queries(LedgerUnderTest ledger, HttpClient http, int firstYear,
                                                         int lastYear) {
        Map<String, Measurements.QueryResult> results = new LinkedHashMap<>();
        Map<String, IntFunction<String>> queries = Measurements.queries(lastYear, firstYear, BURDEN_PATH);
        queries.forEach((name, path) -> {
            var result = Measurements.queryLoad(http, ledger.port, name, path, options.stations, options.clients,
                    options.seconds, name.equals("burden dashboard") || name.equals(Measurements.HTTP_FLOOR));
            results.put(name, result);
            if (result.skipped()) {
                log("  query %-20s %s", name, result.note());
            } else {
                log("  query %-20s %d year(s): %,d requests, p50 %.1f ms, p99 %.1f ms%s", name,
                        lastYear - firstYear + 1, result.latencies().count(), result.latencies().percentileMillis(50),
                        result.latencies().percentileMillis(99),
                        result.errors() == 0 ? "" : ", " + result.errors() + " errors: " + result.note());
            }
        });
        return results;
    }

    private List<Measurements.ReportDownload> reports(LedgerUnderTest ledger, HttpClient http, int year) {
        log("Statistics reports of %d, as the co-ordinating office downloads them:", year);
        List<Measurements.ReportDownload> downloads = Measurements.reports(http, ledger.port, year,
                YearGenerator.stationId(0));
        for (Measurements.ReportDownload download : downloads) {
            log("  report %-50s %s", download.name(), reportResult(download));
        }
        return downloads;
    }

    private static String reportResult(Measurements.ReportDownload download) {
        return download.status() == 200
                ? String.format("%,.0f ms, %,.1f KiB", download.nanos() / 1e6, download.bytes() / 1024.0)
                : "answered " + download.status();
    }

    // ---------------------------------------------------------------- the table

    private void table(Bench.Phase rawInsert, Bench.Phase rawSelect, Bench.Latencies rawQuery,
                       Bench.Phase inProcess, Bench.Phase withoutProjections, Bench.Phase http,
                       Bench.Phase httpDeferred,
                       Measurements.LagWatcher lag, double lagRate,
                       List<Measurements.Rebuild> rebuilds, List<Measurements.ApiRebuild> apiRebuilds,
                       Map<String, Measurements.QueryResult> oneYear,
                       Map<String, Measurements.QueryResult> allYears,
                       List<Measurements.ReportDownload> reports, long liveHeap) {
        double insertRate = rawInsert.perSecond();
        double selectRate = rawSelect.perSecond();
        row("raw baseline: single-row autocommit INSERT, " + options.threads + " threads", rate(insertRate, "rows"),
                "—", "1.00", "—", "");
        row("raw baseline: sequential SELECT of domainevententry", rate(selectRate, "rows"), "—", "1.00", "—", "");
        row("raw baseline: primary-key SELECT, " + options.clients + " clients", latency(rawQuery), "—", "—", "—", "");
        ratioRow("commands in-process (gateway, " + options.threads + " threads, season mix)", inProcess.perSecond(),
                insertRate, "commands", 0.50, "raw INSERT");
        row("commands in-process, projections paused (as on a command node of a scale-out)",
                rate(withoutProjections.perSecond(), "commands"), "raw INSERT",
                String.format("%.2f", withoutProjections.perSecond() / insertRate), "— (shows what the projections cost)",
                "");
        ratioRow("commands over HTTP (" + options.threads + " clients, read-your-writes on)", http.perSecond(),
                insertRate, "commands", 0.30, "raw INSERT");
        ratioRow("commands over HTTP, read-your-writes deferred to the reads (Prefer header)", httpDeferred.perSecond(),
                insertRate, "commands", 0.30, "raw INSERT");
        for (Measurements.Rebuild rebuild : rebuilds) {
            double ratio = rebuild.perSecond() / selectRate;
            boolean met = ratio >= 0.25 && rebuild.perSecond() >= 40_000;
            row("projection rebuild: " + rebuild.projection(), rate(rebuild.perSecond(), "events"),
                    "raw SELECT", String.format("%.2f", ratio), "≥ 0.25 and ≥ 40,000/s", met ? "met" : "missed");
            if (rebuild.rowsBefore() != rebuild.rowsAfter()) {
                broken = true;
                notes.add("Rebuild of " + rebuild.projection() + " left " + rebuild.rowsAfter() + " rows in "
                          + rebuild.table() + ", not " + rebuild.rowsBefore()
                          + (rebuild.missingBefore().isEmpty() ? "" : "; missing before the rebuild: "
                                                                      + rebuild.missingBefore()));
            }
        }
        for (Measurements.ApiRebuild rebuild : apiRebuilds) {
            row("projection rebuild through the API (shadow schema, the live one serving): " + rebuild.projection(),
                    rate(rebuild.perSecond(), "events"), "raw SELECT",
                    String.format("%.2f", rebuild.perSecond() / selectRate), "— (what an operator waits for)", "");
            if (!rebuild.sound()) {
                broken = true;
                notes.add("Rebuild of " + rebuild.projection() + " through the API ended " + rebuild.status()
                          + (rebuild.equal() ? "" : ", not equal to the live tables")
                          + (rebuild.error() == null ? "" : ": " + rebuild.error()));
            }
        }
        queryRows(oneYear, allYears, rawQuery);
        for (Measurements.ReportDownload report : reports) {
            row("report of the last year: " + report.name(), reportResult(report), "—", "—", "—", "");
            if (report.status() != 200) {
                broken = true;
                notes.add("Report " + report.name() + " answered " + report.status());
            }
        }
        double lagP99 = lag.lags.percentileMillis(99);
        row(String.format("read-model lag at %.0f commands/s (half the in-process max), %,d commands", lagRate,
                        lag.lags.count()), latency(lag.lags), "—", "—", "p99 ≤ 250 ms",
                lag.lags.count() == 0 ? "n/a" : lagP99 <= 250 ? "met" : "missed");
        if (lag.unseen() > 0) {
            notes.add(lag.unseen() + " commands of the lag phase were never seen in the read model within a minute");
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long max = memory.getHeapMemoryUsage().getMax();
        row("server heap (whole benchmark JVM)", String.format("peak used %,d MiB (garbage included), most in use "
                        + "right after a collection %,d MiB, live at the end %,d MiB", peakHeap.get() >> 20,
                        peakAfterCollection.get() >> 20, liveHeap >> 20), "max " + (max >> 20) + " MiB", "—", "≤ 1 GiB",
                max <= 1L << 30 ? "met" : "heap limit above 1 GiB");
    }

    private void queryRows(Map<String, Measurements.QueryResult> oneYear,
                           Map<String, Measurements.QueryResult> allYears, Bench.Latencies rawQuery) {
        Measurements.QueryResult oneYearFloor = oneYear.get(Measurements.HTTP_FLOOR);
        Measurements.QueryResult allYearsFloor = allYears == null ? null : allYears.get(Measurements.HTTP_FLOOR);
        if (oneYearFloor.skipped()) {
            notes.add("HTTP floor: " + oneYearFloor.note());
        } else {
            row("raw baseline: the HTTP stack's floor, GET /api/me (sign-in, no database), 1 year loaded, "
                + options.clients + " clients", queryLatency(oneYearFloor), "—", "—", "—", "");
            if (allYearsFloor != null) {
                row("raw baseline: the HTTP stack's floor, " + options.years + " years loaded",
                        queryLatency(allYearsFloor), "—", "—", "—", "");
            }
        }
        for (String name : oneYear.keySet()) {
            Measurements.QueryResult one = oneYear.get(name);
            Measurements.QueryResult all = allYears == null ? null : allYears.get(name);
            if (name.equals(Measurements.HTTP_FLOOR)) {
                continue;
            }
            if (one.skipped()) {
                row("query: " + name, "skipped", "—", "—", "p99 ≤ 20 ms", "n/a");
                notes.add("Query " + name + ": " + one.note());
                continue;
            }
            double p99One = one.latencies().percentileMillis(99);
            row("query: " + name + ", 1 year loaded, " + options.clients + " clients", queryLatency(one),
                    "raw PK SELECT" + floorBaseline(oneYearFloor),
                    String.format("p99 × %.1f", p99One / rawQuery.percentileMillis(99))
                    + floorRatio(oneYearFloor, p99One),
                    "p99 ≤ 20 ms", p99One <= 20 ? "met" : "missed");
            if (all != null && !all.skipped()) {
                double p99All = all.latencies().percentileMillis(99);
                row("query: " + name + ", " + options.years + " years loaded", queryLatency(all),
                        "same query, 1 year" + floorBaseline(allYearsFloor),
                        String.format("p99 × %.2f", p99All / p99One) + floorRatio(allYearsFloor, p99All),
                        "p99 ≤ 20 ms, ≤ 1.5× 1 year", (p99All <= 20 ? "20 ms met" : "20 ms missed") + ", "
                                                       + (p99All / p99One <= 1.5 ? "1.5× met" : "1.5× missed"));
            }
            for (var result : all == null ? List.of(one) : List.of(one, all)) {
                if (result.errors() > 0) {
                    broken = true;
                    notes.add("Query " + name + ": " + result.errors() + " errors, e.g. " + result.note());
                }
            }
        }
    }

    private void ratioRow(String what, double value, double baseline, String unit, double target, String against) {
        double ratio = value / baseline;
        row(what, rate(value, unit), against, String.format("%.2f", ratio), String.format("≥ %.2f", target),
                ratio >= target ? "met" : "missed");
    }

    private void row(String... cells) {
        rows.add(cells);
    }

    private static String rate(double perSecond, String unit) {
        return String.format("%,.0f %s/s", perSecond, unit);
    }

    /** The HTTP floor as a second baseline, when it was measured. */
    private static String floorBaseline(Measurements.QueryResult floor) {
        return floor == null || floor.skipped() ? "" : "; HTTP floor";
    }

    /** The multiple of the HTTP floor's p99 that {@code p99} is, when the floor was measured. */
    private static String floorRatio(Measurements.QueryResult floor, double p99) {
        return floor == null || floor.skipped() ? ""
                : String.format("; × %.1f", p99 / floor.latencies().percentileMillis(99));
    }

    private String queryLatency(Measurements.QueryResult result) {
        return latency(result.latencies()) + String.format(", %,.0f/s", result.latencies().count() / options.seconds);
    }

    private static String latency(Bench.Latencies latencies) {
        return String.format("p50 %.1f ms, p99 %.1f ms", latencies.percentileMillis(50),
                latencies.percentileMillis(99));
    }

    // ---------------------------------------------------------------- report

    private String report(ZonedDateTime started, Map<String, String> machine, long events, double eventBytes,
                          int firstYear, int lastYear) {
        StringBuilder md = new StringBuilder();
        md.append(BEGIN).append('\n');
        md.append("## Results").append(options.smoke ? " (smoke run: tiny, for CI only)" : "").append("\n\n");
        md.append("Run of ").append(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(", written by `bench/run`; replaced on every full run.\n\n");
        md.append("| machine | |\n|---|---|\n");
        machine.forEach((key, value) -> md.append("| ").append(key).append(" | ").append(value).append(" |\n"));
        md.append("\n| settings | |\n|---|---|\n");
        settings(events, eventBytes, firstYear, lastYear).forEach((key, value) ->
                md.append("| ").append(key).append(" | ").append(value).append(" |\n"));
        md.append("\n| measure | value | baseline | ratio | target | |\n|---|---|---|---|---|---|\n");
        for (String[] row : rows) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        md.append("\nGeneration through the command path (each phase's commands per second):\n\n");
        md.append("| year | phase | commands | s | per s | errors |\n|---|---|---|---|---|---|\n");
        for (String[] row : generation) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\nNotes:\n\n");
            notes.forEach(note -> md.append("- ").append(note.replace('\n', ' ')).append('\n'));
        }
        md.append(END).append('\n');
        return md.toString();
    }

    private Map<String, String> settings(long events, double eventBytes, int firstYear, int lastYear) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("command", "`bench/run " + String.join(" ", argsSummary()) + "`");
        if (!options.label.isBlank()) {
            settings.put("label", options.label);
        }
        settings.put("scale", String.format("%,d stations, %d year(s) (%d–%d), %,d events stored, %.0f bytes of "
                                            + "payload and metadata per event on average", options.stations,
                options.years, firstYear, lastYear, events, eventBytes));
        settings.put("load", options.threads + " command threads / HTTP clients, " + options.clients
                             + " query clients, " + options.seconds + " s per timed query and raw phase");
        if (!options.ledgerProperties.isEmpty()) {
            settings.put("ledger properties", options.ledgerProperties.toString());
        }
        return settings;
    }

    private List<String> argsSummary() {
        List<String> args = new ArrayList<>();
        if (options.smoke) {
            args.add("--smoke");
        }
        args.add("--stations " + options.stations);
        args.add("--years " + options.years);
        options.ledgerProperties.forEach((key, value) -> args.add("--set " + key + "=" + value));
        return args;
    }

    private Map<String, String> machine(LedgerUnderTest ledger) {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cpus (nproc)", Runtime.getRuntime().availableProcessors() + " × " + cpuModel());
        machine.put("memory", memTotal());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                            + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("PostgreSQL", ledger.jdbc.queryForObject("SHOW server_version", String.class)
                                  + (options.dbUrl == null ? " (embedded, fresh temporary data folder)" : " (external)"));
        machine.put("durability", "fsync=" + show(ledger, "fsync") + ", synchronous_commit="
                                  + show(ledger, "synchronous_commit") + ", full_page_writes="
                                  + show(ledger, "full_page_writes") + ", shared_buffers=" + show(ledger, "shared_buffers"));
        String autovacuum = show(ledger, "autovacuum");
        machine.put("planner statistics", "autovacuum=" + autovacuum + ("off".equals(autovacuum)
                ? " (plans made while the tables were small stay in use: docs/operations.md, \"Autovacuum\")" : ""));
        machine.put("connection pool", "Hikari, " + ((com.zaxxer.hikari.HikariDataSource) ledger.dataSource)
                .getMaximumPoolSize() + " connections; JDBC URL " + ledger.jdbcUrl().replaceAll("password=[^&]*", "password=…"));
        machine.put("HTTP users", "HTTP Basic, passwords stored as {bcrypt} hashes (strength 10), as in a real deployment");
        return machine;
    }

    private static String show(LedgerUnderTest ledger, String setting) {
        return ledger.jdbc.queryForObject("SHOW " + setting, String.class);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                    .map(line -> String.format("%.1f GiB", Long.parseLong(line.replaceAll("\\D", "")) / 1048576.0))
                    .findFirst().orElse("?");
        } catch (Exception e) {
            return "?";
        }
    }

    /** Replaces the results section of the report file (keeping everything else), or creates it. */
    private void write(String results) throws Exception {
        Path out = options.out;
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        String existing = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        int begin = existing.indexOf(BEGIN);
        int end = existing.indexOf(END);
        String updated;
        if (begin >= 0 && end > begin) {
            int after = end + END.length();
            if (after < existing.length() && existing.charAt(after) == '\n') {
                after++;
            }
            updated = existing.substring(0, begin) + results + existing.substring(after);
        } else if (existing.isEmpty()) {
            updated = "# Station Ledger benchmark\n\n" + results;
        } else {
            updated = existing + (existing.endsWith("\n") ? "\n" : "\n\n") + results;
        }
        Files.writeString(out, updated, StandardCharsets.UTF_8);
        log("Report written to %s", out.toAbsolutePath());
    }

    private Thread watchHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                peakAfterCollection.accumulateAndGet(ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP
                                        && pool.getCollectionUsage() != null)
                        .mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-watch");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void log(String format, Object... args) {
        System.out.printf("[bench %s] %s%n", java.time.LocalTime.now().withNano(0), String.format(format, args));
        System.out.flush();
    }
}
