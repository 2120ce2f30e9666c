package org.stationledger.app.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;
import org.stationledger.command.station.RegistryCommands;

/** A POST retried with its Idempotency-Key is answered as the first time and writes nothing more. */
class IdempotencyTest extends IntegrationTest {

    @Autowired
    private IdempotencyKeys keys;
    @Autowired
    private IdempotencyFilter filter;
    @Autowired
    private CommandGateway commands;
    @Autowired
    private UserDetailsService users;

    @Test
    void aRetryGetsTheFirstAnswerAndWritesNothing() {
        Api coord = as("coord").withHeader("Idempotency-Key", "register-idem-1");
        Map<String, Object> department = Map.of("departmentId", "IDEM-1", "name", "Idempotent department");

        var first = coord.post("/api/departments", department);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long events = eventCount();

        var retry = coord.post("/api/departments", department);
        assertThat(retry.status()).isEqualTo(first.status());
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        // The position to present on a later GET, for read-your-writes, comes again.
        assertThat(first.header("X-Ledger-Position")).isNotBlank();
        assertThat(retry.header("X-Ledger-Position")).isEqualTo(first.header("X-Ledger-Position"));
        assertThat(eventCount()).isEqualTo(events);

        var withoutKey = as("coord").post("/api/departments", department);
        assertThat(withoutKey.text("code")).as("the same request without the key is a new request")
                .isEqualTo("duplicate-department");
    }

    /** Where the record is read comes again too, as the first answer gave it. */
    @Test
    void aRetryGetsTheFirstAnswersLocation() {
        ensureStation("SY-SH-ZJL", "URBAN");
        ensureDepartment("CRIMINAL-INVESTIGATION");
        assertThat(as("coord").post("/api/cycles", Map.of("year", 2069)).status()).isEqualTo(201);
        Api crim = as("crim").withHeader("Idempotency-Key", "inspect-location-1");
        Map<String, Object> request = Map.of("stationId", "SY-SH-ZJL", "date", "2069-06-01",
                "exception", Map.of("category", "PUBLIC_COMPLAINT", "justification", "Complaint of 30 May"));
        var first = crim.post("/api/inspections", request);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Location")).isNotBlank();

        var retry = crim.post("/api/inspections", request);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("X-Ledger-Position")).isEqualTo(first.header("X-Ledger-Position"));
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        Api coord = as("coord").withHeader("Idempotency-Key", "register-idem-2");
        assertThat(coord.post("/api/departments", Map.of("departmentId", "IDEM-2", "name", "Two")).status())
                .isEqualTo(201);
        long events = eventCount();

        var otherBody = coord.post("/api/departments", Map.of("departmentId", "IDEM-3", "name", "Three"));
        assertProblem(otherBody, 409, "idempotency-key-reused");
        var otherPath = coord.post("/api/stations", Map.of("departmentId", "IDEM-2", "name", "Two"));
        assertProblem(otherPath, 409, "idempotency-key-reused");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void keysBelongToTheirPrincipalAndARefusalThatWasRecordedIsKept() {
        ensureDepartment("CRIMINAL-INVESTIGATION");
        ensureDepartment("PUBLIC-SECURITY");
        ensureStation("SY-SH-ZJL", "URBAN");
        Map<String, Object> request = Map.of("stationId", "SY-SH-ZJL", "date", "2041-05-01");
        long events = eventCount();

        var crim = as("crim").withHeader("Idempotency-Key", "inspect-1").post("/api/inspections", request);
        var pubsec = as("pubsec").withHeader("Idempotency-Key", "inspect-1").post("/api/inspections", request);

        // No cycle is open for 2041: each department's attempt is blocked, and on the record.
        assertProblem(crim, 403, "inspection-blocked");
        assertProblem(pubsec, 403, "inspection-blocked");
        assertThat(pubsec.text("inspectionId")).isNotEqualTo(crim.text("inspectionId"));
        assertThat(eventCount()).isEqualTo(events + 2);

        var retry = as("crim").withHeader("Idempotency-Key", "inspect-1").post("/api/inspections", request);
        assertThat(retry.body()).isEqualTo(crim.body());
        assertThat(eventCount()).isEqualTo(events + 2);
    }

    @Test
    void aDuplicateWhileTheFirstIsBeingAnsweredIsRefusedAndItsLaterRetryGetsTheAnswer() throws Exception {
        Api coord = as("coord").withHeader("Idempotency-Key", "register-idem-4");
        Map<String, Object> department = Map.of("departmentId", "IDEM-4", "name", "Four");
        CompletableFuture<Api.Response> first;
        // Holding the department look-up table keeps the first request's command waiting for as long as needed.
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE cmd_department IN SHARE MODE");
            first = meanwhile(() -> coord.post("/api/departments", department));
            awaitClaimOf("register-idem-4");

            assertProblem(coord.post("/api/departments", department), 409, "idempotency-key-in-flight");
            assertProblem(coord.post("/api/departments", Map.of("departmentId", "IDEM-5", "name", "Five")), 409,
                    "idempotency-key-reused");
            blocker.commit();
        }
        var answer = first.get();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        long events = eventCount();

        var retry = coord.post("/api/departments", department);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(answer.body());
        assertThat(eventCount()).isEqualTo(events);
    }

    /**
     * A request still running past the in-flight timeout (its command stuck behind a lock) is taken over by its
     * retry; the retry waits for the first attempt's mark and, once that attempt has committed, carries nothing out
     * a second time, and the key keeps the first attempt's answer.
     */
    @Test
    void aRetryThatTakesOverARequestStillRunningDoesNotCarryItOutAgain() throws Exception {
        ensureStation("SY-SH-ZJL", "URBAN");
        ensureDepartment("CRIMINAL-INVESTIGATION");
        Api crim = as("crim").withHeader("Idempotency-Key", "takeover-1");
        Map<String, Object> request = Map.of("stationId", "SY-SH-ZJL", "date", "2067-05-01");
        long events = eventCount();
        CompletableFuture<Api.Response> first;
        CompletableFuture<Api.Response> retry;
        try (Connection year = dataSource.getConnection()) {
            // Holding 2067's status (CycleLookup's lock) keeps the first attempt waiting, its key marked, uncommitted.
            year.setAutoCommit(false);
            year.createStatement().execute("SELECT pg_advisory_xact_lock(x'4379636C'::int, 2067)");
            first = meanwhile(() -> crim.post("/api/inspections", request));
            awaitCount("the first attempt waiting for the year", 1, """
                    SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = 2067
                      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""");
            // As long past as the in-flight timeout: the retry takes the key over.
            jdbc.update("UPDATE idempotency_key SET created_at = created_at - interval '1 day' "
                        + "WHERE idempotency_key = 'takeover-1'");
            retry = meanwhile(() -> crim.post("/api/inspections", request));
            awaitCount("the retry waiting for the first attempt's mark", 1, """
                    SELECT count(*) FROM pg_stat_activity
                    WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO idempotency_carried_out%'""");
            year.commit();
        }

        assertProblem(first.get(60, TimeUnit.SECONDS), 403, "inspection-blocked");
        assertProblem(retry.get(60, TimeUnit.SECONDS), 409, "idempotency-key-in-flight");
        assertThat(eventCount()).as("the blocked attempt is on the record once").isEqualTo(events + 1);
        var later = crim.post("/api/inspections", request);
        assertProblem(later, 403, "inspection-blocked");
        assertThat(later.header("Idempotent-Replayed")).as("the first attempt's answer").isEqualTo("true");
    }

    @Test
    void aRequestCarriedOutWhoseAnswerWasLostIsNotRunAgain() {
        ensureStation("SY-SH-ZJL", "URBAN");
        ensureDepartment("CRIMINAL-INVESTIGATION");
        Api crim = as("crim").withHeader("Idempotency-Key", "inspect-lost-1");
        Map<String, Object> request = Map.of("stationId", "SY-SH-ZJL", "date", "2042-05-01");
        assertProblem(crim.post("/api/inspections", request), 403, "inspection-blocked");
        long events = eventCount();
        // As if the ledger had stopped after the command committed and before its answer was kept.
        unansweredSinceADayAgo("inspect-lost-1");

        var retry = crim.post("/api/inspections", request);
        assertProblem(retry, 409, "idempotency-key-answer-lost");
        assertThat(retry.text("instance")).isEqualTo("/api/inspections");
        assertThat(eventCount()).as("the blocked attempt is on the record once, not twice").isEqualTo(events);
    }

    @Test
    void aRequestWhoseCommandNeverCommittedRunsOnRetry() {
        ensureDepartment("CRIMINAL-INVESTIGATION");
        Api coord = as("coord").withHeader("Idempotency-Key", "register-refused-1");
        Map<String, Object> department = Map.of("departmentId", "CRIMINAL-INVESTIGATION", "name", "Again");
        assertProblem(coord.post("/api/departments", department), 409, "duplicate-department");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM idempotency_carried_out WHERE idempotency_key = 'register-refused-1'
                """, Long.class)).as("the refused command's mark was rolled back with it").isZero();
        // As if the ledger had stopped while the command ran, before it committed.
        unansweredSinceADayAgo("register-refused-1");

        var retry = coord.post("/api/departments", department);
        assertProblem(retry, 409, "duplicate-department");
        assertThat(retry.header("Idempotent-Replayed")).as("decided afresh, not replayed").isNull();
    }

    @Test
    void aKeyIsGivenUpWithoutAnAnswerOnlyIfItsCommandNeverCommitted() {
        byte[] request = {1, 2, 3};
        assertThat(keys.claim("coord", "released-1", request)).isInstanceOf(IdempotencyKeys.Claimed.class);
        assertThat(keys.release("coord", "released-1")).isEmpty();
        assertThat(keys.claim("coord", "released-1", request)).as("given up: the retry runs")
                .isInstanceOf(IdempotencyKeys.Claimed.class);

        assertThat(keys.claim("coord", "released-2", request)).isInstanceOf(IdempotencyKeys.Claimed.class);
        keys.carriedOut("coord", "released-2");
        assertThat(keys.release("coord", "released-2")).as("kept, with when its command was carried out")
                .hasValueSatisfying(carriedOutAt -> assertThat(carriedOutAt).isNotNull());
        unansweredSinceADayAgo("released-2");
        assertThat(keys.claim("coord", "released-2", request)).as("kept: the retry does not run the command again")
                .isInstanceOf(IdempotencyKeys.AnswerLost.class);
    }

    @Test
    void aRequestThatFailedAfterItsCommandCommittedIsNotRunAgainAndItsRetryIsToldAtOnce() throws Exception {
        byte[] body = "{\"departmentId\":\"IDEM-FAILED-1\",\"name\":\"Failed after commit\"}".getBytes(UTF_8);
        // The request's handler commits its command, then fails before it answers.
        FilterChain commitsThenFails = (request, response) -> {
            commands.sendAndWait(new RegistryCommands.RegisterDepartment("IDEM-FAILED-1", "Failed after commit"));
            ((HttpServletResponse) response).setStatus(500);
        };
        var first = postAsCoord("failed-after-commit-1", body, commitsThenFails);
        assertThat(first.getStatus()).isEqualTo(500);
        long events = eventCount();

        var ranAgain = new AtomicBoolean();
        var retry = postAsCoord("failed-after-commit-1", body, (request, response) -> ranAgain.set(true));
        assertThat(ranAgain).as("the request is not run again").isFalse();
        assertThat(retry.getStatus()).as("not in flight until the timeout: answered at once").isEqualTo(409);
        assertThat(retry.getContentType()).isEqualTo("application/problem+json");
        assertThat(retry.getContentAsString()).contains("\"code\":\"idempotency-key-answer-lost\"");
        assertThat(retry.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventCount()).as("the department was registered once").isEqualTo(events);
    }

    @Test
    void aBadKeyIsRefused() {
        var response = as("coord").withHeader("Idempotency-Key", "with space")
                .post("/api/departments", Map.of("departmentId", "IDEM-6", "name", "Six"));
        assertProblem(response, 400, "invalid-idempotency-key");
    }

    /** A keyed POST of the coordinator through the idempotency filter, answered by {@code handler}. */
    private MockHttpServletResponse postAsCoord(String key, byte[] body, FilterChain handler) throws Exception {
        var request = new MockHttpServletRequest("POST", "/api/departments");
        request.addHeader(IdempotencyFilter.KEY_HEADER, key);
        request.setContentType("application/json");
        request.setContent(body);
        var response = new MockHttpServletResponse();
        var coord = users.loadUserByUsername("coord");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(coord, null, coord.getAuthorities()));
        try {
            filter.doFilter(request, response, handler);
        } finally {
            SecurityContextHolder.clearContext();
        }
        return response;
    }

    /** The key's request as a stop leaves it: claimed long ago (past the in-flight timeout), never answered. */
    private void unansweredSinceADayAgo(String key) {
        jdbc.update("""
                UPDATE idempotency_key SET status = NULL, content_type = NULL, body = NULL,
                       created_at = created_at - interval '1 day'
                WHERE idempotency_key = ?
                """, key);
    }

    private void awaitClaimOf(String key) {
        awaitCount("the first request claimed its key", 1,
                "SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?", key);
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("code")).isEqualTo(code);
    }
}
