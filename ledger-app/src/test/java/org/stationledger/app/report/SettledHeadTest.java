package org.stationledger.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/**
 * A report is built at the settled head: the highest position below which nothing more will be stored. So it waits
 * for the appends in flight below the head, and for nothing else — not for a large append, whose positions all lie
 * above the head, and not for another publication, though each is in a transaction of its own.
 */
class SettledHeadTest extends IntegrationTest {

    private static final int YEAR = 2071;
    /** An event stored and not committed yet, as by a command in flight (rolled back at the end). */
    private static final String IN_FLIGHT_EVENT = """
            INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                          payload, payloadrevision, payloadtype, timestamp)
            VALUES ('settled-head-test-%1$s', 0, 'Test', '%1$s', '{}'::bytea, '{}'::bytea, '1', 'Test',
                    '2071-01-01T00:00:00Z')""";

    @Test
    void aReportWaitsForAnAppendInFlightAndIsBuiltBelowItsPositions() throws Exception {
        CompletableFuture<Api.Download> report;
        long head;
        try (Connection appending = dataSource.getConnection(); Statement statement = appending.createStatement()) {
            appending.setAutoCommit(false);
            // An event stored and not committed yet, as by a command in flight: it holds a position below the head.
            statement.executeUpdate(IN_FLIGHT_EVENT.formatted(UUID.randomUUID()));
            meanwhile(() -> as("coord").post("/api/departments",
                    Map.of("departmentId", "SETTLED-HEAD-71", "name", "Stored above the one in flight")))
                    .get(60, TimeUnit.SECONDS);
            head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
            report = meanwhile(() -> as("coord").download("/api/reports/" + YEAR + "/blocked-attempts?format=csv"));
            Thread.sleep(1000);
            assertThat(report).as("the report waits for the append in flight").isNotDone();
            appending.rollback();
        }
        Api.Download built = report.get(60, TimeUnit.SECONDS);
        assertThat(built.status()).as(built.text()).isEqualTo(200);
        assertThat(built.position()).as("built at the head of that moment")
                .isEqualTo(head);
    }

    @Test
    void aReportDoesNotWaitForALargeAppendWhosePositionsLieAboveItsHead() throws Exception {
        long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        try (Connection appending = dataSource.getConnection(); Statement statement = appending.createStatement()) {
            appending.setAutoCommit(false);
            // As a national plan's approval appends: the lock taken exclusively first, every other append waiting.
            statement.execute("SELECT pg_advisory_xact_lock(" + APPEND_LOCK + ", 0)");
            statement.executeUpdate(IN_FLIGHT_EVENT.formatted(UUID.randomUUID()));
            Api.Download built = meanwhile(() -> as("coord").download("/api/reports/" + YEAR
                                                                      + "/blocked-attempts?format=csv"))
                    .get(20, TimeUnit.SECONDS);
            assertThat(built.status()).as(built.text()).isEqualTo(200);
            assertThat(built.position()).as("built below the large append").isEqualTo(head);
            appending.rollback();
        }
    }

    @Test
    void twoPublicationsSentAtOnceBothPublish() throws Exception {
        CompletableFuture<Api.Response> burden;
        CompletableFuture<Api.Response> blocked;
        try (Connection holder = dataSource.getConnection(); Statement statement = holder.createStatement()) {
            // Both claim their Idempotency-Key (a transaction each) and then wait here to read the head.
            holder.setAutoCommit(false);
            statement.execute("LOCK TABLE domainevententry IN ACCESS EXCLUSIVE MODE");
            burden = meanwhile(() -> as("coord").withHeader("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/api/reports/" + YEAR + "/burden/publish"));
            blocked = meanwhile(() -> as("coord").withHeader("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/api/reports/" + YEAR + "/blocked-attempts/publish"));
            awaitCount("both publications waiting to read the head", 2, """
                    SELECT count(*) FROM pg_locks
                    WHERE locktype = 'relation' AND relation = 'domainevententry'::regclass AND NOT granted""");
            holder.rollback();
        }
        Api.Response first = burden.get(60, TimeUnit.SECONDS);
        Api.Response second = blocked.get(60, TimeUnit.SECONDS);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
    }
}
