package org.stationledger.app.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stationledger.app.LedgerRuns.api;
import static org.stationledger.app.LedgerRuns.start;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.stationledger.app.Api;
import org.stationledger.app.LedgerRuns;

/**
 * Two query nodes on one database split a projection's work through the token store: the node started first holds
 * both segments, hands one over on the co-ordinating office's request, the other node claims it and keeps the read
 * model current from there. A request that cannot be carried out is refused with a problem and releases nothing.
 */
class SegmentHandOverTest {

    private static final String PROJECTION = "stations";

    @Test
    void aSegmentReleasedByOneNodeIsClaimedAndWorkedByTheOther() throws InterruptedException {
        Map<String, Object> first = LedgerRuns.freshEmbeddedLedger();
        first.put("ledger.node-name", "node-a");
        try (ConfigurableApplicationContext nodeA = start(first)) {
            Api coordA = api(nodeA, "coord");
            String databaseUrl = nodeA.getBean(HikariDataSource.class).getJdbcUrl();
            awaitOwners(coordA, Map.of(0, "node-a", 1, "node-a"));
            refusalsLeaveTheSegmentsWhereTheyAre(nodeA);

            try (ConfigurableApplicationContext nodeB = start(Map.of("server.port", 0, "ledger.role", "query",
                    "ledger.node-name", "node-b", "spring.datasource.url", databaseUrl))) {
                Api coordB = api(nodeB, "coord");
                // Each node says which it is, so that a hand-over can be sent to the node that holds the segment.
                assertThat(coordA.get("/api/admin/projections").text("node")).isEqualTo("node-a");
                assertThat(coordB.get("/api/admin/projections").text("node")).isEqualTo("node-b");
                // Started second, it finds both segments claimed and waits.
                assertThat(owners(coordB)).isEqualTo(Map.of(0, "node-a", 1, "node-a"));
                var notHere = coordB.post("/api/admin/projections/" + PROJECTION + "/segments/1/release");
                assertThat(notHere.status()).as(notHere.toString()).isEqualTo(409);
                assertThat(notHere.isProblem()).isTrue();
                assertThat(notHere.text("code")).isEqualTo("segment-not-held-here");
                assertThat(notHere.text("detail")).contains("node-a");

                var released = coordA.post("/api/admin/projections/" + PROJECTION + "/segments/1/release?seconds=60");
                assertThat(released.status()).as(released.toString()).isEqualTo(202);
                assertThat(released.text("releasedBy")).isEqualTo("node-a");
                assertThat(released.body().path("releasedForSeconds").asLong()).isEqualTo(60);
                awaitOwners(coordA, Map.of(0, "node-a", 1, "node-b"));

                for (int i = 1; i <= 12; i++) {
                    Rebuilds.station(coordA, "HO-" + i);
                }
                long head = coordA.get("/api/admin/projections").body().path("storeHead").asLong();
                for (int i = 1; i <= 12; i++) {
                    var station = coordA.get("/api/stations/HO-" + i);
                    assertThat(station.status()).as(station.toString()).isEqualTo(200);
                }
                // Node B's segment handled its share of the new stations: it has passed the last of them.
                assertThat(position(coordA, 1)).isGreaterThanOrEqualTo(head);
                assertThat(owners(coordA)).isEqualTo(Map.of(0, "node-a", 1, "node-b"));
            }
        }
    }

    /** Requests that cannot be carried out get a problem and release nothing. */
    private static void refusalsLeaveTheSegmentsWhereTheyAre(ConfigurableApplicationContext node) {
        Api coord = api(node, "coord");
        String segments = "/api/admin/projections/" + PROJECTION + "/segments/";

        assertThat(coord.post(segments + "0/release?seconds=0").text("code")).isEqualTo("invalid-request");
        assertThat(coord.post(segments + "0/release?seconds=3601").text("code")).isEqualTo("invalid-request");
        assertThat(coord.post(segments + "0/release?seconds=soon").text("code")).isEqualTo("bad-request");
        assertThat(coord.post(segments + "9/release").text("code")).isEqualTo("not-found");
        assertThat(coord.post("/api/admin/projections/no-such/segments/0/release").text("code"))
                .isEqualTo("not-found");
        assertThat(api(node, "crim").post(segments + "0/release").status()).isEqualTo(403);

        assertThat(owners(coord)).isEqualTo(Map.of(0, "node-a", 1, "node-a"));
    }

    private static void awaitOwners(Api coord, Map<Integer, String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!owners(coord).equals(expected)) {
            assertThat(System.nanoTime()).as("segments held as %s, now %s", expected, owners(coord))
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** Each segment of the projection with the node holding it, from the projections overview. */
    private static Map<Integer, String> owners(Api coord) {
        Map<Integer, String> owners = new HashMap<>();
        for (JsonNode segment : projection(coord).path("segments")) {
            owners.put(segment.path("segment").asInt(), segment.path("owner").asText(null));
        }
        return owners;
    }

    private static long position(Api coord, int segment) {
        for (JsonNode each : projection(coord).path("segments")) {
            if (each.path("segment").asInt() == segment) {
                return each.path("position").asLong();
            }
        }
        throw new AssertionError("no segment " + segment);
    }

    private static JsonNode projection(Api coord) {
        for (JsonNode projection : coord.get("/api/admin/projections").body().path("projections")) {
            if (projection.path("name").asText().equals(PROJECTION)) {
                return projection;
            }
        }
        throw new AssertionError("no projection " + PROJECTION);
    }
}
