package org.stationledger.query.burden;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.stationledger.events.assessment.CycleOpened;
import org.stationledger.events.burden.BaselineRecorded;
import org.stationledger.events.burden.DemandKind;
import org.stationledger.events.burden.StationDemand;
import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionApproved;
import org.stationledger.events.inspection.ExceptionRefused;
import org.stationledger.events.inspection.ExceptionRequested;
import org.stationledger.events.inspection.InspectionAuthorised;
import org.stationledger.events.inspection.InspectionBlocked;
import org.stationledger.events.inspection.JointVisitJoined;
import org.stationledger.events.inspection.JointVisitScheduled;
import org.stationledger.events.station.DepartmentRegistered;
import org.stationledger.events.station.StationDecommissioned;
import org.stationledger.events.station.StationDetailsChanged;
import org.stationledger.events.station.StationRegistered;
import org.stationledger.query.EventPositions;
import org.stationledger.query.JdbcValues;
import org.stationledger.query.ProcessingGroups;

/**
 * The burden read model: the facts the dashboard counts. Every statement sets state from the event (an upsert, or
 * an update to what the event says), so a redelivered event changes nothing. Sequenced per station, so the events
 * of one inspection, one visit and one station arrive in order.
 */
@Component
@ProcessingGroup(ProcessingGroups.BURDEN)
class BurdenProjection {

    private final NamedParameterJdbcTemplate jdbc;

    BurdenProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DepartmentRegistered event) {
        jdbc.update("""
                INSERT INTO read_burden_department (department_id, name) VALUES (:departmentId, :name)
                ON CONFLICT (department_id) DO UPDATE SET name = EXCLUDED.name
                """, new MapSqlParameterSource("departmentId", event.departmentId()).addValue("name", event.name()));
    }

    @EventHandler
    void on(StationRegistered event, EventMessage<?> message) {
        jdbc.update("""
                INSERT INTO read_burden_station (station_id, name, registered_position)
                VALUES (:stationId, :name, :position)
                ON CONFLICT (station_id) DO UPDATE SET name = EXCLUDED.name,
                    registered_position = EXCLUDED.registered_position, decommissioned_position = NULL
                """, new MapSqlParameterSource("stationId", event.stationId())
                .addValue("name", event.name())
                .addValue("position", EventPositions.globalIndexOf(jdbc, message)));
    }

    @EventHandler
    void on(StationDetailsChanged event) {
        jdbc.update("UPDATE read_burden_station SET name = :name WHERE station_id = :stationId",
                new MapSqlParameterSource("stationId", event.stationId()).addValue("name", event.name()));
    }

    @EventHandler
    void on(StationDecommissioned event, EventMessage<?> message) {
        jdbc.update("UPDATE read_burden_station SET decommissioned_position = :position WHERE station_id = :stationId",
                new MapSqlParameterSource("stationId", event.stationId())
                        .addValue("position", EventPositions.globalIndexOf(jdbc, message)));
    }

    @EventHandler
    void on(BaselineRecorded event) {
        jdbc.update("""
                INSERT INTO read_burden_baseline (department_id, documents, meetings)
                VALUES (:departmentId, :documents, :meetings)
                ON CONFLICT (department_id) DO UPDATE SET documents = EXCLUDED.documents, meetings = EXCLUDED.meetings
                """, new MapSqlParameterSource("departmentId", event.departmentId())
                .addValue("documents", event.documents())
                .addValue("meetings", event.meetings()));
    }

    /** Documents and meetings alike. */
    @EventHandler
    void on(StationDemand event, EventMessage<?> message) {
        jdbc.update("""
                INSERT INTO read_burden_demand (kind, demand_id, year, department_id, issued_on, all_stations,
                                                station_ids, position)
                VALUES (:kind, :demandId, :year, :departmentId, :date, :allStations, CAST(:stationIds AS TEXT[]),
                        :position)
                ON CONFLICT (kind, demand_id) DO UPDATE SET
                    year = EXCLUDED.year, department_id = EXCLUDED.department_id, issued_on = EXCLUDED.issued_on,
                    all_stations = EXCLUDED.all_stations, station_ids = EXCLUDED.station_ids,
                    position = EXCLUDED.position
                """, new MapSqlParameterSource("kind", DemandKind.of(event).name())
                .addValue("demandId", event.demandId())
                .addValue("year", event.year())
                .addValue("departmentId", event.departmentId())
                .addValue("date", event.date())
                .addValue("allStations", event.allStations())
                .addValue("stationIds", JdbcValues.textArray(event.stationIds()))
                .addValue("position", EventPositions.globalIndexOf(jdbc, message)));
    }

    @EventHandler
    void on(CycleOpened event) {
        jdbc.update("""
                INSERT INTO read_burden_cycle (year, visit_cap) VALUES (:year, :visitCap)
                ON CONFLICT (year) DO UPDATE SET visit_cap = EXCLUDED.visit_cap
                """, new MapSqlParameterSource("year", event.year()).addValue("visitCap", event.visitCap()));
    }

    @EventHandler
    void on(JointVisitScheduled event) {
        jdbc.update("""
                INSERT INTO read_burden_visit (visit_id, year, station_id, department_ids)
                VALUES (:visitId, :year, :stationId, CAST(:departmentIds AS TEXT[]))
                ON CONFLICT (visit_id) DO UPDATE SET
                    year = EXCLUDED.year, station_id = EXCLUDED.station_id, department_ids = EXCLUDED.department_ids
                """, new MapSqlParameterSource("visitId", event.visitId())
                .addValue("year", event.year())
                .addValue("stationId", event.stationId())
                .addValue("departmentIds", JdbcValues.textArray(event.departmentIds())));
    }

    @EventHandler
    void on(JointVisitJoined event) {
        jdbc.update("""
                UPDATE read_burden_visit SET department_ids = array_append(department_ids, CAST(:departmentId AS TEXT))
                WHERE visit_id = :visitId AND NOT (CAST(:departmentId AS TEXT) = ANY (department_ids))
                """, new MapSqlParameterSource("visitId", event.visitId()).addValue("departmentId", event.departmentId()));
    }

    @EventHandler
    void on(InspectionAuthorised event) {
        request(event.inspectionId(), event.year(), event.stationId(), event.departmentId(), RequestStatus.AUTHORISED,
                null, null);
    }

    @EventHandler
    void on(InspectionBlocked event) {
        request(event.inspectionId(), event.year(), event.stationId(), event.departmentId(), RequestStatus.BLOCKED,
                event.reasonCode(), null);
    }

    @EventHandler
    void on(ExceptionRequested event) {
        request(event.inspectionId(), event.year(), event.stationId(), event.departmentId(),
                RequestStatus.PENDING_EXCEPTION, null, event.category().name());
    }

    @EventHandler
    void on(ExceptionApproved event) {
        decide(event.inspectionId(), RequestStatus.AUTHORISED, null);
    }

    @EventHandler
    void on(ExceptionRefused event) {
        decide(event.inspectionId(), RequestStatus.BLOCKED, BlockReason.EXCEPTION_REFUSED);
    }

    @ResetHandler
    void reset() {
        for (String table : new String[]{"read_burden_request", "read_burden_visit", "read_burden_cycle",
                "read_burden_demand", "read_burden_baseline", "read_burden_station", "read_burden_department"}) {
            jdbc.getJdbcTemplate().update("DELETE FROM " + table);
        }
    }

    private void request(String inspectionId, int year, String stationId, String departmentId, RequestStatus status,
                         BlockReason reason, String exceptionCategory) {
        jdbc.update("""
                INSERT INTO read_burden_request (inspection_id, year, station_id, department_id, status, reason_code,
                                                 exception_category)
                VALUES (:inspectionId, :year, :stationId, :departmentId, :status, :reasonCode, :exceptionCategory)
                ON CONFLICT (inspection_id) DO UPDATE SET
                    year = EXCLUDED.year, station_id = EXCLUDED.station_id, department_id = EXCLUDED.department_id,
                    status = EXCLUDED.status, reason_code = EXCLUDED.reason_code,
                    exception_category = EXCLUDED.exception_category
                """, new MapSqlParameterSource("inspectionId", inspectionId)
                .addValue("year", year)
                .addValue("stationId", stationId)
                .addValue("departmentId", departmentId)
                .addValue("status", status.name())
                .addValue("reasonCode", reason == null ? null : reason.name())
                .addValue("exceptionCategory", exceptionCategory));
    }

    private void decide(String inspectionId, RequestStatus status, BlockReason reason) {
        jdbc.update("""
                UPDATE read_burden_request SET status = :status, reason_code = :reasonCode
                WHERE inspection_id = :inspectionId
                """, new MapSqlParameterSource("inspectionId", inspectionId)
                .addValue("status", status.name())
                .addValue("reasonCode", reason == null ? null : reason.name()));
    }
}
