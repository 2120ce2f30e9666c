package org.stationledger.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/**
 * A command that PostgreSQL picks as a deadlock's victim while Axon stores its event lost a race like any other: it is
 * carried out again once the other party has gone on, not answered as a failure of the ledger.
 */
class DeadlockRetryTest extends IntegrationTest {

    private static final int YEAR = 2019;
    private static final String STATION = "DL-19-1";
    /** The first key of the year locks ({@code CycleLookup}). */
    private static final int YEAR_LOCK = 0x4379_636C;

    @Test
    void aFindingChosenAsADeadlocksVictimWhileItsEventIsStoredIsRecordedOnItsRetry() throws Exception {
        openYearWithScheme(YEAR, "CRIM-19");
        String inspection = approvedException(STATION, YEAR + "-05-10");
        long deadlocksBefore = deadlocks();

        CompletableFuture<Api.Response> finding;
        try (Connection other = dataSource.getConnection(); Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            // This side never looks for the deadlock first: PostgreSQL aborts the finding's transaction.
            statement.execute("SET LOCAL deadlock_timeout = '60s'");
            // Held as a large append holds it: the finding waits to store its event, its year's lock taken.
            statement.execute("SELECT pg_advisory_xact_lock(" + APPEND_LOCK + ", 0)");
            finding = meanwhile(() -> finding(inspection, "CRIM-19", "4", YEAR + "-05-10T10:00:00Z"));
            awaitCount("the finding waiting to store its event", 1, """
                    SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                      AND classid = ? AND objid = 0
                      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""",
                    APPEND_LOCK);
            // The close's lock on the year: each side now waits for the other.
            statement.execute("SELECT pg_advisory_xact_lock(" + YEAR_LOCK + ", " + YEAR + ")");
            other.rollback();
        }

        Api.Response recorded = finding.get(60, TimeUnit.SECONDS);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        assertThat(deadlocks()).as("the finding's first attempt was a deadlock's victim").isGreaterThan(deadlocksBefore);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM domainevententry
                WHERE payloadtype LIKE '%FindingRecorded' AND convert_from(payload, 'UTF8') LIKE ?""", Long.class,
                "%" + inspection + "%"))
                .as("recorded once").isEqualTo(1);
    }

    private long deadlocks() {
        return jdbc.queryForObject("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()",
                Long.class);
    }
}
