package org.stationledger.app.web;

import java.sql.SQLException;
import java.util.function.Predicate;

/** What a failure from PostgreSQL was, by the SQLSTATE of an {@link SQLException} among its causes. */
final class DatabaseFailures {

    /** PostgreSQL's {@code insufficient_privilege}. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private DatabaseFailures() {
    }

    /**
     * The database closed the connection or could not be reached (a restart, a fail-over, an operator ending
     * sessions): SQLSTATE class 08 (PostgreSQL's driver for a broken socket, the pool for a connection it closed) or
     * 57P01–57P03 (the server shutting down, crashed, or not yet accepting connections). The pool drops such a
     * connection, so the same request may succeed at once.
     */
    static boolean connectionLost(Throwable failure) {
        return sqlState(failure, state -> state.startsWith("08") || state.matches("57P0[123]"));
    }

    /** The ledger's database role lacks a privilege (a restored database without its grants, say). */
    static boolean privilegeMissing(Throwable failure) {
        return sqlState(failure, INSUFFICIENT_PRIVILEGE::equals);
    }

    private static boolean sqlState(Throwable failure, Predicate<String> wanted) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && wanted.test(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
