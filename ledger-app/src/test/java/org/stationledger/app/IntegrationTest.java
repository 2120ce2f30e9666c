package org.stationledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the HTTP integration tests: the whole ledger on a random port against real PostgreSQL, one Spring context
 * shared by every test class. Test classes keep out of each other's way by using their own years and ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.http.allowed-origins=" + IntegrationTest.TRUSTED_ORIGIN,
                // No monthly publication in the middle of a test that counts the store's events.
                "ledger.reports.publish-cron=-",
                // A plan approval of three stations or more holds back the other appends, as a national one does.
                "ledger.event-store.large-append=4"})
@Import(TestClock.class)
public abstract class IntegrationTest {

    /** A web front end of another origin that the operator lets call the ledger. */
    protected static final String TRUSTED_ORIGIN = "https://trusted.example";

    @LocalServerPort
    int port;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected JdbcTemplate jdbc;

    /**
     * The key of the event table's append lock (V22, with 0 as its second key): a test holding it exclusively, as a
     * large append does, keeps every command waiting to store its events, its checks made.
     */
    protected static final int APPEND_LOCK = 1165389428;

    /** For a test that holds a lock or a transaction of its own while the ledger works. */
    @Autowired
    protected DataSource dataSource;

    @Autowired
    private EventProcessingConfiguration processing;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** The other parties of a concurrency test: a thread each, as each may block on a lock in turn. */
    private final ExecutorService parties = Executors.newCachedThreadPool();

    /** Sends {@code request} from a party of its own, while the test goes on. */
    protected <T> CompletableFuture<T> meanwhile(Supplier<T> request) {
        return CompletableFuture.supplyAsync(request, parties);
    }

    @AfterEach
    void stopParties() {
        parties.shutdownNow();
    }

    /** A projection's processor, for a test that stops it to show what its read model does meanwhile. */
    protected StreamingEventProcessor projection(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    /**
     * A projection a test stopped runs again, and has caught up, before the next test (the context, and its read
     * models, are shared): a read the next test makes at once would otherwise wait out the read-your-writes limit.
     */
    @AfterEach
    void runStoppedProjectionsAgain() throws InterruptedException {
        List<StreamingEventProcessor> stopped = processing.eventProcessors().values().stream()
                .filter(processor -> processor instanceof StreamingEventProcessor && !processor.isRunning())
                .map(StreamingEventProcessor.class::cast)
                .toList();
        stopped.forEach(StreamingEventProcessor::start);
        long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (StreamingEventProcessor processor : stopped) {
            int segments = jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ?",
                    Integer.class, processor.getName());
            while (processor.processingStatus().size() < segments || !processor.processingStatus().values().stream()
                    .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head)) {
                assertThat(System.nanoTime()).as(processor.getName() + " caught up again").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    protected Api as(String username) {
        return new Api(port, username, username + "-pass");
    }

    protected int port() {
        return port;
    }

    protected Api anonymous() {
        return new Api(port, null, null);
    }

    protected Api withPassword(String username, String password) {
        return new Api(port, username, password);
    }

    /** Registers a department unless an earlier test class did. */
    protected void ensureDepartment(String departmentId) {
        var response = as("coord").post("/api/departments", Map.of("departmentId", departmentId, "name", departmentId));
        assertThat(response.status()).as(response.toString()).isIn(201, 409);
    }

    /** Registers a station unless an earlier test class did. */
    protected void ensureStation(String stationId, String kind) {
        var response = as("coord").post("/api/stations", Map.of("stationId", stationId, "name", "Station " + stationId,
                "parent", "Shenyang PSB", "kind", kind, "areaKm2", 10.5, "population", 20000, "officers", 20,
                "auxiliaries", 10));
        assertThat(response.status()).as(response.toString()).isIn(201, 409);
    }

    /** Proposes an indicator of {@code department}'s for {@code year}'s scheme, titled after its id. */
    protected static void proposeIndicator(Api department, int year, String indicatorId, int maxPoints, String kind) {
        var response = department.post("/api/cycles/" + year + "/indicators", Map.of("indicatorId", indicatorId,
                "title", "Indicator " + indicatorId, "maxPoints", maxPoints, "kind", kind));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    /** Proposes a plan item of {@code department}'s for {@code year}, covering one of its indicators. */
    protected static void proposePlanItem(Api department, int year, String planItemId, List<String> stationIds,
                                          String from, String to, String kind, String indicatorId) {
        var response = department.post("/api/cycles/" + year + "/plan-items", Map.of("planItemId", planItemId,
                "stationIds", stationIds, "from", from, "to", to, "kind", kind, "indicatorIds", List.of(indicatorId)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    /**
     * Opens {@code year} with its scheme published: one SCORED indicator of the criminal investigation department's,
     * worth 100 points.
     */
    protected void openYearWithScheme(int year, String indicatorId) {
        ensureDepartment("CRIMINAL-INVESTIGATION");
        var opened = as("coord").post("/api/cycles", Map.of("year", year));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        proposeIndicator(as("crim"), year, indicatorId, 100, "SCORED");
        var published = as("coord").post("/api/cycles/" + year + "/publish");
        assertThat(published.status()).as(published.toString()).isBetween(200, 201);
    }

    /** The criminal investigation department's request for an exception at {@code stationId} on {@code date}. */
    protected Api.Response exceptionRequest(String stationId, String date) {
        return as("crim").post("/api/inspections", Map.of("stationId", stationId, "date", date,
                "exception", Map.of("category", "MAJOR_INCIDENT", "justification", "Fire")));
    }

    /** Such an exception, approved by the co-ordinating office, at a station registered if need be: its id. */
    protected String approvedException(String stationId, String date) {
        ensureStation(stationId, "URBAN");
        var requested = exceptionRequest(stationId, date);
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String inspectionId = requested.text("inspectionId");
        var approved = as("coord").post("/api/inspections/" + inspectionId + "/exception-decision",
                Map.of("approve", true, "reason", "Confirmed"));
        assertThat(approved.status()).as(approved.toString()).isBetween(200, 201);
        return inspectionId;
    }

    /** The criminal investigation department's finding in one of its inspections. */
    protected Api.Response finding(String inspectionId, String indicatorId, String deduction, String observedAt) {
        return as("crim").post("/api/inspections/" + inspectionId + "/findings", Map.of("indicatorId", indicatorId,
                "deduction", deduction, "note", "Files incomplete", "observedAt", observedAt));
    }

    /**
     * Waits, up to 30 seconds, until {@code countSql} counts {@code atLeast} or more: requests waiting for a lock of
     * the database, a row another party has written.
     */
    protected void awaitCount(String what, long atLeast, String countSql, Object... arguments) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.queryForObject(countSql, Long.class, arguments) >= atLeast);
    }

    /** How many events the store holds, as the auditor's trail counts them. */
    protected long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }
}
