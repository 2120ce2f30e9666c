package org.stationledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scale-out on one PostgreSQL: a command node takes the writes, a query node keeps the read models and serves the
 * reads, each with only its own side; a read that presents a command's position sees that command on the query node.
 */
class ScaleOutRolesTest {

    @Test
    void aCommandNodeAndAQueryNodeShareOneDatabase() {
        Map<String, Object> commandNode = LedgerRuns.freshEmbeddedLedger();
        commandNode.put("ledger.role", "command");
        try (ConfigurableApplicationContext command = LedgerRuns.start(commandNode)) {
            String databaseUrl = command.getBean(HikariDataSource.class).getJdbcUrl();
            // A generous wait: the query node's projections start from the beginning of the store.
            try (ConfigurableApplicationContext query = LedgerRuns.start(Map.of("server.port", 0, "ledger.role", "query",
                    "spring.datasource.url", databaseUrl, "ledger.read-your-writes.max-wait", "30s"))) {
                Api writer = LedgerRuns.api(command, "coord");
                Api reader = LedgerRuns.api(query, "coord");

                var registered = writer.post("/api/stations", Map.of("stationId", "SY-SB-SFS", "name", "石佛寺派出所",
                        "parent", "沈北新区分局", "kind", "RURAL", "areaKm2", 48.7, "population", 13000, "officers", 4,
                        "auxiliaries", 5));
                assertThat(registered.status()).isEqualTo(201);
                assertThat(writer.get("/api/stations").status()).as("a command node keeps no read models").isIn(404, 405);
                assertThat(reader.post("/api/departments", Map.of("departmentId", "X", "name", "X")).status())
                        .as("a query node takes no commands").isIn(404, 405);

                // The command's answer says where the store stood; the query node answers once its read models are
                // there (they pick up the other node's events on their own, within the event store's fetch delay).
                Api.Response station = reader.withHeader("X-Ledger-Position", registered.header("X-Ledger-Position"))
                        .get("/api/stations/SY-SB-SFS");
                assertThat(station.status()).as(station.toString()).isEqualTo(200);
                assertThat(station.body().path("officers").asInt()).isEqualTo(4);
            }
        }
    }
}
