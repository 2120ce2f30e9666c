package org.stationledger.app.web;

import java.sql.SQLException;
import java.util.function.Predicate;

/** What a failure from PostgreSQL was, by the SQLSTATE of an {@link SQLException} among its causes. */
final class DatabaseFailures {

    /** PostgreSQL's {@code insufficient_privilege}. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    /**
     * HikariCP's message, without an SQLSTATE, on a connection it has already dropped: what a rollback meets after
     * the statement that found the connection closed (Axon rolls back without keeping that statement's failure).
     */
    private static final String CLOSED_BY_THE_POOL = "Connection is closed";

    private DatabaseFailures() {
    }

    /**
     * The database closed the connection or could not be reached (a restart, a fail-over, an operator ending
     * sessions): SQLSTATE class 08 (PostgreSQL's driver for a broken socket or a closed connection), 57P01–57P03
     * (the server shutting down, crashed, or not yet accepting connections), or the pool's own word for a connection
     * it dropped. The pool drops such a connection, so the same request may succeed at once.
     */
    static boolean connectionLost(Throwable failure) {
        return anySqlCause(failure, sql -> sql.getSQLState() == null
                ? CLOSED_BY_THE_POOL.equals(sql.getMessage())
                : sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"));
    }

    /** The ledger's database role lacks a privilege (a restored database without its grants, say). */
    static boolean privilegeMissing(Throwable failure) {
        return anySqlCause(failure, sql -> INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState()));
    }

    private static boolean anySqlCause(Throwable failure, Predicate<SQLException> wanted) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && wanted.test(sql)) {
                return true;
            }
        }
        return false;
    }
}
