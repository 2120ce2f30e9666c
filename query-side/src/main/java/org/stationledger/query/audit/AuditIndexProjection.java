package org.stationledger.query.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.stationledger.events.inspection.PlanItemApproved;
import org.stationledger.events.inspection.PlanItemRejected;
import org.stationledger.query.EventPositions;
import org.stationledger.query.ProcessingGroups;

/**
 * Indexes every stored event by the columns the audit trail filters on. The row is keyed by the event's global
 * index, so handling an event again rewrites the same row.
 *
 * <p>The global index is the event's own, looked up by its identifier in the same statement. The tracking token's
 * position is not it: an event committed late (it filled a gap in the global index, because a concurrent command
 * committed after a later one) arrives with the token's high-water mark, which is another event's index; keyed by
 * that, it overwrote that event's row.
 *
 * <p>Rows are written once per batch of events (the processor's unit of work), in one statement, just before the
 * batch's transaction commits: a rebuild writes a few hundred rows per round trip instead of one (and a second
 * statement when the batch holds decisions on plan items, which take their stations from their proposals' rows).
 * Each event's position is one probe of the event table's identifier index (a lateral look-up, which PostgreSQL
 * cannot turn into a scan of the whole table joined by hash), planned afresh for each batch
 * ({@code ProjectionTransactions}).
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_INDEX)
class AuditIndexProjection {

    private static final String BATCH = AuditIndexProjection.class.getName() + ".batch";

    /**
     * The decisions on a plan item, which name the item and not its stations: they concern the stations its proposal
     * listed, and are found under each of them like the proposal.
     */
    private static final Set<String> ITEM_DECISIONS = Set.of(PlanItemApproved.class.getSimpleName(),
            PlanItemRejected.class.getSimpleName());

    private final NamedParameterJdbcTemplate jdbc;

    AuditIndexProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, @Timestamp Instant recordedAt) {
        AuditScope scope = AuditScope.of(payload, event::getMetaData);
        Row row = new Row(event.getIdentifier(), event.getPayloadType().getSimpleName(), scope.year(),
                scope.departmentId(), joined(scope.departmentIds()), joined(scope.stationIds()), scope.allStations(),
                recordedAt.toString());
        if (!CurrentUnitOfWork.isStarted()) {
            write(List.of(row));
            return;
        }
        // One statement per batch of events (the processor's unit of work), written just before it commits.
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        Map<String, Row> batch = unitOfWork.getOrComputeResource(BATCH, key -> {
            Map<String, Row> rows = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(committing -> write(rows.values()));
            return rows;
        });
        batch.put(row.eventId(), row);
    }

    /** The filter columns of one event; its global index is looked up by its identifier when the batch is written. */
    private record Row(String eventId, String eventType, Integer year, String departmentId, String departmentIds,
                       String stationIds, boolean allStations, String recordedAt) {
    }

    /** Ids travel to the statement as one text each, split again there; no id holds a comma. */
    private static String joined(List<String> ids) {
        return ids == null ? null : String.join(",", ids);
    }

    private void write(Collection<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update("""
                INSERT INTO read_audit_index (global_index, event_type, year, department_id, department_ids,
                                              station_ids, all_stations, recorded_at)
                SELECT d.globalindex, r.event_type, r.year, r.department_id, string_to_array(r.department_ids, ','),
                       string_to_array(r.station_ids, ','), r.all_stations, r.recorded_at
                FROM unnest(CAST(:eventIds AS TEXT[]), CAST(:eventTypes AS TEXT[]), CAST(:years AS INT[]),
                            CAST(:departmentId AS TEXT[]), CAST(:departmentIds AS TEXT[]),
                            CAST(:stationIds AS TEXT[]), CAST(:allStations AS BOOLEAN[]),
                            CAST(:recordedAt AS TIMESTAMPTZ[]))
                     AS r(event_id, event_type, year, department_id, department_ids, station_ids, all_stations,
                          recorded_at)
                CROSS JOIN LATERAL (%s) d
                ON CONFLICT (global_index) DO UPDATE SET
                    event_type = EXCLUDED.event_type, year = EXCLUDED.year, department_id = EXCLUDED.department_id,
                    department_ids = EXCLUDED.department_ids, station_ids = EXCLUDED.station_ids,
                    all_stations = EXCLUDED.all_stations, recorded_at = EXCLUDED.recorded_at
                """.formatted(EventPositions.globalIndexOfEventIn("r.event_id")),
                new MapSqlParameterSource("eventIds", column(rows, Row::eventId))
                        .addValue("eventTypes", column(rows, Row::eventType))
                        .addValue("years", rows.stream().map(Row::year).toArray(Integer[]::new))
                        .addValue("departmentId", column(rows, Row::departmentId))
                        .addValue("departmentIds", column(rows, Row::departmentIds))
                        .addValue("stationIds", column(rows, Row::stationIds))
                        .addValue("allStations", rows.stream().map(Row::allStations).toArray(Boolean[]::new))
                        .addValue("recordedAt", column(rows, Row::recordedAt)));
        String[] itemDecisions = rows.stream().filter(row -> ITEM_DECISIONS.contains(row.eventType()))
                .map(Row::eventId).toArray(String[]::new);
        if (itemDecisions.length > 0) {
            // After the batch's rows: the proposal may be among them (an item's events are in one segment, in order).
            jdbc.update("""
                    UPDATE read_audit_index decision SET station_ids = proposal.station_ids
                    FROM domainevententry decided
                    JOIN domainevententry proposed ON proposed.aggregateidentifier = decided.aggregateidentifier
                                                  AND proposed.sequencenumber = 0
                    JOIN read_audit_index proposal ON proposal.global_index = proposed.globalindex
                    WHERE decided.eventidentifier = ANY (CAST(:eventIds AS TEXT[]))
                      AND decision.global_index = decided.globalindex
                    """, new MapSqlParameterSource("eventIds", itemDecisions));
        }
    }

    private static String[] column(Collection<Row> rows, Function<Row, String> value) {
        return rows.stream().map(value).toArray(String[]::new);
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().update(ProcessingGroups.emptyTablesOf(ProcessingGroups.AUDIT_INDEX));
    }
}
