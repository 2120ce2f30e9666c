package org.stationledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one-command default: the embedded PostgreSQL keeps its data folder, and everything acknowledged before a
 * shutdown is there after a restart.
 */
class RestartKeepsDataTest {

    @Test
    void aRestartedLedgerAnswersAsBeforeAndCarriesOn() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", 0);
        // Always the embedded PostgreSQL with its own data folder: this is how a fresh clone runs.
        properties.put("ledger.embedded.data-dir", TestDatabase.newEmbeddedDir().toString());

        String blockedId;
        long events;
        try (ConfigurableApplicationContext first = start(properties)) {
            Api coord = api(first, "coord");
            assertThat(coord.post("/api/departments", Map.of("departmentId", "CRIMINAL-INVESTIGATION", "name", "Criminal investigation")).status()).isEqualTo(201);
            assertThat(coord.post("/api/stations", Map.of("stationId", "SY-SH-ZJL", "name", "朱剪炉派出所",
                    "parent", "沈河分局", "kind", "URBAN", "areaKm2", 3, "population", 60000, "officers", 51,
                    "auxiliaries", 20)).status()).isEqualTo(201);
            assertThat(coord.post("/api/cycles", Map.of("year", 2030)).status()).isEqualTo(201);
            var blocked = api(first, "crim").post("/api/inspections", Map.of("stationId", "SY-SH-ZJL", "date", "2030-04-01"));
            assertThat(blocked.text("reasonCode")).isEqualTo("NOT_IN_PLAN");
            blockedId = blocked.text("inspectionId");
            events = api(first, "audit").get("/api/audit/events?limit=1000").body().path("events").size();
        }

        try (ConfigurableApplicationContext second = start(properties)) {
            Api audit = api(second, "audit");
            assertThat(audit.get("/api/audit/events?limit=1000").body().path("events").size()).isEqualTo(events);
            assertThat(audit.get("/api/stations/SY-SH-ZJL").body().path("name").asText()).isEqualTo("朱剪炉派出所");
            var inspection = audit.get("/api/inspections/" + blockedId).body();
            assertThat(inspection.path("reasonCode").asText()).isEqualTo("NOT_IN_PLAN");
            assertThat(api(second, "coord").post("/api/cycles", Map.of("year", 2030)).text("code"))
                    .as("the command side's look-ups survived too").isEqualTo("cycle-exists");
            assertThat(api(second, "zjl").get("/api/inspections").body()).hasSize(1);
        }
    }

    /** As command-line arguments: the builder's default properties would lose to application.yml's data-dir. */
    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return new SpringApplicationBuilder(LedgerApplication.class).run(properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new));
    }

    private static Api api(ConfigurableApplicationContext context, String username) {
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        return new Api(port, username, username + "-pass");
    }
}
