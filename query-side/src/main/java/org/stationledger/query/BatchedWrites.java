package org.stationledger.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * A projection's most frequent writes, held back until its processor's batch of events (one unit of work, up to a
 * thousand events) is about to commit, and then sent as one JDBC batch per statement: one round trip for hundreds
 * of rows instead of one each. Outside a unit of work (a point-in-time replay, a shadow rebuild) a write runs at
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

    public static void write(NamedParameterJdbcTemplate jdbc, String sql, SqlParameterSource parameters) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, parameters);
            return;
        }
        pending(CurrentUnitOfWork.get(), jdbc).computeIfAbsent(sql, ignored -> new ArrayList<>()).add(parameters);
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

    private static Map<String, List<SqlParameterSource>> pending(UnitOfWork<?> unitOfWork,
                                                                NamedParameterJdbcTemplate jdbc) {
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            Pending pending = new Pending(jdbc);
            unitOfWork.onPrepareCommit(committing -> pending.send());
            return pending;
        }).statements;
    }

    private static final class Pending {
        private final NamedParameterJdbcTemplate jdbc;
        private final Map<String, List<SqlParameterSource>> statements = new LinkedHashMap<>();

        Pending(NamedParameterJdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        void send() {
            statements.forEach((sql, rows) -> jdbc.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new)));
            statements.clear();
        }
    }
}
