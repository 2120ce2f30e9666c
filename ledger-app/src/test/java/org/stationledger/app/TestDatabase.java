package org.stationledger.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.stationledger.testing.TestServer;

/**
 * Where integration tests keep their data: a fresh database on the PostgreSQL server named by
 * {@code LEDGER_TEST_DB_URL} (CI uses the machine's server), or else the ledger's own embedded PostgreSQL in a
 * fresh temporary folder. Either way a real PostgreSQL, created once per test JVM.
 */
public final class TestDatabase {

    private static String databaseUrl;
    private static Path embeddedDir;

    private TestDatabase() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        var server = TestServer.url();
        if (server.isPresent()) {
            if (databaseUrl == null) {
                databaseUrl = TestServer.createDatabase(server.get());
            }
            registry.add("spring.datasource.url", () -> databaseUrl);
            registry.add("spring.datasource.username", TestServer::user);
            registry.add("spring.datasource.password", TestServer::password);
        } else {
            registry.add("ledger.embedded.data-dir", () -> embeddedDir().toString());
        }
    }

    private static synchronized Path embeddedDir() {
        if (embeddedDir == null) {
            embeddedDir = newEmbeddedDir();
        }
        return embeddedDir;
    }

    public static Path newEmbeddedDir() {
        try {
            return Files.createTempDirectory("ledger-test-pg");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
