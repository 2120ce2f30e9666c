package org.stationledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

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
