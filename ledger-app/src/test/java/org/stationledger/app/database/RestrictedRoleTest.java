package org.stationledger.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stationledger.app.LedgerRuns.api;
import static org.stationledger.app.LedgerRuns.start;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stationledger.app.Api;

/**
 * The production set-up of docs/operations.md, run from the document itself: Flyway migrates as the owner role,
 * the ledger connects as an application role that may only read and append events, and everything still works.
 */
class RestrictedRoleTest {

    private static final Path OPERATIONS = Path.of("../docs/operations.md");

    @Test
    void theLedgerRunsAsARoleThatCanOnlyAppendEvents() throws Exception {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            String operations = Files.readString(OPERATIONS);
            try (Connection superuser = server.getPostgresDatabase().getConnection()) {
                run(superuser, sqlBlock(operations, "-- on the server"));
            }
            try (Connection superuser = server.getDatabase("postgres", "ledger").getConnection()) {
                run(superuser, sqlBlock(operations, "-- in the database ledger"));
            }

            Map<String, Object> properties = new HashMap<>();
            properties.put("server.port", 0);
            properties.put("spring.datasource.url", "jdbc:postgresql://localhost:" + server.getPort() + "/ledger");
            properties.put("spring.datasource.username", "ledger_app");
            properties.put("spring.datasource.password", "app-secret");
            properties.put("spring.flyway.user", "ledger_owner");
            properties.put("spring.flyway.password", "owner-secret");
            try (ConfigurableApplicationContext ledger = start(properties)) {
                Api coord = api(ledger, "coord").withHeader("Idempotency-Key", "restricted-1");
                assertThat(coord.post("/api/departments", Map.of("departmentId", "RESTRICTED", "name", "R")).status())
                        .isEqualTo(201);
                assertThat(coord.post("/api/departments", Map.of("departmentId", "RESTRICTED", "name", "R"))
                        .header("Idempotent-Replayed")).isEqualTo("true");
                assertThat(api(ledger, "audit").get("/api/audit/verify").body().path("verified").asBoolean()).isTrue();
                assertThat(api(ledger, "audit").getText("/api/audit/export").body()).contains("department:RESTRICTED");
                assertThat(rebuild(api(ledger, "coord"), "stations")).isEqualTo("COMPLETED");

                // A restore into a database created by hand loses the database-level grant (docs/operations.md).
                try (Connection superuser = server.getDatabase("postgres", "ledger").getConnection()) {
                    superuser.createStatement().execute("REVOKE CREATE ON DATABASE ledger FROM ledger_app");
                }
                var refused = api(ledger, "coord").post("/api/admin/projections/cycles/rebuild");
                assertThat(refused.status()).as(refused.toString()).isEqualTo(500);
                assertThat(refused.text("code")).isEqualTo("insufficient-privilege");
                try (Connection superuser = server.getDatabase("postgres", "ledger").getConnection()) {
                    superuser.createStatement().execute("GRANT CREATE ON DATABASE ledger TO ledger_app");
                }
                assertThat(rebuild(api(ledger, "coord"), "cycles")).as("once granted again").isEqualTo("COMPLETED");

                // A command that committed is answered as committed even when its answer cannot be kept for retries.
                try (Connection superuser = server.getDatabase("postgres", "ledger").getConnection()) {
                    superuser.createStatement().execute("REVOKE UPDATE ON idempotency_key FROM ledger_app");
                }
                var unkept = api(ledger, "coord").withHeader("Idempotency-Key", "restricted-2")
                        .post("/api/departments", Map.of("departmentId", "UNKEPT", "name", "U"));
                assertThat(unkept.status()).as(unkept.toString()).isEqualTo(201);
                assertThat(unkept.text("departmentId")).isEqualTo("UNKEPT");

                JdbcTemplate ledgersOwnConnections = ledger.getBean(JdbcTemplate.class);
                assertThat(ledgersOwnConnections.queryForObject("SELECT current_user", String.class)).isEqualTo("ledger_app");
                assertThatThrownBy(() -> ledgersOwnConnections.update("UPDATE domainevententry SET payloadrevision = 'x'"))
                        .isInstanceOf(DataAccessException.class).rootCause()
                        .hasMessageContaining("permission denied for table domainevententry");
                assertThatThrownBy(() -> ledgersOwnConnections.update("DELETE FROM audit_chain"))
                        .isInstanceOf(DataAccessException.class).rootCause()
                        .hasMessageContaining("permission denied for table audit_chain");
                assertThatThrownBy(() -> ledgersOwnConnections.execute("DROP TRIGGER append_only_rows ON domainevententry"))
                        .isInstanceOf(DataAccessException.class).rootCause()
                        .hasMessageContaining("must be owner of relation domainevententry");
            }
        }
    }

    private static String rebuild(Api coord, String projection) throws InterruptedException {
        assertThat(coord.post("/api/admin/projections/" + projection + "/rebuild").status()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String status;
        while ((status = coord.get("/api/admin/projections/" + projection + "/rebuild").text("status"))
                .equals("RUNNING")) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(20);
        }
        return status;
    }

    /** One statement at a time, as psql sends them (CREATE DATABASE may not share a transaction). */
    private static void run(Connection connection, String block) throws SQLException {
        for (String statement : block.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
            if (!statement.isBlank()) {
                connection.createStatement().execute(statement);
            }
        }
    }

    /** The ```sql block of the document that starts with {@code marker}. */
    private static String sqlBlock(String document, String marker) {
        Matcher block = Pattern.compile("```sql\\n(" + Pattern.quote(marker) + ".*?)```", Pattern.DOTALL).matcher(document);
        assertThat(block.find()).as("%s has a block starting with %s", OPERATIONS, marker).isTrue();
        return block.group(1);
    }
}
