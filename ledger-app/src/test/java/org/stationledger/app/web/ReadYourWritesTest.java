package org.stationledger.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;
import org.stationledger.app.LateEvents;
import org.stationledger.query.ProcessingGroups;

/**
 * A command's answer waits for the read models unless the client defers the wait; a read that presents the answer's
 * position waits for them instead. The stations projection is stopped to make the difference visible: its read model
 * then stays behind until it runs again.
 */
class ReadYourWritesTest extends IntegrationTest {

    @Test
    void aPostAnswersOnceItsChangeCanBeRead() {
        var registered = as("coord").post("/api/stations", station("RYW-1"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(Long.parseLong(registered.header("X-Ledger-Position"))).isGreaterThanOrEqualTo(0);
        assertThat(registered.header("Preference-Applied")).isNull();

        assertThat(as("coord").get("/api/stations/RYW-1").status()).isEqualTo(200);
    }

    @Test
    void aDeferredPostAnswersOnCommitAndAReadPresentingItsPositionWaitsForTheReadModels() throws Exception {
        projection(ProcessingGroups.STATIONS).shutdownAsync().get(10, TimeUnit.SECONDS);
        Api coord = as("coord");

        var registered = coord.withHeader("Prefer", "respond-async, Read-Your-Writes=\"deferred\"; note=bulk")
                .post("/api/stations", station("RYW-2"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.header("Preference-Applied")).isEqualTo("read-your-writes=deferred");
        String position = registered.header("X-Ledger-Position");
        assertThat(eventCount()).as("the command is committed").isPositive();
        assertThat(coord.get("/api/stations/RYW-2").status())
                .as("without the position, a read sees what the read model holds now").isEqualTo(404);

        var waiting = CompletableFuture.supplyAsync(
                () -> coord.withHeader("X-Ledger-Position", position).get("/api/stations/RYW-2"));
        Thread.sleep(500);
        assertThat(waiting).as("the read waits while the read model is behind").isNotDone();
        projection(ProcessingGroups.STATIONS).start();
        var read = waiting.get(10, TimeUnit.SECONDS);
        // A restarted processor may take longer than one read's wait on a loaded machine: a client retries then.
        for (int retry = 0; retry < 4 && read.status() == 503; retry++) {
            assertThat(read.text("code")).as(read.toString()).isEqualTo("read-models-behind");
            read = coord.withHeader("X-Ledger-Position", position).get("/api/stations/RYW-2");
        }
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.text("stationId")).isEqualTo("RYW-2");
    }

    /**
     * Transactions commit out of global-index order: a projection passes an index still being written and handles
     * that event when it commits, below where it stands. A read presenting a position above it waits for it too (the
     * projection's writes are held back here, so that it cannot handle it at once).
     */
    @Test
    void aReadPresentingAPositionWaitsForAnEventCommittedBelowWhereTheProjectionStands() throws Exception {
        ensureDepartment("RYW-GAP-BASE");
        Api coord = as("coord");
        String position;
        try (Connection slow = dataSource.getConnection(); Connection writesHeld = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            LateEvents.registerDepartment(slow, "RYW-GAP-BASE", "RYW-GAP-LATE");
            var after = coord.post("/api/departments", Map.of("departmentId", "RYW-GAP-AFTER", "name", "After"));
            position = after.header("X-Ledger-Position");

            writesHeld.setAutoCommit(false);
            try (Statement lock = writesHeld.createStatement()) {
                lock.execute("LOCK TABLE read_department IN EXCLUSIVE MODE");
            }
            slow.commit();
            Thread.sleep(300);
            var read = coord.withHeader("X-Ledger-Position", position).get("/api/departments");
            assertThat(read.status()).as("the late event, below the position, is not in the read model yet: "
                                         + read).isEqualTo(503);
            writesHeld.rollback();
        }
        var read = coord.withHeader("X-Ledger-Position", position).get("/api/departments");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().findValuesAsText("departmentId")).contains("RYW-GAP-LATE", "RYW-GAP-AFTER");
    }

    @Test
    void aReadWhoseReadModelsStayBehindIsToldToRetry() throws Exception {
        projection(ProcessingGroups.STATIONS).shutdownAsync().get(10, TimeUnit.SECONDS);
        var registered = as("coord").withHeader("Prefer", "read-your-writes=deferred").post("/api/stations",
                station("RYW-3"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        var behind = as("coord").withHeader("X-Ledger-Position", registered.header("X-Ledger-Position"))
                .get("/api/stations/RYW-3");
        assertThat(behind.status()).as(behind.toString()).isEqualTo(503);
        assertThat(behind.isProblem()).isTrue();
        assertThat(behind.text("code")).isEqualTo("read-models-behind");
        assertThat(behind.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void aPositionTheLedgerNeverGaveOutIsRefused() {
        long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        for (String position : new String[] {"soon", "-3", Long.toString(head + 1_000_000)}) {
            var refused = as("coord").withHeader("X-Ledger-Position", position).get("/api/stations");
            assertThat(refused.status()).as(position).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.text("code")).isEqualTo("invalid-position");
        }
        assertThat(as("coord").withHeader("X-Ledger-Position", Long.toString(head)).get("/api/stations").status())
                .isEqualTo(200);
    }

    private static Map<String, Object> station(String stationId) {
        return Map.of("stationId", stationId, "name", "Station " + stationId, "parent", "Shenyang PSB",
                "kind", "URBAN", "areaKm2", 10.5, "population", 20000, "officers", 20, "auxiliaries", 10);
    }
}
