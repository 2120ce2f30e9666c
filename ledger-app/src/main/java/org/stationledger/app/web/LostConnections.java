package org.stationledger.app.web;

import java.sql.SQLException;

/**
 * Whether a request failed because the database closed its connection or could not be reached: a restart, a
 * fail-over, an operator ending sessions. The pool drops such a connection, so the same request may succeed at once.
 */
final class LostConnections {

    private LostConnections() {
    }

    /**
     * SQLSTATE class 08 (connection exception: PostgreSQL's driver for a broken socket, the pool for a connection it
     * closed) or 57P01–57P03 (the server shutting down, crashed, or not yet accepting connections), anywhere among the
     * causes.
     */
    static boolean lost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }
}
