package org.stationledger.app.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;
import org.stationledger.query.ProcessingGroups;

/**
 * Every read model rebuilt from the event store while the live one keeps serving: the comparison shows them equal,
 * and the HTTP answers are the same before and after; a read model that drifted from the events is repaired.
 */
class ProjectionRebuildTest extends IntegrationTest {

    private static final int YEAR = 2043;
    private static final String STATION = "REBUILD-ST";
    private static final List<String> ANSWERS = List.of("/api/stations", "/api/stations/" + STATION, "/api/departments",
            "/api/cycles", "/api/cycles/" + YEAR, "/api/inspections?stationId=" + STATION,
            "/api/stations/" + STATION + "/ratings", "/api/audit/events?limit=1000");

    @BeforeEach
    void aLedgerWithSomeHistory() {
        ensureDepartment("CRIMINAL-INVESTIGATION");
        ensureDepartment("REBUILD-DEPT");
        ensureStation(STATION, "RURAL");
        as("coord").post("/api/stations/" + STATION + "/details", Map.of("name", "Rebuilt station", "parent", "Shenyang",
                "kind", "RURAL", "areaKm2", 40, "population", 9000, "officers", 6, "auxiliaries", 4));
        as("coord").post("/api/cycles", Map.of("year", YEAR));
        as("crim").post("/api/cycles/" + YEAR + "/indicators",
                Map.of("indicatorId", "CRIM-43", "title", "Case quality", "maxPoints", 40, "kind", "SCORED"));
        as("crim").post("/api/inspections", Map.of("stationId", STATION, "date", YEAR + "-05-01"));
    }

    @Test
    void everyReadModelRebuildsToTheSameAnswers() throws InterruptedException {
        Api coord = as("coord");
        var before = Rebuilds.answers(coord, ANSWERS);

        for (String projection : ProcessingGroups.TABLES.keySet()) {
            var started = coord.post("/api/admin/projections/" + projection + "/rebuild");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            assertThat(started.text("status")).isIn("RUNNING", "COMPLETED");

            JsonNode done = Rebuilds.awaitFinished(coord, projection);
            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
            assertThat(done.path("equal").asBoolean()).as(done.toString()).isTrue();
            assertThat(done.path("replaced").asBoolean()).isFalse();
            assertThat(done.path("eventsDone").asLong()).isEqualTo(done.path("eventsTotal").asLong()).isPositive();
            assertThat(done.path("checksums").findValuesAsText("table"))
                    .containsExactlyInAnyOrderElementsOf(ProcessingGroups.TABLES.get(projection));
        }

        assertThat(Rebuilds.answers(coord, ANSWERS)).isEqualTo(before);
        assertThat(jdbc.queryForList("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild\\_%'", String.class))
                .as("no shadow schema is left behind").isEmpty();
    }

    @Test
    void aReadModelThatDriftedFromTheEventsIsRepaired() throws InterruptedException {
        jdbc.update("UPDATE read_department SET name = 'Lost in a bad migration' WHERE department_id = 'REBUILD-DEPT'");
        Api coord = as("coord");

        assertThat(coord.post("/api/admin/projections/stations/rebuild").status()).isEqualTo(202);
        JsonNode done = Rebuilds.awaitFinished(coord, "stations");

        assertThat(done.path("equal").asBoolean()).as(done.toString()).isFalse();
        assertThat(done.path("replaced").asBoolean()).isTrue();
        List<String> differing = new ArrayList<>();
        done.path("checksums").forEach(table -> {
            if (!table.path("equal").asBoolean()) {
                differing.add(table.path("table").asText());
            }
        });
        assertThat(differing).containsExactly("read_department");
        assertThat(coord.get("/api/departments").body().findValuesAsText("name")).contains("REBUILD-DEPT")
                .doesNotContain("Lost in a bad migration");
    }

    /**
     * A batch that cannot be written fails the rebuild: its events are not counted as done, so the shadow tables are
     * never compared with what they lack, nor swapped in for the live ones.
     */
    @Test
    void aRebuildThatCannotWriteABatchFailsAndLeavesTheLiveReadModelAlone() throws InterruptedException {
        String refused = jdbc.queryForObject(
                "SELECT event_type FROM read_audit_index ORDER BY global_index DESC LIMIT 1", String.class);
        long rows = jdbc.queryForObject("SELECT count(*) FROM read_audit_index", Long.class);
        // Only new rows are checked: the live ones stand, the shadow copy (created alike) refuses that type.
        jdbc.execute("ALTER TABLE read_audit_index ADD CONSTRAINT rebuild_test_refuses CHECK (event_type <> '"
                     + refused + "') NOT VALID");
        try {
            Api coord = as("coord");
            assertThat(coord.post("/api/admin/projections/audit-index/rebuild").status()).isEqualTo(202);
            JsonNode done = Rebuilds.awaitFinished(coord, "audit-index");

            assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("FAILED");
            assertThat(done.path("error").asText()).contains("rebuild_test_refuses");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM read_audit_index", Long.class)).isEqualTo(rows);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM information_schema.schemata"
                    + " WHERE schema_name = 'rebuild_audit_index'", Long.class)).as("the failed run's copy").isZero();
        } finally {
            jdbc.execute("ALTER TABLE read_audit_index DROP CONSTRAINT rebuild_test_refuses");
        }
    }

    @Test
    void theOverviewShowsEachProjectionsPositionAndTheStoresHead() throws InterruptedException {
        as("coord").post("/api/admin/projections/audit-index/rebuild");
        JsonNode overview = as("coord").get("/api/admin/projections").body();
        long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        assertThat(overview.path("storeHead").asLong()).isEqualTo(head);
        assertThat(overview.path("projections").findValuesAsText("name"))
                .containsExactlyInAnyOrderElementsOf(ProcessingGroups.TABLES.keySet());
        for (JsonNode projection : overview.path("projections")) {
            assertThat(projection.path("position").asLong()).as(projection.toString()).isPositive().isLessThanOrEqualTo(head);
            assertThat(projection.path("segments")).isNotEmpty();
        }
        for (JsonNode projection : overview.path("projections")) {
            if (projection.path("name").asText().equals("audit-index")) {
                // Started just before: running or, on a small ledger, already done.
                assertThat(projection.path("rebuild").asText()).isIn("RUNNING", "COMPLETED");
            }
        }
        // Not left running for a later test in the shared context.
        Rebuilds.awaitFinished(as("coord"), "audit-index");
    }

    @Test
    void onlyTheCoordinatorRebuildsAndOnlyWhatExists() {
        assertThat(as("audit").post("/api/admin/projections/stations/rebuild").status()).isEqualTo(403);
        assertThat(as("crim").get("/api/admin/projections").status()).isEqualTo(403);
        var unknown = as("coord").post("/api/admin/projections/no-such-thing/rebuild");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("not-found");
    }

    /** A new read model must say which tables it owns, or it could not be rebuilt. */
    @Test
    void everyReadTableBelongsToExactlyOneProjection() {
        List<String> readTables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name LIKE 'read\\_%'
                """, String.class);
        List<String> owned = ProcessingGroups.TABLES.values().stream().flatMap(List::stream).toList();
        assertThat(owned).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(readTables);
    }
}
