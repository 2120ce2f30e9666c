package org.stationledger.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Which failures are a connection the database closed (503, retry), which a privilege the ledger's role lacks (an
 * operator's to grant), and which neither (a fault, or a conflict).
 */
class DatabaseFailuresTest {

    @Test
    void aBrokenSocketAClosedPooledConnectionAndAServerShuttingDownAreLostConnections() {
        assertThat(DatabaseFailures.connectionLost(new DataAccessResourceFailureException("set_config",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseFailures.connectionLost(new TransactionSystemException("JDBC rollback failed",
                new SQLException("This connection has been closed.", "08003")))).isTrue();
        assertThat(DatabaseFailures.connectionLost(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).as("the pool's, on a connection it dropped").isTrue();
        assertThat(DatabaseFailures.connectionLost(new IllegalStateException(
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(DatabaseFailures.connectionLost(new DuplicateKeyException("dup", new SQLException("unique", "23505"))))
                .isFalse();
        assertThat(DatabaseFailures.connectionLost(new IllegalStateException(new SQLException("no state")))).isFalse();
        assertThat(DatabaseFailures.connectionLost(new SQLException("query canceled", "57014"))).isFalse();
        assertThat(DatabaseFailures.connectionLost(new IllegalStateException("no SQL at all"))).isFalse();
    }

    @Test
    void aPrivilegeTheRoleLacks() {
        assertThat(DatabaseFailures.privilegeMissing(new BadSqlGrammarException("rebuild", "CREATE SCHEMA rebuild_ratings",
                new SQLException("permission denied for database ledger", "42501")))).isTrue();
        assertThat(DatabaseFailures.privilegeMissing(new SQLException("relation does not exist", "42P01"))).isFalse();
        assertThat(DatabaseFailures.connectionLost(new SQLException("permission denied", "42501"))).isFalse();
    }
}
