package org.stationledger.app.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no database URL configured, the ledger starts its own PostgreSQL with a persistent data folder, so a fresh
 * clone runs with one command and keeps everything across restarts.
 *
 * <p>zonky's defaults are made for throw-away test databases (fsync and synchronous_commit off); here they are
 * turned back on, because an acknowledged command must survive a crash. A PostgreSQL that a crashed ledger left
 * running on the folder is stopped first ({@link OrphanedPostmaster}), so the ledger starts again after a crash too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final String DATABASE = "ledger";

    @Bean
    DataSource dataSource(@Value("${ledger.embedded.data-dir:data/postgres}") Path dataDir,
                          @Value("${ledger.embedded.port:0}") int port,
                          @Value("${ledger.embedded.pool-size:16}") int poolSize,
                          @Value("${ledger.embedded.startup-timeout:5m}") Duration startupTimeout)
            throws IOException, SQLException {
        Path folder = Files.createDirectories(dataDir).toAbsolutePath();
        OrphanedPostmaster.stopIfAny(folder);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(folder)
                // After a crash PostgreSQL replays its write-ahead log before it accepts connections.
                .setPGStartupWait(startupTimeout)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        createDatabaseIfMissing(postgres);
        log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), folder);
        return new EmbeddedPostgresDataSource(postgres, poolSize);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    /** A Hikari pool whose close also stops PostgreSQL, after every pooled connection is gone. */
    static final class EmbeddedPostgresDataSource extends HikariDataSource {
        private final transient EmbeddedPostgres postgres;

        EmbeddedPostgresDataSource(EmbeddedPostgres postgres, int poolSize) {
            this.postgres = postgres;
            setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
            setMaximumPoolSize(poolSize);
            setPoolName("ledger-embedded");
        }

        @Override
        public void close() {
            super.close();
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
