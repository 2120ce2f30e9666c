package org.stationledger.app.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;
import org.stationledger.query.ProcessingGroups;

/** An operator sees from the health endpoint and a metric whether each read model follows the event store. */
class ProjectionHealthTest extends IntegrationTest {

    @Test
    void everyProjectionIsShownRunningAndCaughtUp() {
        ensureStation("HEALTH-1", "URBAN");
        var health = awaitHealth(ProjectionHealthTest::everyProjectionCaughtUp);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
        var projections = health.body().path("details").path("projections");
        assertThat(projections.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(
                ProcessingGroups.TABLES.keySet());
        projections.forEach(projection -> {
            assertThat(projection.path("state").asText()).isEqualTo("RUNNING");
            assertThat(projection.path("behind").asLong()).isZero();
        });
        assertThat(projections.path(ProcessingGroups.STATIONS).path("segmentsHere").size())
                .as("this node holds every segment").isPositive();
        assertThat(behindMetric(ProcessingGroups.STATIONS)).isZero();
    }

    @Test
    void aStoppedProjectionMakesTheNodeUnhealthyAndCountsWhatItHasNotHandled() throws Exception {
        projection(ProcessingGroups.STATIONS).shutdownAsync().get(10, TimeUnit.SECONDS);
        ensureStation("HEALTH-2", "RURAL");
        ensureStation("HEALTH-3", "RURAL");

        var health = as("audit").get("/actuator/health/projections");
        assertThat(health.status()).as(health.toString()).isEqualTo(503);
        assertThat(health.text("status")).isEqualTo("DOWN");
        var stations = health.body().path("details").path("projections").path(ProcessingGroups.STATIONS);
        assertThat(stations.path("state").asText()).isEqualTo("STOPPED");
        assertThat(stations.path("behind").asLong()).as("the two registrations, at least").isGreaterThanOrEqualTo(2);
        assertThat(behindMetric(ProcessingGroups.STATIONS)).isGreaterThanOrEqualTo(2);
        assertThat(anonymous().get("/actuator/health").status()).as("the probe sees the status").isEqualTo(503);

        projection(ProcessingGroups.STATIONS).start();
        var caughtUp = awaitHealth(ProjectionHealthTest::everyProjectionCaughtUp);
        assertThat(caughtUp.status()).isEqualTo(200);
        assertThat(caughtUp.text("status")).isEqualTo("UP");
        assertThat(behindMetric(ProcessingGroups.STATIONS)).isZero();
    }

    /**
     * PostgreSQL closes every connection of the ledger (a restart, a fail-over, an operator's pg_terminate_backend):
     * commands are acknowledged again at once, and every projection carries on where it was — none stays failed.
     */
    @Test
    void everyProjectionCarriesOnAfterTheDatabaseClosedItsConnections() {
        ensureStation("HEALTH-4", "URBAN");
        awaitHealth(ProjectionHealthTest::everyProjectionCaughtUp);

        for (int round = 0; round < 3; round++) {
            closeEveryConnection();
            registerAsAClientWould("HEALTH-CLOSED-" + round);
        }

        // A segment that failed in each round retries after 1, 2, 4… seconds (Axon's growing pause).
        var health = awaitHealth(ProjectionHealthTest::everyProjectionCaughtUp, Duration.ofSeconds(60));
        assertThat(health.text("status")).isEqualTo("UP");
        assertThat(as("coord").get("/api/stations/HEALTH-CLOSED-2").status()).isEqualTo(200);
    }

    /** Ends every session of the ledger's database but the one asking (which may itself be one ended before). */
    private void closeEveryConnection() {
        for (int attempt = 0; ; attempt++) {
            try {
                jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                  + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
                return;
            } catch (DataAccessResourceFailureException pooledConnectionEndedBefore) {
                assertThat(attempt).as("attempts on connections ended before").isLessThan(20);
            }
        }
    }

    /** With an Idempotency-Key, retrying what is answered 503 with Retry-After (a connection the database closed). */
    private void registerAsAClientWould(String stationId) {
        Api coord = as("coord").withHeader("Idempotency-Key", "register-" + stationId);
        Map<String, Object> station = Map.of("stationId", stationId, "name", stationId, "parent", "Shenyang PSB",
                "kind", "RURAL", "areaKm2", 10, "population", 20000, "officers", 20, "auxiliaries", 10);
        var response = coord.post("/api/stations", station);
        for (int retry = 0; retry < 10 && response.status() == 503; retry++) {
            assertThat(response.text("code")).isEqualTo("unavailable");
            assertThat(response.header("Retry-After")).isEqualTo("1");
            sleep(1000);
            response = coord.post("/api/stations", station);
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    @Test
    void detailsAreForTheOfficeAndTheAuditorsOnly() {
        assertThat(anonymous().get("/actuator/health").body().has("components")).isFalse();
        assertThat(as("zjl").get("/actuator/health").body().has("components")).isFalse();
        assertThat(as("coord").get("/actuator/health").body().path("components").has("projections")).isTrue();
    }

    /** Health as the co-ordinating office sees it, once it shows {@code expected} (projections catch up quickly). */
    private Api.Response awaitHealth(Predicate<Api.Response> expected) {
        return awaitHealth(expected, Duration.ofSeconds(10));
    }

    private Api.Response awaitHealth(Predicate<Api.Response> expected, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            var health = as("coord").get("/actuator/health/projections");
            if (expected.test(health)) {
                return health;
            }
            assertThat(System.nanoTime()).as("still, after " + patience + ": " + health).isLessThan(deadline);
            sleep(20);
        }
    }

    /** Every projection runs and has handled every event stored so far. */
    private static boolean everyProjectionCaughtUp(Api.Response health) {
        var projections = health.body().path("details").path("projections");
        return projections.size() > 0 && StreamSupport.stream(projections.spliterator(), false).allMatch(projection ->
                projection.path("state").asText().equals("RUNNING") && projection.path("behind").asLong() == 0);
    }

    private long behindMetric(String projection) {
        var metric = as("coord").get("/actuator/metrics/ledger.projection.behind?tag=projection:" + projection);
        assertThat(metric.status()).as(metric.toString()).isEqualTo(200);
        return metric.body().path("measurements").get(0).path("value").asLong();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
