package org.stationledger.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Events written as a slow command writes them: in a transaction the test holds open, so that one with a lower
 * global index commits after one with a higher (how transactions commit out of order under load).
 */
public final class LateEvents {

    private LateEvents() {
    }

    /**
     * Stores a registration of {@code departmentId}, copied from {@code existingDepartmentId}'s, in the caller's
     * transaction; its global index.
     */
    public static long registerDepartment(Connection connection, String existingDepartmentId, String departmentId)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                SELECT ?, 0, type, ?, metadata,
                       convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8'),
                       payloadrevision, payloadtype, ?
                FROM domainevententry WHERE aggregateidentifier = ?
                RETURNING globalindex
                """)) {
            insert.setString(1, "department:" + departmentId);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, existingDepartmentId);
            insert.setString(4, departmentId);
            insert.setString(5, Instant.now().toString());
            insert.setString(6, "department:" + existingDepartmentId);
            try (ResultSet inserted = insert.executeQuery()) {
                inserted.next();
                return inserted.getLong(1);
            }
        }
    }
}
