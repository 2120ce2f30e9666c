package org.stationledger.query;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection's transaction, with the settings it needs for that transaction only (on its own connection; they end
 * with it), set in one round trip as it starts.
 *
 * <p>{@code asynchronousCommit}: the transaction commits without waiting for the write-ahead log to reach the disk
 * ({@code synchronous_commit = off}). A read model is derived: its rows and its processor's token commit together, so
 * a crash can only take back the last few batches of both, and the processor handles those events again from the
 * event store, whose own commits stay synchronous. What is lost is a wait per batch, not data.
 *
 * <p>{@code freshPlans}: every statement is planned for the values and table sizes of the moment
 * ({@code plan_cache_mode = force_custom_plan}), never by a plan PostgreSQL cached for the connection. A projection
 * whose batch statement looks its events up in the event table needs it: a plan cached while that table was small
 * keeps believing it small, and scans the whole table for every batch once it is large (seen: 58,843 events read per
 * batch of the audit index, 65–130 ms each, until an ANALYZE; with autovacuum off, for good).
 */
final class ProjectionTransactions implements TransactionManager {

    private final TransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final String settings;

    ProjectionTransactions(TransactionManager transactions, JdbcTemplate jdbc, boolean asynchronousCommit,
                           boolean freshPlans) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        List<String> local = new ArrayList<>();
        if (asynchronousCommit) {
            local.add("set_config('synchronous_commit', 'off', true)");
        }
        if (freshPlans) {
            local.add("set_config('plan_cache_mode', 'force_custom_plan', true)");
        }
        this.settings = local.isEmpty() ? null : "SELECT " + String.join(", ", local);
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = transactions.startTransaction();
        if (settings != null) {
            jdbc.execute(settings);
        }
        return transaction;
    }
}
