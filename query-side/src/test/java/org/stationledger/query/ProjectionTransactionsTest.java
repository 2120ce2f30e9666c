package org.stationledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** A projection's transaction gets its settings for itself; nothing else is touched by them. */
@SpringBootTest(classes = ReadModelTestApplication.class)
class ProjectionTransactionsTest {

    @Autowired
    private TransactionManager transactions;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void onlyTheProjectionsTransactionCommitsAsynchronouslyAndPlansAfresh() {
        assertThat(settings()).isEqualTo(new Settings("on", "auto"));

        assertThat(settingsDuring(new ProjectionTransactions(transactions, jdbc, true)))
                .isEqualTo(new Settings("off", "force_custom_plan"));

        assertThat(settings()).as("after the transaction, on every pooled connection")
                .isEqualTo(new Settings("on", "auto"));
    }

    @Test
    void withSynchronousCommitsAskedForOnlyThePlansChange() {
        assertThat(settingsDuring(new ProjectionTransactions(transactions, jdbc, false)))
                .isEqualTo(new Settings("on", "force_custom_plan"));
    }

    /**
     * The database closes the connection of a transaction just started (a restart, a fail-over, an operator): the
     * settings fail, and the next transaction on the thread gets a connection of its own instead of the dead one.
     */
    @Test
    void aTransactionWhoseConnectionTheDatabaseClosedLeavesTheThreadFreeForTheNext() {
        TransactionManager closedByTheDatabase = () -> {
            Transaction transaction = transactions.startTransaction();
            assertThatThrownBy(() -> jdbc.execute("SELECT pg_terminate_backend(pg_backend_pid())"))
                    .isInstanceOf(DataAccessException.class);
            return transaction;
        };
        assertThatThrownBy(new ProjectionTransactions(closedByTheDatabase, jdbc, true)::startTransaction)
                .isInstanceOf(DataAccessResourceFailureException.class);

        assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
        assertThat(settingsDuring(new ProjectionTransactions(transactions, jdbc, true)))
                .isEqualTo(new Settings("off", "force_custom_plan"));
    }

    private record Settings(String synchronousCommit, String planCacheMode) {
    }

    private Settings settingsDuring(ProjectionTransactions projectionTransactions) {
        Transaction transaction = projectionTransactions.startTransaction();
        try {
            return settings();
        } finally {
            transaction.commit();
        }
    }

    private Settings settings() {
        return jdbc.queryForObject("SELECT current_setting('synchronous_commit'), current_setting('plan_cache_mode')",
                (row, index) -> new Settings(row.getString(1), row.getString(2)));
    }
}
