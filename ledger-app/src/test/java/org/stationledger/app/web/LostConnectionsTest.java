package org.stationledger.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are a connection the database closed (503, retry) and which are not (a fault, or a conflict). */
class LostConnectionsTest {

    @Test
    void aBrokenSocketAClosedPooledConnectionAndAServerShuttingDownAreLostConnections() {
        assertThat(LostConnections.lost(new DataAccessResourceFailureException("set_config",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(LostConnections.lost(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed", "08003")))).isTrue();
        assertThat(LostConnections.lost(new IllegalStateException(
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(LostConnections.lost(new DuplicateKeyException("dup", new SQLException("unique", "23505"))))
                .isFalse();
        assertThat(LostConnections.lost(new IllegalStateException(new SQLException("no state")))).isFalse();
        assertThat(LostConnections.lost(new SQLException("query canceled", "57014"))).isFalse();
        assertThat(LostConnections.lost(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
