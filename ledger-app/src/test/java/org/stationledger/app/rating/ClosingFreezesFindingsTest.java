package org.stationledger.app.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;
import org.stationledger.command.assessment.Cycles;

/**
 * Closing a cycle freezes its findings, also against commands running at the same moment, on any node: a close
 * waits for the findings whose commands saw the cycle open, and a finding sent meanwhile waits for the close and is
 * then refused. Without that, a finding that read the cycle open could be stored after the close.
 */
class ClosingFreezesFindingsTest extends IntegrationTest {

    private static final int YEAR = 2053;
    private static final String STATION = "FRZ-53";
    private static final String OBSERVED = Instant.now().minus(Duration.ofHours(1)).toString();

    @Autowired
    private Cycles cycles;

    @Autowired
    private PlatformTransactionManager transactions;

    /** Each of the three parties blocks in turn: a thread each (the common pool may have only one). */
    private final ExecutorService parties = Executors.newFixedThreadPool(3);

    @AfterEach
    void stopParties() {
        parties.shutdownNow();
    }

    @Test
    void aCloseWaitsForAFindingInFlightAndAFindingSentMeanwhileIsRefused() throws Exception {
        Api coord = as("coord");
        Api crim = as("crim");
        ensureDepartment("CRIMINAL-INVESTIGATION");
        ensureStation(STATION, "URBAN");
        ok(coord.post("/api/cycles", Map.of("year", YEAR, "commentWindowDays", 10)));
        ok(crim.post("/api/cycles/" + YEAR + "/indicators", Map.of("indicatorId", "CRIM-53", "title", "Case files",
                "maxPoints", 100, "kind", "SCORED")));
        ok(coord.post("/api/cycles/" + YEAR + "/publish"));
        ok(crim.post("/api/cycles/" + YEAR + "/plan-items", Map.of("planItemId", "PI-53", "stationIds",
                List.of(STATION), "from", YEAR + "-03-01", "to", YEAR + "-03-31", "kind", "COMPREHENSIVE",
                "indicatorIds", List.of("CRIM-53"))));
        ok(coord.post("/api/cycles/" + YEAR + "/plan/approve", Map.of()));
        String inspectionId = crim.post("/api/inspections", Map.of("stationId", STATION, "date", YEAR + "-03-15",
                "planItemId", "PI-53")).text("inspectionId");

        // A finding's command in flight: it has read the cycle open, in a transaction that has not committed yet.
        CountDownLatch commitTheFinding = new CountDownLatch(1);
        CountDownLatch findingHasReadTheCycle = new CountDownLatch(1);
        CompletableFuture<Boolean> inFlight = CompletableFuture.supplyAsync(() ->
                new TransactionTemplate(transactions).execute(status -> {
                    boolean open = cycles.cycleToChange(YEAR).orElseThrow().isOpen();
                    findingHasReadTheCycle.countDown();
                    await(commitTheFinding);
                    return open;
                }), parties);
        assertThat(findingHasReadTheCycle.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Api.Response> close = CompletableFuture.supplyAsync(() ->
                coord.post("/api/cycles/" + YEAR + "/close"), parties);
        awaitWaitingForTheYear(1);
        CompletableFuture<Api.Response> lateFinding = CompletableFuture.supplyAsync(() ->
                crim.post("/api/inspections/" + inspectionId + "/findings", Map.of("indicatorId", "CRIM-53",
                        "deduction", "5", "note", "Sent as the cycle closes", "observedAt", OBSERVED)), parties);
        awaitWaitingForTheYear(2);
        assertThat(close).as("the close waits for the finding in flight").isNotDone();
        assertThat(lateFinding).as("the finding sent meanwhile waits for the close").isNotDone();

        commitTheFinding.countDown();
        assertThat(inFlight.get(30, TimeUnit.SECONDS)).as("the finding in flight saw the cycle open").isTrue();
        Api.Response closed = close.get(30, TimeUnit.SECONDS);
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        Api.Response refused = lateFinding.get(30, TimeUnit.SECONDS);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body().path("code").asText()).isEqualTo("cycle-closed");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry
                WHERE payloadtype LIKE '%.FindingRecorded' AND aggregateidentifier LIKE ?""", Long.class,
                "%" + inspectionId)).as("no finding stored for the closed year").isZero();
    }

    /** Until {@code count} requests wait for the year's status lock (a close, a finding). */
    private void awaitWaitingForTheYear(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (jdbc.queryForObject("""
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = ?
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""",
                Long.class, YEAR) < count) {
            assertThat(System.nanoTime()).as("%d requests waiting for the %d status", count, YEAR).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }
}
