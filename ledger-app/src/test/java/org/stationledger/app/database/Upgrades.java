package org.stationledger.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.stationledger.testing.TestServer;

/**
 * A migration's test: a fresh database (on the server named by {@code LEDGER_TEST_DB_URL}, or an embedded one) taken
 * to the version before the migration, given what a ledger of that version held, then upgraded.
 */
final class Upgrades {

    interface Upgrade {
        void on(DataSource database) throws Exception;
    }

    private Upgrades() {
    }

    static void onAFreshDatabase(Upgrade upgrade) throws Exception {
        var server = TestServer.url();
        if (server.isPresent()) {
            upgrade.on(new DriverManagerDataSource(TestServer.createDatabase(server.get()), TestServer.user(),
                    TestServer.password()));
        } else {
            try (EmbeddedPostgres embedded = EmbeddedPostgres.builder().start()) {
                upgrade.on(embedded.getPostgresDatabase());
            }
        }
    }

    /** Every migration up to {@code target} (a version, or {@code latest}). */
    static void migrate(DataSource database, String target) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load().migrate();
    }
}
