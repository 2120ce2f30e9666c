package org.stationledger.app.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/**
 * What is sent for a station while it is being decommissioned is stored before the decommissioning or refused after
 * it: never stored after it on a check that found the station active a moment before.
 */
class DecommissioningRaceTest extends IntegrationTest {

    private static final int YEAR = 2016;
    private static final String STATION = "DR-16-A";

    @Test
    void aFindingARequestAndAPlanItemSentDuringADecommissioningAreRefusedAfterIt() throws Exception {
        openYearWithScheme(YEAR, "CRIM-16");
        String inspection = approvedException(STATION, YEAR + "-05-10");
        long events = eventCount();

        CompletableFuture<Api.Response> decommissioning;
        CompletableFuture<Api.Response> finding;
        CompletableFuture<Api.Response> request;
        CompletableFuture<Api.Response> planItem;
        try (Connection holder = dataSource.getConnection()) {
            // Every command below then waits to store its event, its checks made: the decommissioning's too.
            holder.setAutoCommit(false);
            holder.createStatement().execute("SELECT pg_advisory_xact_lock(" + APPEND_LOCK + ", 0)");
            decommissioning = meanwhile(() -> as("coord").post("/api/stations/" + STATION + "/decommission",
                    Map.of("reason", "Merged")));
            awaitWaiting("the decommissioning waiting to store its event", 1);

            finding = meanwhile(() -> finding(inspection, "CRIM-16", "3", YEAR + "-05-10T10:00:00Z"));
            request = meanwhile(() -> exceptionRequest(STATION, YEAR + "-05-10"));
            planItem = meanwhile(() -> as("crim").post("/api/cycles/" + YEAR + "/plan-items", Map.of(
                    "planItemId", "PI-16", "stationIds", List.of(STATION), "from", YEAR + "-03-01",
                    "to", YEAR + "-03-31", "kind", "THEMATIC", "indicatorIds", List.of("CRIM-16"))));
            awaitWaiting("the three commands waiting behind the decommissioning", 4);
            holder.rollback();
        }

        ok(decommissioning.get(60, TimeUnit.SECONDS));
        refused(finding.get(60, TimeUnit.SECONDS), 409, "station-decommissioned");
        refused(request.get(60, TimeUnit.SECONDS), 422, "unknown-station");
        refused(planItem.get(60, TimeUnit.SECONDS), 422, "unknown-station");
        assertThat(eventCount()).as("the decommissioning's event alone").isEqualTo(events + 1);
    }

    /** Waits until {@code atLeast} of this database's sessions wait for a lock, whichever. */
    private void awaitWaiting(String what, int atLeast) {
        awaitCount(what, atLeast, """
                SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE NOT l.granted AND a.datname = current_database()""");
    }

    private static void refused(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.text("code")).isEqualTo(code);
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }
}
