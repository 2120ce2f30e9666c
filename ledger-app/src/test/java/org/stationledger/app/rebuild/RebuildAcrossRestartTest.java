package org.stationledger.app.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stationledger.app.LedgerRuns.api;
import static org.stationledger.app.LedgerRuns.start;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.stationledger.app.Api;
import org.stationledger.app.LedgerRuns;

/**
 * A rebuild cut off by a stop of the ledger resumes where it was when the ledger starts again, while commands keep
 * coming in, and ends equal to the live read model with the same answers.
 */
class RebuildAcrossRestartTest {

    @Test
    void aRebuildStoppedHalfWayResumesAndCompletesWithTheSameAnswers() throws InterruptedException {
        Map<String, Object> properties = LedgerRuns.freshEmbeddedLedger();
        List<String> urls = new ArrayList<>(List.of("/api/stations", "/api/departments"));

        Map<String, String> before;
        JsonNode cutOff;
        try (ConfigurableApplicationContext ledger = start(Rebuilds.slow(properties))) {
            Api coord = api(ledger, "coord");
            coord.post("/api/departments", Map.of("departmentId", "RESTART-DEPT", "name", "Restarted"));
            for (int i = 1; i <= 20; i++) {
                Rebuilds.station(coord, "RB-" + i);
                urls.add("/api/stations/RB-" + i);
            }
            assertThat(coord.post("/api/admin/projections/stations/rebuild").status()).isEqualTo(202);
            var again = coord.post("/api/admin/projections/stations/rebuild");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.text("code")).isEqualTo("rebuild-running");
            Rebuilds.station(coord, "RB-DURING");
            urls.add("/api/stations/RB-DURING");
            cutOff = Rebuilds.awaitSomeProgress(coord, "stations");
            before = Rebuilds.answers(coord, urls);
        }
        assertThat(cutOff.path("status").asText()).isEqualTo("RUNNING");

        try (ConfigurableApplicationContext ledger = start(properties)) {
            Api coord = api(ledger, "coord");
            Rebuilds.awaitCompletedFrom(coord, "stations", cutOff);
            assertThat(Rebuilds.answers(coord, urls)).isEqualTo(before);
        }
    }
}
