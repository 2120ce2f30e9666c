package org.stationledger.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.stationledger.app.IntegrationTest;

/**
 * The database closes the connection of a transaction (a restart, a fail-over, an operator): whatever Axon and the
 * pool then throw is known as a lost connection, so the client is told to retry (503), not that the ledger failed.
 */
class LostConnectionTest extends IntegrationTest {

    @Autowired
    private TransactionManager transactions;
    @Autowired
    private PlatformTransactionManager platformTransactions;

    /**
     * Axon rolls back without keeping the statement's own failure, and the rollback meets the connection the pool
     * has already dropped: all that is left is the pool's "Connection is closed", without an SQLSTATE.
     */
    @Test
    void aTransactionWhoseRollbackAlsoFailsIsALostConnection() {
        Throwable failure = catchThrowable(() -> transactions.fetchInTransaction(() -> {
            int pid = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
            terminateFromAnotherConnection(pid);
            return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        }));

        assertThat(failure).as("the failure itself").isNotNull();
        assertThat(DatabaseFailures.connectionLost(failure)).as(String.valueOf(failure)).isTrue();
    }

    private void terminateFromAnotherConnection(int pid) {
        var separately = new TransactionTemplate(platformTransactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        separately.executeWithoutResult(status ->
                jdbc.queryForObject("SELECT pg_terminate_backend(?, 10000)", Boolean.class, pid));
    }
}
