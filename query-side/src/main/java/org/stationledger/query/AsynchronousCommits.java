package org.stationledger.query;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The projections' transactions commit without waiting for the write-ahead log to reach the disk
 * ({@code synchronous_commit = off} for the transaction only). A read model is derived: its rows and its processor's
 * token commit together, so a crash can only take back the last few batches of both, and the processor handles those
 * events again from the event store, whose own commits stay synchronous. What is lost is a wait per batch, not data.
 */
final class AsynchronousCommits implements TransactionManager {

    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;

    AsynchronousCommits(TransactionManager transactions, JdbcTemplate jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = transactions.startTransaction();
        // On the transaction's own connection; SET LOCAL ends with it.
        jdbc.execute("SET LOCAL synchronous_commit TO OFF");
        return transaction;
    }
}
