package org.stationledger.query.burden;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.stationledger.events.burden.DemandKind;
import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionCategory;
import org.stationledger.query.EventPositions;
import org.stationledger.query.JdbcValues;

/**
 * The burden projection's facts (requests, visits, documents and meetings, read back by key) and its counts. Each
 * table is written once per batch of events: one statement over arrays (one round trip, one execution) where rows are
 * many, one JDBC batch for the few demands.
 */
final class BurdenTables {

    private final NamedParameterJdbcTemplate jdbc;

    BurdenTables(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, RequestFact> requests(Set<String> inspectionIds) {
        Map<String, RequestFact> requests = new HashMap<>();
        jdbc.query("""
                SELECT inspection_id, year, station_id, department_id, status, reason_code, exception_category
                FROM read_burden_request WHERE inspection_id = ANY (CAST(:ids AS TEXT[]))
                """, new MapSqlParameterSource("ids", inspectionIds.toArray(String[]::new)), row -> {
            RequestFact request = new RequestFact(row.getString("inspection_id"), row.getInt("year"),
                    row.getString("station_id"), row.getString("department_id"),
                    JdbcValues.constant(row, "status", RequestStatus.class),
                    JdbcValues.constant(row, "reason_code", BlockReason.class),
                    JdbcValues.constant(row, "exception_category", ExceptionCategory.class));
            requests.put(request.inspectionId(), request);
        });
        return requests;
    }

    /** One statement for the batch: keys are unique, as a statement may change a row only once. */
    void writeRequests(List<RequestFact> requests) {
        if (requests.isEmpty()) {
            return;
        }
        jdbc.update("""
                INSERT INTO read_burden_request (inspection_id, year, station_id, department_id, status, reason_code,
                                                 exception_category)
                SELECT * FROM unnest(CAST(:inspectionIds AS TEXT[]), CAST(:years AS INT[]), CAST(:stationIds AS TEXT[]),
                                     CAST(:departmentIds AS TEXT[]), CAST(:statuses AS TEXT[]),
                                     CAST(:reasonCodes AS TEXT[]), CAST(:exceptionCategories AS TEXT[]))
                ON CONFLICT (inspection_id) DO UPDATE SET
                    year = EXCLUDED.year, station_id = EXCLUDED.station_id, department_id = EXCLUDED.department_id,
                    status = EXCLUDED.status, reason_code = EXCLUDED.reason_code,
                    exception_category = EXCLUDED.exception_category
                """, new MapSqlParameterSource("inspectionIds", column(requests, RequestFact::inspectionId))
                .addValue("years", requests.stream().map(RequestFact::year).toArray(Integer[]::new))
                .addValue("stationIds", column(requests, RequestFact::stationId))
                .addValue("departmentIds", column(requests, RequestFact::departmentId))
                .addValue("statuses", column(requests, request -> request.status().name()))
                .addValue("reasonCodes", column(requests, request -> request.reason() == null ? null
                        : request.reason().name()))
                .addValue("exceptionCategories", column(requests, request -> request.category() == null ? null
                        : request.category().name())));
    }

    Map<String, VisitFact> visits(Set<String> visitIds) {
        Map<String, VisitFact> visits = new HashMap<>();
        jdbc.query("""
                SELECT visit_id, year, station_id, department_ids FROM read_burden_visit
                WHERE visit_id = ANY (CAST(:ids AS TEXT[]))
                """, new MapSqlParameterSource("ids", visitIds.toArray(String[]::new)), row -> {
            VisitFact visit = new VisitFact(row.getString("visit_id"), row.getInt("year"), row.getString("station_id"),
                    JdbcValues.strings(row, "department_ids"));
            visits.put(visit.visitId(), visit);
        });
        return visits;
    }

    /**
     * One statement for the batch. A visit's departments travel joined by commas, which ids never contain (an array
     * of arrays would have to be rectangular).
     */
    void writeVisits(List<VisitFact> visits) {
        if (visits.isEmpty()) {
            return;
        }
        jdbc.update("""
                INSERT INTO read_burden_visit (visit_id, year, station_id, department_ids)
                SELECT v.visit_id, v.year, v.station_id, string_to_array(v.department_ids, ',')
                FROM unnest(CAST(:visitIds AS TEXT[]), CAST(:years AS INT[]), CAST(:stationIds AS TEXT[]),
                            CAST(:departmentIds AS TEXT[])) AS v (visit_id, year, station_id, department_ids)
                ON CONFLICT (visit_id) DO UPDATE SET
                    year = EXCLUDED.year, station_id = EXCLUDED.station_id, department_ids = EXCLUDED.department_ids
                """, new MapSqlParameterSource("visitIds", column(visits, VisitFact::visitId))
                .addValue("years", visits.stream().map(VisitFact::year).toArray(Integer[]::new))
                .addValue("stationIds", column(visits, VisitFact::stationId))
                .addValue("departmentIds", column(visits, visit -> String.join(",", visit.departmentIds()))));
    }

    Map<DemandFact.Key, DemandFact> demands(Set<DemandFact.Key> keys) {
        Map<DemandFact.Key, DemandFact> demands = new HashMap<>();
        jdbc.query("""
                SELECT d.kind, d.demand_id, d.year, d.department_id, d.issued_on, d.all_stations, d.station_ids
                FROM unnest(CAST(:kinds AS TEXT[]), CAST(:ids AS TEXT[])) AS k(kind, demand_id)
                JOIN read_burden_demand d ON d.kind = k.kind AND d.demand_id = k.demand_id
                """, new MapSqlParameterSource("kinds", keys.stream().map(key -> key.kind().name()).toArray(String[]::new))
                .addValue("ids", keys.stream().map(DemandFact.Key::demandId).toArray(String[]::new)), row -> {
            DemandFact demand = new DemandFact(
                    new DemandFact.Key(JdbcValues.constant(row, "kind", DemandKind.class), row.getString("demand_id")),
                    row.getInt("year"), row.getString("department_id"), JdbcValues.date(row, "issued_on"),
                    row.getBoolean("all_stations"), JdbcValues.strings(row, "station_ids"), null);
            demands.put(demand.key(), demand);
        });
        return demands;
    }

    /** The position is the recording event's own global index (see {@link EventPositions}). */
    void writeDemands(List<DemandFact> demands) {
        batch("""
                INSERT INTO read_burden_demand (kind, demand_id, year, department_id, issued_on, all_stations,
                                                station_ids, position)
                VALUES (:kind, :demandId, :year, :departmentId, :date, :allStations, CAST(:stationIds AS TEXT[]),
                        %s)
                ON CONFLICT (kind, demand_id) DO UPDATE SET
                    year = EXCLUDED.year, department_id = EXCLUDED.department_id, issued_on = EXCLUDED.issued_on,
                    all_stations = EXCLUDED.all_stations, station_ids = EXCLUDED.station_ids,
                    position = EXCLUDED.position
                """.formatted(EventPositions.GLOBAL_INDEX_OF_EVENT), demands,
                demand -> new MapSqlParameterSource("kind", demand.key().kind().name())
                        .addValue("demandId", demand.key().demandId())
                        .addValue("year", demand.year())
                        .addValue("departmentId", demand.departmentId())
                        .addValue("date", demand.issuedOn())
                        .addValue("allStations", demand.allStations())
                        .addValue("stationIds", JdbcValues.textArray(demand.stationIds()))
                        .addValue("eventId", demand.eventId()));
    }

    /**
     * Adds the changes to the count tables, then removes the rows they brought back to zero: two statements a table
     * at most. Tables in their declared order and rows in key order, so that two segments whose batches share rows
     * (a year's, a department's) wait for each other instead of deadlocking.
     */
    void add(BurdenCounts counts) {
        for (CountTable table : CountTable.values()) {
            SortedMap<List<Object>, long[]> changes = counts.changes(table);
            if (changes.isEmpty()) {
                continue;
            }
            jdbc.update(table.addition(), columns(table, changes.keySet()).addValues(countColumns(table, changes)));
            List<List<Object>> decreased = changes.entrySet().stream()
                    .filter(change -> Arrays.stream(change.getValue()).anyMatch(count -> count < 0))
                    .map(Map.Entry::getKey).toList();
            if (!decreased.isEmpty()) {
                jdbc.update(table.removalOfEmpty(), columns(table, decreased));
            }
        }
    }

    /** One array parameter per key column. */
    private static MapSqlParameterSource columns(CountTable table, Collection<List<Object>> keys) {
        MapSqlParameterSource columns = new MapSqlParameterSource();
        for (int i = 0; i < table.keys.size(); i++) {
            String key = table.keys.get(i);
            int column = i;
            columns.addValue(key, CountTable.isYear(key)
                    ? keys.stream().map(row -> (Integer) row.get(column)).toArray(Integer[]::new)
                    : keys.stream().map(row -> (String) row.get(column)).toArray(String[]::new));
        }
        return columns;
    }

    private static Map<String, Long[]> countColumns(CountTable table, SortedMap<List<Object>, long[]> changes) {
        Map<String, Long[]> columns = new HashMap<>();
        for (int i = 0; i < table.counts.size(); i++) {
            int column = i;
            columns.put(table.counts.get(i), changes.values().stream().map(row -> row[column]).toArray(Long[]::new));
        }
        return columns;
    }

    /** One JDBC batch (one round trip): demands are few, and each carries its own list of stations. */
    private <T> void batch(String sql, Collection<T> rows, Function<T, SqlParameterSource> parameters) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows.stream().map(parameters).toArray(SqlParameterSource[]::new));
        }
    }

    private static <T> String[] column(List<T> rows, Function<T, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }
}
