package org.stationledger.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stationledger.query.ReadModelTestApplication;

/**
 * Which running rebuilds another node may take over: those whose row has not moved for the given time and that no
 * worker holds at this moment.
 */
@SpringBootTest(classes = ReadModelTestApplication.class)
class RebuildRecordsTest {

    private static final String PROJECTION = "report-publications";
    private static final Duration QUIET = Duration.ofSeconds(30);

    @Autowired
    private RebuildRecords records;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @AfterEach
    void forgetTheRun() {
        jdbc.update("DELETE FROM projection_rebuild WHERE projection = ?", PROJECTION);
    }

    @Test
    void aRunThatMovedRecentlyIsNotStalled() {
        UUID run = started();

        assertThat(runIds(records.stalled(QUIET))).doesNotContain(run);
    }

    @Test
    void aRunWhoseRowHasNotMovedForTheQuietTimeIsStalled() {
        UUID run = started();
        lastMoved("40 seconds");

        assertThat(runIds(records.stalled(QUIET))).containsExactly(run);
        assertThat(runIds(records.stalled(Duration.ofMinutes(1)))).as("not yet by a longer measure").isEmpty();
    }

    @Test
    void aRunAWorkerHoldsIsNotStalledHoweverOldItsRow() {
        UUID run = started();
        lastMoved("40 seconds");

        // A worker's batch (or the final swap) holds the row for its transaction; meanwhile another node looks.
        List<RebuildRecords.Run> seenMeanwhile = new TransactionTemplate(transactions).execute(status -> {
            assertThat(records.lock(PROJECTION, run)).isPresent();
            return CompletableFuture.supplyAsync(() -> records.stalled(QUIET)).join();
        });

        assertThat(seenMeanwhile).isEmpty();
        assertThat(runIds(records.stalled(QUIET))).as("once the batch has committed").containsExactly(run);
    }

    @Test
    void aFinishedRunIsNotStalled() {
        UUID run = started();
        lastMoved("40 seconds");
        records.fail(PROJECTION, run, "given up");

        assertThat(records.stalled(QUIET)).isEmpty();
    }

    /** A worker whose run has been replaced fails nothing, and so leaves the replacing run's shadow schema alone. */
    @Test
    void onlyTheRunStillRecordedAsRunningIsFailed() {
        UUID run = started();

        assertThat(records.fail(PROJECTION, UUID.randomUUID(), "a worker of an earlier run")).isFalse();
        assertThat(records.fail(PROJECTION, run, "given up")).isTrue();
        assertThat(records.fail(PROJECTION, run, "again")).as("once").isFalse();
    }

    private UUID started() {
        UUID run = UUID.randomUUID();
        assertThat(records.start(PROJECTION, run, "rebuild_report_publications", 10)).isTrue();
        return run;
    }

    private void lastMoved(String ago) {
        jdbc.update("UPDATE projection_rebuild SET updated_at = now() - CAST(? AS INTERVAL) WHERE projection = ?", ago,
                PROJECTION);
    }

    private static List<UUID> runIds(List<RebuildRecords.Run> runs) {
        return runs.stream().map(RebuildRecords.Run::runId).toList();
    }
}
