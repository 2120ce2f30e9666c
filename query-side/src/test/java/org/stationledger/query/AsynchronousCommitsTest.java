package org.stationledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** A projection's transaction does not wait for the disk; nothing else is touched by it. */
@SpringBootTest(classes = ReadModelTestApplication.class)
class AsynchronousCommitsTest {

    @Autowired
    private TransactionManager transactions;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void onlyTheProjectionsTransactionCommitsAsynchronously() {
        String before = setting();

        Transaction transaction = new AsynchronousCommits(transactions, jdbc).startTransaction();
        String during = setting();
        transaction.commit();

        assertThat(before).isEqualTo("on");
        assertThat(during).isEqualTo("off");
        assertThat(setting()).as("after the transaction, on every pooled connection").isEqualTo("on");
    }

    private String setting() {
        return jdbc.queryForObject("SHOW synchronous_commit", String.class);
    }
}
