package org.stationledger.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A ledger from before V27 indexed a plan item's approval or rejection under no station: the migration gives each
 * decision the stations of its item's proposal, so that it is in their trails as the proposal is. A rebuild of the
 * audit index running through the API is ended, its shadow copy dropped.
 */
class PlanItemDecisionsMigrationTest {

    @Test
    void decisionsIndexedBeforeTheUpgradeAreFoundUnderTheirItemsStations() throws Exception {
        Upgrades.upgrade("26", jdbc -> {
            indexed(jdbc, "plan-item:P-A", 0, "PlanItemProposed", List.of("S1", "S2"));
            indexed(jdbc, "plan-item:P-B", 0, "PlanItemProposed", List.of("S3"));
            indexed(jdbc, "plan-item:P-A", 1, "PlanItemApproved", null);
            indexed(jdbc, "plan-item:P-B", 1, "PlanItemRejected", null);
            indexed(jdbc, "department:D", 0, "DepartmentRegistered", null);
            Upgrades.rebuildRunning(jdbc, "audit-index");
        }, jdbc -> {
            assertThat(stationsOf(jdbc, "plan-item:P-A", 1)).containsExactly("S1", "S2");
            assertThat(stationsOf(jdbc, "plan-item:P-B", 1)).containsExactly("S3");
            assertThat(stationsOf(jdbc, "department:D", 0)).as("other events untouched").isNull();
            assertThat(Upgrades.rebuildAfterwards(jdbc, "audit-index")).as("resumed, it would swap stale rows back")
                    .startsWith("FAILED: Ended by migration V27").endsWith("(shadow dropped)");
        });
    }

    /** An event as Axon stores it (the migration reads its type and aggregate) and its row in the audit index. */
    private static void indexed(JdbcTemplate jdbc, String aggregate, long sequence, String type,
                                List<String> stations) {
        Long position = jdbc.queryForObject("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                              payload, payloadrevision, payloadtype, timestamp)
                VALUES (?, ?, 'Test', ?, '{}'::bytea, '{}'::bytea, '1', ?, '2025-02-01T08:00:00.000Z')
                RETURNING globalindex""", Long.class, aggregate, sequence, UUID.randomUUID().toString(),
                (type.startsWith("Plan") ? "org.stationledger.events.inspection." : "org.stationledger.events.station.")
                + type);
        jdbc.update("""
                INSERT INTO read_audit_index (global_index, event_type, year, station_ids, recorded_at)
                VALUES (?, ?, 2025, ?::text[], TIMESTAMPTZ '2025-02-01T08:00:00Z')""", position, type,
                stations == null ? null : stations.toArray(String[]::new));
    }

    private static List<String> stationsOf(JdbcTemplate jdbc, String aggregate, long sequence) {
        String[] stations = jdbc.queryForObject("""
                SELECT station_ids FROM read_audit_index
                WHERE global_index = (SELECT globalindex FROM domainevententry
                                      WHERE aggregateidentifier = ? AND sequencenumber = ?)""",
                (row, index) -> row.getArray(1) == null ? null : (String[]) row.getArray(1).getArray(),
                aggregate, sequence);
        return stations == null ? null : List.of(stations);
    }
}
