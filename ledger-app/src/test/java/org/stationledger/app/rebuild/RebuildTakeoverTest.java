package org.stationledger.app.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stationledger.app.LedgerRuns.api;
import static org.stationledger.app.LedgerRuns.start;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.stationledger.app.Api;
import org.stationledger.app.LedgerRuns;

/**
 * Two nodes on one database: a rebuild started on one of them, which then stops for good, is taken over by the other
 * — which runs on and is not restarted — and completes with the same answers; the progress names the node working
 * on it, first the one, then the other. While its first node works on it, the other node leaves it alone.
 */
@ExtendWith(OutputCaptureExtension.class)
class RebuildTakeoverTest {

    private static final String TAKEOVER_LINE = "this node takes it over";

    @Test
    void aRebuildWhoseNodeStopsIsCompletedByAnotherNode(CapturedOutput output) throws InterruptedException {
        Map<String, Object> staying = LedgerRuns.freshEmbeddedLedger();
        staying.put("ledger.rebuild.takeover-after", "6s");
        staying.put("ledger.node-name", "staying-node");
        List<String> urls = new ArrayList<>(List.of("/api/stations", "/api/departments"));
        try (ConfigurableApplicationContext stayingNode = start(staying)) {
            Api coord = api(stayingNode, "coord");
            coord.post("/api/departments", Map.of("departmentId", "TAKEOVER-DEPT", "name", "Taken over"));
            for (int i = 1; i <= 60; i++) {
                Rebuilds.station(coord, "TK-" + i);
                urls.add("/api/stations/TK-" + i);
            }
            String databaseUrl = stayingNode.getBean(HikariDataSource.class).getJdbcUrl();

            JsonNode cutOff;
            Map<String, String> before;
            // One event per batch: the run is still going when the node stops, seconds later.
            try (ConfigurableApplicationContext leavingNode = start(Map.of("server.port", 0, "ledger.role", "query",
                    "ledger.node-name", "leaving-node", "spring.datasource.url", databaseUrl,
                    "ledger.rebuild.batch-size", 1, "ledger.rebuild.pause-between-batches", "300ms"))) {
                Api leaving = api(leavingNode, "coord");
                assertThat(leaving.post("/api/admin/projections/stations/rebuild").status()).isEqualTo(202);
                Rebuilds.awaitSomeProgress(leaving, "stations");
                Rebuilds.station(coord, "TK-DURING");
                urls.add("/api/stations/TK-DURING");
                before = Rebuilds.answers(coord, urls);
                // Longer than the takeover time: a run that moves after every batch is not taken over. (The time
                // is well above the pause between batches, which a loaded machine can stretch by seconds.)
                Thread.sleep(7_000);
                assertThat(output.getAll()).doesNotContain(TAKEOVER_LINE);
                cutOff = leaving.get("/api/admin/projections/stations/rebuild").body();
            }
            assertThat(cutOff.path("status").asText()).isEqualTo("RUNNING");
            assertThat(cutOff.path("worker").asText()).isEqualTo("leaving-node");

            JsonNode completed = Rebuilds.awaitCompletedFrom(coord, "stations", cutOff);
            assertThat(completed.path("worker").asText()).isEqualTo("staying-node");
            assertThat(output.getAll()).contains(TAKEOVER_LINE);
            // The overview names the nodes holding segments the same way: only the staying node is left.
            assertThat(coord.get("/api/admin/projections").body().findValuesAsText("owner"))
                    .isNotEmpty().containsOnly("staying-node");
            assertThat(Rebuilds.answers(coord, urls)).isEqualTo(before);
        }
    }
}
