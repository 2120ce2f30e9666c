package org.stationledger.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.stationledger.testing.TestServer;

/**
 * A migration's test: a fresh database (on the server named by {@code LEDGER_TEST_DB_URL}, or an embedded one) taken
 * to the version before the migration, given what a ledger of that version held, upgraded to the latest version, and
 * looked at again.
 */
final class Upgrades {

    interface Step {
        void on(JdbcTemplate database) throws Exception;
    }

    private Upgrades() {
    }

    /** A fresh database migrated up to {@code version}; {@code given}; migrated to the latest; {@code then}. */
    static void upgrade(String version, Step given, Step then) throws Exception {
        var server = TestServer.url();
        if (server.isPresent()) {
            upgrade(new DriverManagerDataSource(TestServer.createDatabase(server.get()), TestServer.user(),
                    TestServer.password()), version, given, then);
        } else {
            try (EmbeddedPostgres embedded = EmbeddedPostgres.builder().start()) {
                upgrade(embedded.getPostgresDatabase(), version, given, then);
            }
        }
    }

    /** An API rebuild of {@code projection} in progress (ProjectionRebuilds), with a shadow table in its schema. */
    static void rebuildRunning(JdbcTemplate jdbc, String projection) {
        String shadow = "rebuild_" + projection.replace('-', '_');
        jdbc.execute("CREATE SCHEMA " + shadow);
        jdbc.execute("CREATE TABLE " + shadow + ".replayed (id INT)");
        jdbc.update("""
                INSERT INTO projection_rebuild (projection, run_id, status, shadow_schema, events_done, events_total,
                                                started_at, updated_at)
                VALUES (?, gen_random_uuid(), 'RUNNING', ?, 10, 100, now(), now())""", projection, shadow);
    }

    /** The rebuild's status and error, and whether its shadow schema is still there. */
    static String rebuildAfterwards(JdbcTemplate jdbc, String projection) {
        String shadow = "rebuild_" + projection.replace('-', '_');
        return jdbc.queryForObject("SELECT status || ': ' || error FROM projection_rebuild WHERE projection = ?",
                String.class, projection)
               + (Boolean.TRUE.equals(jdbc.queryForObject(
                       "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)", Boolean.class, shadow))
                       ? " (shadow kept)" : " (shadow dropped)");
    }

    private static void upgrade(DataSource database, String version, Step given, Step then) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(database);
        migrate(database, version);
        given.on(jdbc);
        migrate(database, "latest");
        then.on(jdbc);
    }

    private static void migrate(DataSource database, String target) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load().migrate();
    }
}
