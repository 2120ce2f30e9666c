package org.stationledger.app.messaging;

import java.sql.SQLException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Whether a command failed because another one got there first: optimistic locking on an aggregate, two commands
 * creating the same aggregate (the event table's unique key on aggregate and sequence number, which Axon reports as
 * an event store failure), a look-up table's unique key, or a transient database conflict. Such a command is retried,
 * and sees the winner's state; if it still cannot win, it is answered as a conflict, never as a failure.
 */
public final class LostRaces {

    /** PostgreSQL's SQLSTATE for a unique key violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    private LostRaces() {
    }

    public static boolean lost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException
                || cause instanceof DuplicateKeyException || cause instanceof TransientDataAccessException
                || cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
