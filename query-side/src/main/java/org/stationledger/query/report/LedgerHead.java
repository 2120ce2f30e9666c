package org.stationledger.query.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stationledger.events.RuleViolation;

/** Positions in the event store: its settled head, and the day the event at a position was recorded. */
final class LedgerHead {

    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;

    LedgerHead(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The highest global index below which nothing more will ever be stored. The head alone is not that: the
     * sequence hands out indexes before commit, so a transaction still in flight may yet store an event below it,
     * and a report built at the head would then differ from one rebuilt there later. So the transactions in flight
     * when the head is read are waited for (a command's transaction lasts milliseconds).
     */
    long settled() {
        Map<String, Object> head = jdbc.queryForMap("""
                SELECT coalesce(max(globalindex), -1) AS head, CAST(pg_current_snapshot() AS TEXT) AS snapshot
                FROM domainevententry""");
        long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
        while (inFlight((String) head.get("snapshot")) > 0) {
            if (System.nanoTime() > deadline) {
                throw RuleViolation.conflict("ledger-busy",
                        "A transaction of the ledger has been in flight for " + IN_FLIGHT_WAIT.toSeconds() + " s; retry.");
            }
            pause();
        }
        return ((Number) head.get("head")).longValue();
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

    /** Of the transactions in flight at {@code snapshot}, how many still are (never counting the caller's own). */
    private long inFlight(String snapshot) {
        Long count = jdbc.queryForObject("""
                SELECT count(*) FROM pg_snapshot_xip(CAST(? AS pg_snapshot)) AS xid
                WHERE pg_xact_status(xid) = 'in progress' AND xid IS DISTINCT FROM pg_current_xact_id_if_assigned()""",
                Long.class, snapshot);
        return count == null ? 0 : count;
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
