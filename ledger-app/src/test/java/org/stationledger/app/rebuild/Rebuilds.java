package org.stationledger.app.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stationledger.app.Api;

/** Following a rebuild over HTTP, and what the read side answers around it. */
public final class Rebuilds {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Rebuilds() {
    }

    /** Polls the rebuild's progress until it has completed or failed. */
    public static JsonNode awaitFinished(Api coord, String projection) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonNode progress = coord.get("/api/admin/projections/" + projection + "/rebuild").body();
            if (!progress.path("status").asText().equals("RUNNING")) {
                return progress;
            }
            assertThat(System.nanoTime()).as("rebuild of %s finished: %s", projection, progress).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Each url's answer, as text. */
    static Map<String, String> answers(Api api, List<String> urls) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String url : urls) {
            var response = api.get(url);
            assertThat(response.status()).as(url + " " + response).isEqualTo(200);
            answers.put(url, response.body().toString());
        }
        return answers;
    }

    /** Small batches with pauses, so that a stop catches a rebuild half-way. */
    static Map<String, Object> slow(Map<String, Object> properties) {
        Map<String, Object> slow = new HashMap<>(properties);
        slow.put("ledger.rebuild.batch-size", 2);
        slow.put("ledger.rebuild.pause-between-batches", "200ms");
        return slow;
    }

    /** Polls the rebuild's progress until a few batches are done, and returns it. */
    static JsonNode awaitSomeProgress(Api coord, String projection) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode progress = coord.get("/api/admin/projections/" + projection + "/rebuild").body();
            if (progress.path("eventsDone").asLong() >= 4) {
                return progress;
            }
            assertThat(System.nanoTime()).as("the rebuild progresses: %s", progress).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    static void station(Api coord, String stationId) {
        var registered = coord.post("/api/stations", Map.of("stationId", stationId, "name", "Station " + stationId,
                "parent", "Shenyang PSB", "kind", "URBAN", "areaKm2", 5, "population", 10000, "officers", 10,
                "auxiliaries", 5));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    }

    /**
     * Checks that the rebuild cut off at {@code cutOff} went on to completion as the same run, from where it was,
     * with the rebuilt read model equal to the live one; returns the final progress.
     */
    static JsonNode awaitCompletedFrom(Api coord, String projection, JsonNode cutOff) throws InterruptedException {
        JsonNode done = awaitFinished(coord, projection);
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("startedAt").asText()).as("the same run, not one started afresh")
                .isEqualTo(cutOff.path("startedAt").asText());
        assertThat(done.path("eventsDone").asLong()).isGreaterThan(cutOff.path("eventsDone").asLong());
        assertThat(done.path("equal").asBoolean()).as(done.toString()).isTrue();
        return done;
    }
}
