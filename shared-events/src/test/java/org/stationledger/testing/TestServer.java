package org.stationledger.testing;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The PostgreSQL server that integration tests use instead of an embedded one when {@code LEDGER_TEST_DB_URL} names
 * it (CI points it at the machine's server); {@code LEDGER_TEST_DB_USER} and {@code LEDGER_TEST_DB_PASSWORD} sign in.
 * Shared as a test jar by the query side's and the app's integration tests, so both run on the same database.
 */
public final class TestServer {

    private TestServer() {
    }

    /** The server's JDBC URL, if one is named. */
    public static Optional<String> url() {
        return Optional.ofNullable(System.getenv("LEDGER_TEST_DB_URL")).filter(url -> !url.isBlank());
    }

    public static String user() {
        return System.getenv().getOrDefault("LEDGER_TEST_DB_USER", "postgres");
    }

    public static String password() {
        return System.getenv().getOrDefault("LEDGER_TEST_DB_PASSWORD", "");
    }

    /** A fresh database on {@code serverUrl}'s server, named so that it is plainly a test's; its JDBC URL. */
    public static String createDatabase(String serverUrl) {
        String name = "ledger_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (var connection = DriverManager.getConnection(serverUrl, user(), password());
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + serverUrl, e);
        }
        int slash = serverUrl.lastIndexOf('/');
        int query = serverUrl.indexOf('?', slash);
        return serverUrl.substring(0, slash + 1) + name + (query > 0 ? serverUrl.substring(query) : "");
    }
}
