package org.stationledger.app.audit;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Extends the audit chain over newly stored events, in global-index order, reading the event table itself so that
 * the hash covers the stored bytes (not a re-serialization), and never past a gap that may still fill.
 *
 * <p>Gaps: a global index is taken from the sequence when the row is inserted, but transactions commit in any order,
 * so index 7 may be visible while 6 is still being written by a transaction that has not committed yet, or will
 * never be (rolled back). The chain waits at such a gap until it is settled. Every transaction that inserts into
 * the event table holds a RowExclusiveLock on it from before it draws its index until it ends. So once an event
 * above the gap has been read, the transactions holding that lock at that moment include every one that could
 * still fill the gap; when all of them have ended (pg_locks), everything below that event is final, and a gap that
 * is still empty stays empty. Nothing blocks the writers meanwhile.
 *
 * <p>Several nodes may run this; a transaction-scoped advisory lock lets one extend the chain at a time.
 */
@Component
class ChainBuilder {

    private static final Logger log = LoggerFactory.getLogger(ChainBuilder.class);
    /** The advisory lock key of the chain: "AUDITCHN" in ASCII. */
    private static final long CHAIN_LOCK = 0x4155444954434841L;
    private static final String INSERTING_TRANSACTIONS = """
            SELECT DISTINCT virtualtransaction FROM pg_locks
            WHERE relation = 'domainevententry'::regclass AND mode = 'RowExclusiveLock' AND pid <> pg_backend_pid()
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final int batchSize;
    /** Every global index up to here is final: its event is visible or will never exist. */
    private long settledUpTo;
    /** A gap being settled: below {@code horizon} once these transactions have ended. */
    private Settling settling;

    ChainBuilder(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                 @Value("${ledger.audit.chain-batch-size:500}") int batchSize) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.batchSize = batchSize;
    }

    @Scheduled(fixedDelayString = "${ledger.audit.chain-interval:500ms}")
    void scheduled() {
        catchUp();
    }

    /** Chains every event that can be chained now, a round (one transaction) at a time; returns the head. */
    synchronized ChainLink catchUp() {
        boolean progressed;
        do {
            progressed = Boolean.TRUE.equals(transaction.execute(status -> extend()));
        } while (progressed);
        return head();
    }

    ChainLink head() {
        return jdbc.query("SELECT global_index, hash FROM audit_chain ORDER BY global_index DESC LIMIT 1",
                        (row, index) -> new ChainLink(row.getLong("global_index"), row.getBytes("hash")))
                .stream().findFirst().orElse(ChainLink.START);
    }

    /** One round; true when it made progress (chained events or settled a gap). */
    private boolean extend() {
        jdbc.execute("SELECT pg_advisory_xact_lock(" + CHAIN_LOCK + ")");
        boolean settled = settleIfDone();
        ChainLink head = head();
        List<StoredEvent> events = jdbc.query("SELECT " + StoredEvent.COLUMNS + " FROM domainevententry"
                                              + " WHERE globalindex > ? ORDER BY globalindex LIMIT ?",
                (row, index) -> StoredEvent.read(row), head.globalIndex(), batchSize);
        ChainLink previous = head;
        List<Object[]> links = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            boolean gapBefore = event.globalIndex() > previous.globalIndex() + 1;
            if (gapBefore && event.globalIndex() - 1 > settledUpTo) {
                startSettling(previous.globalIndex() + 1, event.globalIndex() - 1);
                // With nobody inserting, the gap is settled at once; the next round reads the events again.
                settled |= settleIfDone();
                break;
            }
            byte[] hash = ChainHash.next(previous.hash(), event);
            links.add(new Object[]{event.globalIndex(), event.eventId(), previous.hash(), hash});
            previous = new ChainLink(event.globalIndex(), hash);
        }
        // The round's links in one round trip (a JDBC batch), not one per event.
        jdbc.batchUpdate("INSERT INTO audit_chain (global_index, event_id, previous_hash, hash) VALUES (?, ?, ?, ?)",
                links);
        return settled || previous != head;
    }

    private boolean settleIfDone() {
        if (settling == null) {
            return false;
        }
        Long running = jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE relation = 'domainevententry'::regclass"
                                           + " AND mode = 'RowExclusiveLock' AND virtualtransaction = ANY (?)",
                Long.class, (Object) settling.transactions());
        if (running != null && running > 0) {
            return false;
        }
        settledUpTo = Math.max(settledUpTo, settling.horizon());
        settling = null;
        return true;
    }

    /** Must run after the event above the gap was read: see the class comment. */
    private void startSettling(long gapFrom, long gapTo) {
        if (settling != null && settling.horizon() >= gapTo) {
            return;
        }
        String[] inserting = jdbc.queryForList(INSERTING_TRANSACTIONS, String.class).toArray(String[]::new);
        log.debug("Audit chain waits at global index {}-{} until {} inserting transaction(s) end", gapFrom, gapTo,
                inserting.length);
        settling = new Settling(gapTo, inserting);
    }

    private record Settling(long horizon, String[] transactions) {
    }
}
