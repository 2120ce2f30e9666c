package org.stationledger.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A ledger from before V27 indexed a plan item's approval or rejection under no station: the migration gives each
 * decision the stations of its item's proposal, so that it is in their trails as the proposal is.
 */
class PlanItemDecisionsMigrationTest {

    @Test
    void decisionsIndexedBeforeTheUpgradeAreFoundUnderTheirItemsStations() throws Exception {
        Upgrades.onAFreshDatabase(PlanItemDecisionsMigrationTest::upgrade);
    }

    private static void upgrade(DataSource database) throws Exception {
        Upgrades.migrate(database, "26");
        JdbcTemplate jdbc = new JdbcTemplate(database);
        indexed(jdbc, "plan-item:P-A", 0, "PlanItemProposed", List.of("S1", "S2"));
        indexed(jdbc, "plan-item:P-B", 0, "PlanItemProposed", List.of("S3"));
        long approved = indexed(jdbc, "plan-item:P-A", 1, "PlanItemApproved", null);
        long rejected = indexed(jdbc, "plan-item:P-B", 1, "PlanItemRejected", null);
        long other = indexed(jdbc, "department:D", 0, "DepartmentRegistered", null);

        Upgrades.migrate(database, "latest");

        assertThat(stationsOf(jdbc, approved)).containsExactly("S1", "S2");
        assertThat(stationsOf(jdbc, rejected)).containsExactly("S3");
        assertThat(stationsOf(jdbc, other)).as("other events untouched").isNull();
    }

    /** An event as Axon stores it (the migration reads its type and aggregate) and its row in the audit index. */
    private static long indexed(JdbcTemplate jdbc, String aggregate, long sequence, String type,
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
        return position;
    }

    private static List<String> stationsOf(JdbcTemplate jdbc, long position) {
        String[] stations = jdbc.queryForObject("SELECT station_ids FROM read_audit_index WHERE global_index = ?",
                (row, index) -> row.getArray(1) == null ? null : (String[]) row.getArray(1).getArray(), position);
        return stations == null ? null : List.of(stations);
    }
}
