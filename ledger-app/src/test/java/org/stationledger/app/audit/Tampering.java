package org.stationledger.app.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What an intruder with the database's superuser could do: a connection of its own, with the append-only triggers
 * switched off for its session ({@code session_replication_role = replica}). Tests put back what they changed.
 */
final class Tampering implements AutoCloseable {

    private final Connection connection;
    final JdbcTemplate jdbc;
    /** The ledger's database, for the offline verifier: url, user, password. */
    final Map<String, String> database;

    Tampering(DataSource ledger) throws SQLException {
        String url;
        String user;
        try (Connection probe = ledger.getConnection()) {
            url = probe.getMetaData().getURL();
            user = probe.getMetaData().getUserName();
        }
        String password = System.getenv().getOrDefault("LEDGER_TEST_DB_PASSWORD", "");
        this.database = Map.of("url", url, "user", user, "password", password);
        this.connection = DriverManager.getConnection(url, user, password);
        connection.createStatement().execute("SET session_replication_role = replica");
        this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    }

    /** Makes the changes in one transaction, so that the ledger's chain builder sees all of them or none. */
    void atOnce(Runnable changes) {
        try {
            connection.setAutoCommit(false);
            try {
                changes.run();
                connection.commit();
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
