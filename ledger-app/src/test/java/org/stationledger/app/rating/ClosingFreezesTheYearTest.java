package org.stationledger.app.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;
import org.stationledger.command.assessment.Cycles;

/**
 * Closing a cycle freezes its findings, inspections and plan, also against commands running at the same moment, on
 * any node: a close waits for the commands that saw the cycle open, and one sent meanwhile waits for the close and is
 * then refused. Without that, a finding or an authorised inspection that read the cycle open could be stored after
 * the close.
 */
class ClosingFreezesTheYearTest extends IntegrationTest {

    private static final int YEAR = 2053;
    private static final String STATION = "FRZ-53";
    private static final String OBSERVED = Instant.now().minus(Duration.ofHours(1)).toString();

    @Autowired
    private Cycles cycles;

    @Autowired
    private PlatformTransactionManager transactions;



    @Test
    void aCloseWaitsForAFindingInFlightAndAFindingSentMeanwhileIsRefused() throws Exception {
        Api coord = as("coord");
        Api crim = as("crim");
        yearWithAnApprovedPlan(YEAR, STATION);
        String inspectionId = crim.post("/api/inspections", Map.of("stationId", STATION, "date", YEAR + "-03-15",
                "planItemId", "PI-53")).text("inspectionId");

        // A finding's command in flight: it has read the cycle open, in a transaction that has not committed yet.
        CountDownLatch commitTheFinding = new CountDownLatch(1);
        CompletableFuture<Boolean> inFlight = commandInFlight(YEAR, commitTheFinding);

        CompletableFuture<Api.Response> close = sentAsTheYearWaits(YEAR, 1, () ->
                coord.post("/api/cycles/" + YEAR + "/close"));
        CompletableFuture<Api.Response> lateFinding = sentAsTheYearWaits(YEAR, 2, () ->
                crim.post("/api/inspections/" + inspectionId + "/findings", Map.of("indicatorId", "CRIM-53",
                        "deduction", "5", "note", "Sent as the cycle closes", "observedAt", OBSERVED)));
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

    /**
     * A planned inspection, a plan item, and a late item's approval and another's rejection sent while the close
     * waits: each waits for the close and is then refused, the inspection blocked as out of the cycle (and recorded
     * so), the plan unchanged.
     */
    @Test
    void inspectionsAndPlanChangesSentAsTheCycleClosesWaitForTheCloseAndAreRefused() throws Exception {
        int year = 2055;
        String station = "FRZ-55";
        Api coord = as("coord");
        Api crim = as("crim");
        yearWithAnApprovedPlan(year, station);
        for (String lateItem : List.of("PI-55-A", "PI-55-B")) {
            proposePlanItem(crim, year, lateItem, List.of(station), year + "-09-01", year + "-09-30", "THEMATIC",
                    "CRIM-55");
        }

        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Boolean> inFlight = commandInFlight(year, commit);
        CompletableFuture<Api.Response> close = sentAsTheYearWaits(year, 1, () ->
                coord.post("/api/cycles/" + year + "/close"));
        CompletableFuture<Api.Response> lateInspection = sentAsTheYearWaits(year, 2, () ->
                crim.post("/api/inspections", Map.of("stationId", station, "date", year + "-03-15",
                        "planItemId", "PI-55")));
        CompletableFuture<Api.Response> latePlanItem = sentAsTheYearWaits(year, 3, () ->
                crim.post("/api/cycles/" + year + "/plan-items", Map.of("planItemId", "PI-55-LATE", "stationIds",
                        List.of(station), "from", year + "-06-01", "to", year + "-06-30", "kind", "THEMATIC",
                        "indicatorIds", List.of("CRIM-55"))));
        CompletableFuture<Api.Response> lateApproval = sentAsTheYearWaits(year, 4, () ->
                coord.post("/api/cycles/" + year + "/plan-items/PI-55-A/approve", Map.of()));
        CompletableFuture<Api.Response> lateRejection = sentAsTheYearWaits(year, 5, () ->
                coord.post("/api/cycles/" + year + "/plan-items/PI-55-B/reject", Map.of("reason", "Too late")));
        assertThat(lateInspection).as("the inspection request waits for the close").isNotDone();
        assertThat(latePlanItem).as("the plan item waits for the close").isNotDone();
        assertThat(lateApproval).as("the late item's approval waits for the close").isNotDone();
        assertThat(lateRejection).as("the rejection waits for the close").isNotDone();

        commit.countDown();
        assertThat(inFlight.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(close.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        Api.Response blocked = lateInspection.get(30, TimeUnit.SECONDS);
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(403);
        assertThat(blocked.text("code")).isEqualTo("inspection-blocked");
        assertThat(blocked.text("reasonCode")).isEqualTo("CYCLE_NOT_OPEN");
        for (CompletableFuture<Api.Response> planChange : List.of(latePlanItem, lateApproval, lateRejection)) {
            Api.Response refused = planChange.get(30, TimeUnit.SECONDS);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.text("code")).isEqualTo("cycle-closed");
        }
    }

    /**
     * The year open with one indicator of the criminal investigation department ({@code CRIM-yy}), published, and its
     * plan approved: one comprehensive item ({@code PI-yy}) at {@code station} in March.
     */
    private void yearWithAnApprovedPlan(int year, String station) {
        String yy = String.valueOf(year % 100);
        ensureDepartment("CRIMINAL-INVESTIGATION");
        ensureStation(station, "URBAN");
        ok(as("coord").post("/api/cycles", Map.of("year", year)));
        proposeIndicator(as("crim"), year, "CRIM-" + yy, 100, "SCORED");
        ok(as("coord").post("/api/cycles/" + year + "/publish"));
        proposePlanItem(as("crim"), year, "PI-" + yy, List.of(station), year + "-03-01", year + "-03-31",
                "COMPREHENSIVE", "CRIM-" + yy);
        ok(as("coord").post("/api/cycles/" + year + "/plan/approve", Map.of()));
    }

    /** A command that has read the year's cycle open, in a transaction that commits once {@code commit} opens. */
    private CompletableFuture<Boolean> commandInFlight(int year, CountDownLatch commit) throws InterruptedException {
        CountDownLatch hasReadTheCycle = new CountDownLatch(1);
        CompletableFuture<Boolean> inFlight = meanwhile(() ->
                new TransactionTemplate(transactions).execute(status -> {
                    boolean open = cycles.cycleToChange(year).orElseThrow().isOpen();
                    hasReadTheCycle.countDown();
                    await(commit);
                    return open;
                }));
        assertThat(hasReadTheCycle.await(30, TimeUnit.SECONDS)).isTrue();
        return inFlight;
    }

    /**
     * Sends {@code request} from a party of its own, and returns once it is the {@code waiting}-th request waiting for
     * the year's status lock.
     */
    private CompletableFuture<Api.Response> sentAsTheYearWaits(int year, int waiting, Supplier<Api.Response> request)
            throws InterruptedException {
        CompletableFuture<Api.Response> sent = meanwhile(request);
        awaitWaitingForTheYear(year, waiting);
        return sent;
    }

    /** Until {@code count} requests wait for the year's status lock (a close, a finding, an inspection...). */
    private void awaitWaitingForTheYear(int year, int count) {
        awaitCount(count + " requests waiting for the " + year + " status", count, """
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = ?
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""", year);
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
