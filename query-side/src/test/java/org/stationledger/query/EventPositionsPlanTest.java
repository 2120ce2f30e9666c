package org.stationledger.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The projections' batch statements find each event's global index by probing the event table's identifier index
 * once per row. A plain join would be planned, for a batch of hundreds, as a hash join over a scan of the whole event
 * table: the audit index's rebuild once ran that way (docs/benchmarks.md, change 26). Checked on a copy of the event
 * table, in a transaction that is rolled back, with the settings of a projection's transaction.
 */
@SpringBootTest(classes = ReadModelTestApplication.class)
class EventPositionsPlanTest {

    private static final int STORED_EVENTS = 50_000;
    private static final int BATCH = 1_000;

    @Autowired
    private NamedParameterJdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void aBatchFindsItsPositionsByTheIdentifierIndexNotByScanningTheEventTable() {
        String plan = planOfABatchProbe();

        assertThat(plan).contains("Index Scan using domainevententry_eventidentifier_key");
        assertThat(plan).doesNotContain("Seq Scan on domainevententry");
    }

    private String planOfABatchProbe() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        return transaction.execute(status -> {
            status.setRollbackOnly();
            var sql = jdbc.getJdbcTemplate();
            sql.execute("CREATE SCHEMA plan_probe");
            sql.execute("CREATE TABLE plan_probe.domainevententry (LIKE public.domainevententry INCLUDING ALL)");
            sql.execute("SET LOCAL search_path = plan_probe");
            sql.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            sql.update("""
                    INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, eventidentifier,
                                                  payload, payloadtype, timestamp)
                    SELECT n, 'station:' || n, 0, 'event-' || n, convert_to(repeat('x', 400), 'UTF8'), 'Registered',
                           '2026-01-01T00:00:00Z'
                    FROM generate_series(1, ?) n""", STORED_EVENTS);
            sql.execute("ANALYZE domainevententry");
            String[] batch = IntStream.rangeClosed(1, BATCH).map(n -> n * (STORED_EVENTS / BATCH))
                    .mapToObj(n -> "event-" + n).toArray(String[]::new);
            List<String> lines = jdbc.queryForList("EXPLAIN SELECT d.globalindex"
                    + " FROM unnest(CAST(:eventIds AS TEXT[])) AS r(event_id)"
                    + " CROSS JOIN LATERAL (" + EventPositions.globalIndexOfEventIn("r.event_id") + ") d",
                    Map.of("eventIds", batch), String.class);
            return String.join("\n", lines);
        });
    }
}
