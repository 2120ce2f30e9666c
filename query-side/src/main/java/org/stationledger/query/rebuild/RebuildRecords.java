package org.stationledger.query.rebuild;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.stationledger.query.JdbcValues;

/** The state of rebuilds in {@code projection_rebuild}, written in the rebuild's own transactions. */
@Repository
class RebuildRecords {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    /** This node's name: a run's worker. */
    private final String node;

    RebuildRecords(JdbcTemplate jdbc, Serializer serializer, ThisNode node) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.node = node.name();
    }

    /** A running rebuild where its last committed batch left it. */
    record Run(String projection, UUID runId, TrackingToken token, long eventsDone, long eventsTotal) {
    }

    /** Records a new run unless one is running; false if one is. */
    boolean start(String projection, UUID runId, String shadowSchema, long eventsTotal) {
        boolean started = jdbc.update("""
                INSERT INTO projection_rebuild (projection, run_id, status, worker, shadow_schema, events_done,
                                                events_total, started_at, updated_at)
                VALUES (?, ?, 'RUNNING', ?, ?, 0, ?, now(), now())
                ON CONFLICT (projection) DO UPDATE SET
                    run_id = EXCLUDED.run_id, status = 'RUNNING', worker = EXCLUDED.worker,
                    shadow_schema = EXCLUDED.shadow_schema, token = NULL, token_type = NULL, events_done = 0,
                    events_total = EXCLUDED.events_total, events_per_second = NULL, replaced = NULL, error = NULL,
                    started_at = EXCLUDED.started_at, updated_at = EXCLUDED.updated_at, finished_at = NULL
                WHERE projection_rebuild.status <> 'RUNNING'
                """, projection, runId, node, shadowSchema, eventsTotal) == 1;
        if (started) {
            jdbc.update("DELETE FROM projection_rebuild_checksum WHERE projection = ?", projection);
        }
        return started;
    }

    List<Run> running() {
        return jdbc.query("SELECT * FROM projection_rebuild WHERE status = 'RUNNING' ORDER BY projection",
                (row, index) -> run(row));
    }

    /**
     * Running rebuilds whose row has not moved for this long, by the database's clock (the same for every node). A
     * row locked at this moment is being worked on (a batch, or the final compare and swap) and is left out.
     */
    List<Run> stalled(Duration quiet) {
        return jdbc.query("""
                SELECT * FROM projection_rebuild
                WHERE status = 'RUNNING' AND updated_at < now() - make_interval(secs => ?)
                ORDER BY projection
                FOR UPDATE SKIP LOCKED
                """, (row, index) -> run(row), quiet.toMillis() / 1000.0);
    }

    /**
     * Locks the run's row for the caller's transaction and returns it, if it is still this run and still running:
     * of two workers of one run (two nodes resuming it), one commits each batch and the other finds it moved on.
     */
    Optional<Run> lock(String projection, UUID runId) {
        return jdbc.query("SELECT * FROM projection_rebuild WHERE projection = ? AND run_id = ? AND status = 'RUNNING'"
                          + " FOR UPDATE", (row, index) -> run(row), projection, runId).stream().findFirst();
    }

    void advance(Run run, double eventsPerSecond) {
        SerializedObject<byte[]> token = run.token() == null ? null : serializer.serialize(run.token(), byte[].class);
        jdbc.update("""
                UPDATE projection_rebuild SET token = ?, token_type = ?, events_done = ?,
                    events_total = GREATEST(events_total, ?), events_per_second = ?, worker = ?, updated_at = now()
                WHERE projection = ? AND run_id = ?
                """, token == null ? null : token.getData(), token == null ? null : token.getType().getName(),
                run.eventsDone(), run.eventsDone(), eventsPerSecond, node, run.projection(), run.runId());
    }

    void complete(Run run, List<RebuildProgress.TableChecksum> checksums, boolean replaced) {
        for (var checksum : checksums) {
            jdbc.update("INSERT INTO projection_rebuild_checksum (projection, table_name, live_checksum, rebuilt_checksum)"
                        + " VALUES (?, ?, ?, ?)", run.projection(), checksum.table(), checksum.live(), checksum.rebuilt());
        }
        jdbc.update("""
                UPDATE projection_rebuild SET status = 'COMPLETED', replaced = ?, worker = ?, updated_at = now(),
                    finished_at = now()
                WHERE projection = ? AND run_id = ?
                """, replaced, node, run.projection(), run.runId());
    }

    /** Whether the run was still this projection's running one, and is now recorded as failed. */
    boolean fail(String projection, UUID runId, String error) {
        return jdbc.update("""
                UPDATE projection_rebuild SET status = 'FAILED', error = ?, updated_at = now(), finished_at = now()
                WHERE projection = ? AND run_id = ? AND status = 'RUNNING'
                """, error, projection, runId) == 1;
    }

    Optional<RebuildProgress> progress(String projection) {
        // The run first, its checksums second: completion writes both in one transaction, so a run read as
        // COMPLETED always finds its checksums (the other order could read none, then COMPLETED).
        Optional<RebuildProgress> run = jdbc.query("SELECT * FROM projection_rebuild WHERE projection = ?",
                (row, index) -> progress(row), projection).stream().findFirst();
        if (run.isEmpty() || run.get().status() != RebuildStatus.COMPLETED) {
            return run;
        }
        List<RebuildProgress.TableChecksum> checksums = jdbc.query("""
                SELECT table_name, live_checksum, rebuilt_checksum FROM projection_rebuild_checksum
                WHERE projection = ? ORDER BY table_name
                """, (row, index) -> new RebuildProgress.TableChecksum(row.getString("table_name"),
                row.getString("live_checksum"), row.getString("rebuilt_checksum"),
                row.getString("live_checksum").equals(row.getString("rebuilt_checksum"))), projection);
        return run.map(completed -> completed.compared(checksums));
    }

    private RebuildProgress progress(ResultSet row) throws SQLException {
        RebuildStatus status = JdbcValues.constant(row, "status", RebuildStatus.class);
        long done = row.getLong("events_done");
        long total = Math.max(row.getLong("events_total"), done);
        Double rate = (Double) row.getObject("events_per_second");
        Long eta = status == RebuildStatus.RUNNING && rate != null && rate > 0
                ? Duration.ofMillis((long) ((total - done) / rate * 1000)).toSeconds()
                : null;
        return new RebuildProgress(row.getString("projection"), status, row.getString("worker"), done, total, rate, eta,
                JdbcValues.instant(row, "started_at"), JdbcValues.instant(row, "updated_at"),
                JdbcValues.instant(row, "finished_at"), null, null, (Boolean) row.getObject("replaced"),
                row.getString("error"));
    }

    private Run run(ResultSet row) throws SQLException {
        byte[] token = row.getBytes("token");
        return new Run(row.getString("projection"), row.getObject("run_id", UUID.class), token == null ? null
                : serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, row.getString("token_type"),
                        null)), row.getLong("events_done"), row.getLong("events_total"));
    }
}
