package org.stationledger.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;
import org.stationledger.query.ProcessingGroups;

/**
 * A rating as of a moment is rebuilt from the events the audit index selects. While the index has not indexed every
 * event recorded by then, the answer would leave some out, and differ from the same question's a moment later: it is
 * refused as "not yet", never answered from part of the trail.
 */
class RatingAsOfBehindTest extends IntegrationTest {

    private static final String STATION = "ASOF-BEHIND";

    @Test
    void aRatingAsOfAMomentTheAuditIndexHasNotReachedIsRefusedUntilItHas() throws InterruptedException {
        ensureStation(STATION, "URBAN");
        projection(ProcessingGroups.AUDIT_INDEX).shutDown();
        var changed = as("coord").withHeader("Prefer", "read-your-writes=deferred")
                .post("/api/stations/" + STATION + "/details", Map.of("stationId", STATION, "name", "Renamed",
                        "parent", "Shenyang PSB", "kind", "URBAN", "areaKm2", 10.5, "population", 20000,
                        "officers", 21, "auxiliaries", 10));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        String asOfNow = "/api/audit/stations/" + STATION + "/ratings/2026?asOf=" + Instant.now();

        Api.Response behind = as("audit").get(asOfNow);
        assertThat(behind.status()).as(behind.toString()).isEqualTo(503);
        assertThat(behind.text("code")).isEqualTo("read-models-behind");
        assertThat(behind.header("Retry-After")).isEqualTo("1");

        projection(ProcessingGroups.AUDIT_INDEX).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (as("audit").get(asOfNow).status() == 503) {
            assertThat(System.nanoTime()).as("answered once the index has caught up").isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(as("audit").get(asOfNow).status()).as("no 2026 rating: no cycle here").isIn(200, 404);
    }

    /** A moment still to come would be answered now and otherwise later, as events are recorded meanwhile. */
    @Test
    void aRatingAsOfAMomentStillToComeIsRefused() {
        ensureStation(STATION, "URBAN");
        Api.Response future = as("audit").get("/api/audit/stations/" + STATION + "/ratings/2026?asOf="
                                              + Instant.now().plus(Duration.ofDays(1)));
        assertThat(future.status()).as(future.toString()).isEqualTo(422);
        assertThat(future.text("code")).isEqualTo("moment-not-reached");
    }
}
