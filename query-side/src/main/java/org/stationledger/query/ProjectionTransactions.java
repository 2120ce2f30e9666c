package org.stationledger.query;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection's transaction, with the settings it needs for that transaction only (on its own connection; they end
 * with it), set in one round trip as it starts.
 *
 * <p>Every statement is planned for the values and table sizes of the moment ({@code plan_cache_mode =
 * force_custom_plan}), never by a plan PostgreSQL cached for the connection. Read models start empty and grow (at the
 * first start, at every reset), and a plan cached while a table was small keeps believing it small until the table
 * is analysed — with autovacuum off, for good: it then reads the whole table for every batch (seen: the audit index
 * scanning 58,843 events of the event table per batch, 65–130 ms each; the burden projection scanning its requests
 * for each batch of a replay). Planning a projection's few statements per batch costs far less.
 *
 * <p>With {@code asynchronousCommit} (the default; {@code ledger.projections.synchronous-commit=true} turns it off)
 * the transaction commits without waiting for the write-ahead log to reach the disk ({@code synchronous_commit =
 * off}). A read model is derived: its rows and its processor's token commit together, so a crash can only take back
 * the last few batches of both, and the processor handles those events again from the event store, whose own commits
 * stay synchronous. What is lost is a wait per batch, not data.
 */
final class ProjectionTransactions implements TransactionManager {

    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final String settings;

    ProjectionTransactions(TransactionManager transactions, JdbcTemplate jdbc, boolean asynchronousCommit) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.settings = "SELECT set_config('plan_cache_mode', 'force_custom_plan', true)"
                        + (asynchronousCommit ? ", set_config('synchronous_commit', 'off', true)" : "");
    }

    /**
     * Ends the transaction it started when the settings fail (a connection the database closed, say): left open, it
     * would stay bound to the processor's thread, and every retry would join it and fail again, for good.
     */
    @Override
    public Transaction startTransaction() {
        Transaction transaction = transactions.startTransaction();
        try {
            jdbc.execute(settings);
        } catch (RuntimeException failed) {
            try {
                transaction.rollback();
            } catch (RuntimeException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
            throw failed;
        }
        return transaction;
    }
}
