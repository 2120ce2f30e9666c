package org.stationledger.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * A projection's most frequent writes, held back until its processor's batch of events (one unit of work, up to a
 * thousand events) is about to commit, and then sent together: a statement's writes as one JDBC batch (one round
 * trip for hundreds of rows instead of one each), or whole rows as one statement over arrays ({@link Rows}). A
 * shadow rebuild's batch is one unit of work too. Outside a unit of work (a point-in-time replay) a write runs at
 * once.
 *
 * <p>Held-back writes of different statements may run in another order than their events: a statement belongs here
 * only if no other held-back statement writes the rows it writes (in practice: an upsert keyed by the event's own
 * id, each table written by one such statement). Writes of the same statement keep their order. Any other statement
 * or read that touches those rows must come after {@link #flush()}.
 */
public final class BatchedWrites {

    private static final String PENDING = BatchedWrites.class.getName() + ".pending";

    private BatchedWrites() {
    }

    /**
     * An upsert of whole rows from one text array per column: {@code sql} reads them with
     * {@code unnest(CAST(:column AS type[]), …)}, and must set every column of a row it finds (so writing the last
     * of several writes of one row in a batch is the same as writing them in turn).
     */
    public record Rows(String sql, String... columns) {
    }

    public static void write(NamedParameterJdbcTemplate jdbc, String sql, SqlParameterSource parameters) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, parameters);
            return;
        }
        Batch batch = pending(CurrentUnitOfWork.get(), jdbc).statements
                .computeIfAbsent(sql, ignored -> new Statement(sql));
        ((Statement) batch).add(parameters);
    }

    /** One row of {@code rows}, keyed by its primary key; its values in the order of the columns, any type. */
    public static void write(NamedParameterJdbcTemplate jdbc, Rows rows, Object key, Object... values) {
        if (values.length != rows.columns().length) {
            throw new IllegalArgumentException(rows.columns().length + " values expected, not " + values.length);
        }
        if (!CurrentUnitOfWork.isStarted()) {
            RowBatch single = new RowBatch(rows);
            single.add(key, values);
            single.send(jdbc);
            return;
        }
        Batch batch = pending(CurrentUnitOfWork.get(), jdbc).statements
                .computeIfAbsent(rows, ignored -> new RowBatch(rows));
        ((RowBatch) batch).add(key, values);
    }

    /** Sends what is held back now, so that the statement or read that follows sees it. */
    public static void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            Pending pending = CurrentUnitOfWork.get().getResource(PENDING);
            if (pending != null) {
                pending.send();
            }
        }
    }

    private static Pending pending(UnitOfWork<?> unitOfWork, NamedParameterJdbcTemplate jdbc) {
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            Pending pending = new Pending(jdbc);
            unitOfWork.onPrepareCommit(committing -> pending.send());
            return pending;
        });
    }

    private interface Batch {
        void send(NamedParameterJdbcTemplate jdbc);
    }

    private static final class Pending {
        private final NamedParameterJdbcTemplate jdbc;
        /** By statement, in the order each first appeared. */
        private final Map<Object, Batch> statements = new LinkedHashMap<>();

        Pending(NamedParameterJdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        void send() {
            statements.values().forEach(batch -> batch.send(jdbc));
            statements.clear();
        }
    }

    private static final class Statement implements Batch {
        private final String sql;
        private final List<SqlParameterSource> writes = new ArrayList<>();

        Statement(String sql) {
            this.sql = sql;
        }

        void add(SqlParameterSource parameters) {
            writes.add(parameters);
        }

        @Override
        public void send(NamedParameterJdbcTemplate jdbc) {
            jdbc.batchUpdate(sql, writes.toArray(SqlParameterSource[]::new));
        }
    }

    private static final class RowBatch implements Batch {
        private final Rows rows;
        /** The last values written for each key. */
        private final Map<Object, Object[]> byKey = new LinkedHashMap<>();

        RowBatch(Rows rows) {
            this.rows = rows;
        }

        void add(Object key, Object[] values) {
            byKey.remove(key);
            byKey.put(key, values);
        }

        @Override
        public void send(NamedParameterJdbcTemplate jdbc) {
            String[] columns = rows.columns();
            MapSqlParameterSource arrays = new MapSqlParameterSource();
            for (int column = 0; column < columns.length; column++) {
                String[] texts = new String[byKey.size()];
                int row = 0;
                for (Object[] values : byKey.values()) {
                    texts[row++] = values[column] == null ? null : values[column].toString();
                }
                arrays.addValue(columns[column], texts);
            }
            jdbc.update(rows.sql(), arrays);
        }
    }
}
