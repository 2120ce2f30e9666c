package org.stationledger.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where integration tests keep their data: a fresh database on the PostgreSQL server named by
 * {@code LEDGER_TEST_DB_URL} (CI uses the machine's server), or else the ledger's own embedded PostgreSQL in a
 * fresh temporary folder. Either way a real PostgreSQL, created once per test JVM.
 */
public final class TestDatabase {

    private static final String SERVER_URL = System.getenv("LEDGER_TEST_DB_URL");
    private static String databaseUrl;
    private static Path embeddedDir;

    private TestDatabase() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        if (SERVER_URL != null && !SERVER_URL.isBlank()) {
            if (databaseUrl == null) {
                databaseUrl = createDatabase(SERVER_URL);
            }
            registry.add("spring.datasource.url", () -> databaseUrl);
            registry.add("spring.datasource.username", () -> System.getenv().getOrDefault("LEDGER_TEST_DB_USER", "postgres"));
            registry.add("spring.datasource.password", () -> System.getenv().getOrDefault("LEDGER_TEST_DB_PASSWORD", ""));
        } else {
            registry.add("ledger.embedded.data-dir", () -> embeddedDir().toString());
        }
    }

    /** A fresh database on {@code serverUrl}'s server; named so that it is plainly a test's. */
    public static String createDatabase(String serverUrl) {
        String name = "ledger_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String user = System.getenv().getOrDefault("LEDGER_TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("LEDGER_TEST_DB_PASSWORD", "");
        try (var connection = DriverManager.getConnection(serverUrl, user, password);
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + serverUrl, e);
        }
        int slash = serverUrl.lastIndexOf('/');
        int query = serverUrl.indexOf('?', slash);
        return serverUrl.substring(0, slash + 1) + name + (query > 0 ? serverUrl.substring(query) : "");
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
