package org.stationledger.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stationledger.events.inspection.ExceptionApproved;
import org.stationledger.events.inspection.ExceptionRefused;

/**
 * A ledger from before V26 shows no one as having decided its exceptions: the migration sets who decided each one and
 * when from the decision's event, in place, and leaves requests nobody decided as they were. A rebuild of the
 * inspection list running through the API is ended, its shadow copy dropped.
 */
class InspectionDecisionsMigrationTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Test
    void exceptionsDecidedBeforeTheUpgradeShowWhoDecidedThemAndWhen() throws Exception {
        Upgrades.upgrade("25", jdbc -> {
            requested(jdbc, "I-APPROVED", 1);
            requested(jdbc, "I-REFUSED", 2);
            requested(jdbc, "I-PENDING", 3);
            decided(jdbc, "I-APPROVED", new ExceptionApproved("I-APPROVED", 2025, "S1", "CRIM", "Justified"),
                    "coord", "2025-05-11T09:30:00.125Z");
            decided(jdbc, "I-REFUSED", new ExceptionRefused("I-REFUSED", 2025, "S1", "CRIM", "Not urgent"),
                    "coord-deputy", "2025-05-12T16:00:00Z");
            Upgrades.rebuildRunning(jdbc, "inspections");
        }, jdbc -> {
            assertThat(decision(jdbc, "I-APPROVED"))
                    .isEqualTo("coord at " + Instant.parse("2025-05-11T09:30:00.125Z"));
            assertThat(decision(jdbc, "I-REFUSED"))
                    .isEqualTo("coord-deputy at " + Instant.parse("2025-05-12T16:00:00Z"));
            assertThat(decision(jdbc, "I-PENDING")).isEqualTo("null at null");
            assertThat(Upgrades.rebuildAfterwards(jdbc, "inspections")).as("its shadow copy lacks the new columns")
                    .startsWith("FAILED: Ended by migration V26").endsWith("(shadow dropped)");
        });
    }

    /** The row the inspection list kept of an exception's request before V26. */
    private static void requested(JdbcTemplate jdbc, String inspectionId, long position) {
        jdbc.update("""
                INSERT INTO read_inspection (inspection_id, year, station_id, department_id, inspection_date, status,
                                             exception_category, justification, requested_at, requested_by,
                                             requested_position)
                VALUES (?, 2025, 'S1', 'CRIM', DATE '2025-05-10', 'PENDING_EXCEPTION', 'MAJOR_INCIDENT', 'Fire',
                        TIMESTAMPTZ '2025-05-10T08:00:00Z', 'crim', ?)""", inspectionId, position);
    }

    /** A decision's event as Axon stores it: payload and metadata as JSON bytes, the timestamp as ISO text. */
    private static void decided(JdbcTemplate jdbc, String inspectionId, Object event, String principal,
                                String timestamp) throws Exception {
        jdbc.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, 1, 'Inspection', ?, ?, ?, '1', ?, ?)""",
                "inspection:" + inspectionId, UUID.randomUUID().toString(),
                JSON.writeValueAsBytes(Map.of("principal", principal, "role", "COORDINATOR")),
                JSON.writeValueAsBytes(event), event.getClass().getName(), timestamp);
    }

    private static String decision(JdbcTemplate jdbc, String inspectionId) {
        return jdbc.queryForObject("SELECT decided_by, decided_at FROM read_inspection WHERE inspection_id = ?",
                (row, index) -> {
                    Timestamp at = row.getTimestamp("decided_at");
                    return row.getString("decided_by") + " at " + (at == null ? null : at.toInstant());
                }, inspectionId);
    }
}
