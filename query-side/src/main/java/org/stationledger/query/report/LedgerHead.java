package org.stationledger.query.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stationledger.events.RuleViolation;

/** Positions in the event store: its settled head, and the day the event at a position was recorded. */
final class LedgerHead {

    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(30);
    /** The event table's append lock: every insert into it takes it, before its positions, until it ends (V22). */
    private static final int APPEND_LOCK = 1165389428;

    private final JdbcTemplate jdbc;

    LedgerHead(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The highest global index below which nothing more will ever be stored. The head alone is not that: the
     * sequence hands out indexes before commit, so a transaction still in flight may yet store an event below it,
     * and a report built at the head would then differ from one rebuilt there later. So the appends in flight when
     * the head is read are waited for (a command's transaction lasts milliseconds): the transactions that hold the
     * append lock shared just after it is read. One that takes the lock later takes its positions later, above the
     * head; so does a large append holding it exclusively (a national plan's approval, for a minute), which took it
     * once every earlier append had ended and keeps every other from taking positions until it ends.
     * Only those: a transaction that stores nothing (another publication working out its report, with the
     * idempotency key it has claimed) is not waited for, so two publications never wait for each other. This rests on
     * a transaction appending once (Axon stores a unit of work's events in one call, and no event handler of the
     * ledger publishes events): a small append followed by a large one in the same transaction would hold positions
     * below the head while it held the lock exclusively.
     */
    long settled() {
        long head = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
        // A large append holds the lock both ways (its inserts take it shared too): it is told apart by the exclusive.
        List<String> appending = jdbc.queryForList("""
                SELECT shared.virtualtransaction FROM pg_locks shared
                WHERE shared.locktype = 'advisory' AND shared.classid = ? AND shared.objid = 0
                  AND shared.objsubid = 2 AND shared.granted AND shared.mode = 'ShareLock'
                  AND shared.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND shared.pid <> pg_backend_pid()
                  AND NOT EXISTS (SELECT 1 FROM pg_locks exclusive
                                  WHERE exclusive.virtualtransaction = shared.virtualtransaction
                                    AND exclusive.locktype = 'advisory' AND exclusive.classid = ?
                                    AND exclusive.objid = 0 AND exclusive.objsubid = 2
                                    AND exclusive.mode = 'ExclusiveLock' AND exclusive.granted)""",
                String.class, APPEND_LOCK, APPEND_LOCK);
        long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
        while (!appending.isEmpty() && stillAppending(appending)) {
            if (System.nanoTime() > deadline) {
                throw RuleViolation.conflict("ledger-busy",
                        "A transaction of the ledger has been in flight for " + IN_FLIGHT_WAIT.toSeconds() + " s; retry.");
            }
            pause();
        }
        return head;
    }

    /** The day (UTC) the last event at or below {@code position} was recorded; null for an empty ledger. */
    LocalDate recordedOn(long position) {
        return jdbc.queryForList(
                        "SELECT timestamp FROM domainevententry WHERE globalindex <= ? ORDER BY globalindex DESC LIMIT 1",
                        String.class, position).stream()
                .findFirst()
                .map(timestamp -> LocalDate.ofInstant(Instant.parse(timestamp), ZoneOffset.UTC))
                .orElse(null);
    }

    /** Whether any of these transactions still holds the append lock: it ends with them. */
    private boolean stillAppending(List<String> transactions) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = ? AND objid = 0
                                 AND objsubid = 2 AND granted AND virtualtransaction = ANY (?::text[]))""",
                Boolean.class, APPEND_LOCK, transactions.toArray(String[]::new)));
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the ledger's head to settle", e);
        }
    }
}
