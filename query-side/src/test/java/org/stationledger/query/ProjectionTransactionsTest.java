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
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("plan_cache_mode")).isEqualTo("auto");

        Transaction transaction = new ProjectionTransactions(transactions, jdbc, true).startTransaction();
        String synchronousCommit = setting("synchronous_commit");
        String planCacheMode = setting("plan_cache_mode");
        transaction.commit();

        assertThat(synchronousCommit).isEqualTo("off");
        assertThat(planCacheMode).isEqualTo("force_custom_plan");
        assertThat(setting("synchronous_commit")).as("after the transaction, on every pooled connection")
                .isEqualTo("on");
        assertThat(setting("plan_cache_mode")).isEqualTo("auto");
    }

    @Test
    void withSynchronousCommitsAskedForOnlyThePlansChange() {
        Transaction transaction = new ProjectionTransactions(transactions, jdbc, false).startTransaction();
        String synchronousCommit = setting("synchronous_commit");
        String planCacheMode = setting("plan_cache_mode");
        transaction.commit();

        assertThat(synchronousCommit).isEqualTo("on");
        assertThat(planCacheMode).isEqualTo("force_custom_plan");
    }

    private String setting(String name) {
        return jdbc.queryForObject("SELECT current_setting(?)", String.class, name);
    }
}
