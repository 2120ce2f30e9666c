package org.stationledger.app.messaging;

import java.sql.SQLException;
import java.util.Set;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Whether a command failed because another one got there first: optimistic locking on an aggregate, two commands
 * creating the same aggregate (the event table's unique key on aggregate and sequence number, which Axon reports as
 * an event store failure), a look-up table's unique key, or a transient database conflict — also where Axon's event
 * store reports one as its own failure (a deadlock's victim while it stores the events). Such a command is retried,
 * and sees the winner's state; if it still cannot win, it is answered as a conflict, never as a failure.
 */
public final class LostRaces {

    /** PostgreSQL's SQLSTATEs of a unique key violation, a serialisation failure and a deadlock's victim. */
    private static final Set<String> LOST_RACE_STATES = Set.of("23505", "40001", "40P01");

    private LostRaces() {
    }

    public static boolean lost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException
                || cause instanceof DuplicateKeyException || cause instanceof TransientDataAccessException
                || cause instanceof SQLException sql && LOST_RACE_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
