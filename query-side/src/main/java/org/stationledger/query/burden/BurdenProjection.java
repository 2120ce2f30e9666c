package org.stationledger.query.burden;

import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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
import org.stationledger.query.BatchedWrites;
import org.stationledger.query.EventPositions;
import org.stationledger.query.ProcessingGroups;

/**
 * The burden read model: the facts the dashboard needs (stations, departments, baselines, visit caps, requests,
 * visits, documents and meetings) and its counts, kept as the events arrive so that a read counts nothing over the
 * year. Requests, visits and demands are changed in a {@link BurdenBatch} per processor batch (or shadow rebuild
 * batch) and written, with their counts, just before the batch commits; outside a batch each event is written at
 * once. Sequenced per station, so the events of one inspection, one visit and one station arrive in order.
 */
@Component
@ProcessingGroup(ProcessingGroups.BURDEN)
class BurdenProjection {

    private static final String BATCH = BurdenProjection.class.getName() + ".batch";

    private final NamedParameterJdbcTemplate jdbc;
    private final BurdenTables tables;

    BurdenProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tables = new BurdenTables(jdbc);
    }

    @EventHandler
    void on(DepartmentRegistered event) {
        jdbc.update("""
                INSERT INTO read_burden_department (department_id, name) VALUES (:departmentId, :name)
                ON CONFLICT (department_id) DO UPDATE SET name = EXCLUDED.name
                """, new MapSqlParameterSource("departmentId", event.departmentId()).addValue("name", event.name()));
    }

    /** Held back until the batch commits (a national registry is 54,000 of them); its position is its own. */
    @EventHandler
    void on(StationRegistered event, EventMessage<?> message) {
        BatchedWrites.write(jdbc, """
                INSERT INTO read_burden_station (station_id, name, registered_position)
                VALUES (:stationId, :name, %s)
                ON CONFLICT (station_id) DO UPDATE SET name = EXCLUDED.name,
                    registered_position = EXCLUDED.registered_position, decommissioned_position = NULL
                """.formatted(EventPositions.GLOBAL_INDEX_OF_EVENT), new MapSqlParameterSource("stationId", event.stationId())
                .addValue("name", event.name())
                .addValue("eventId", message.getIdentifier()));
    }

    @EventHandler
    void on(StationDetailsChanged event) {
        BatchedWrites.flush();
        jdbc.update("UPDATE read_burden_station SET name = :name WHERE station_id = :stationId",
                new MapSqlParameterSource("stationId", event.stationId()).addValue("name", event.name()));
    }

    @EventHandler
    void on(StationDecommissioned event, EventMessage<?> message) {
        BatchedWrites.flush();
        jdbc.update("UPDATE read_burden_station SET decommissioned_position = %s WHERE station_id = :stationId"
                        .formatted(EventPositions.GLOBAL_INDEX_OF_EVENT),
                new MapSqlParameterSource("stationId", event.stationId()).addValue("eventId", message.getIdentifier()));
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
        DemandFact.Key key = new DemandFact.Key(DemandKind.of(event), event.demandId());
        batch(batch -> batch.demands.set(key, new DemandFact(key, event.year(), event.departmentId(), event.date(),
                event.allStations(), event.stationIds(), message.getIdentifier())));
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
        batch(batch -> batch.visits.set(event.visitId(),
                new VisitFact(event.visitId(), event.year(), event.stationId(), event.departmentIds())));
    }

    @EventHandler
    void on(JointVisitJoined event) {
        batch(batch -> batch.visits.change(event.visitId(), visit -> visit.joinedBy(event.departmentId())));
    }

    @EventHandler
    void on(InspectionAuthorised event) {
        request(new RequestFact(event.inspectionId(), event.year(), event.stationId(), event.departmentId(),
                RequestStatus.AUTHORISED, null, null));
    }

    @EventHandler
    void on(InspectionBlocked event) {
        request(new RequestFact(event.inspectionId(), event.year(), event.stationId(), event.departmentId(),
                RequestStatus.BLOCKED, event.reasonCode(), null));
    }

    @EventHandler
    void on(ExceptionRequested event) {
        request(new RequestFact(event.inspectionId(), event.year(), event.stationId(), event.departmentId(),
                RequestStatus.PENDING_EXCEPTION, null, event.category()));
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
        jdbc.getJdbcTemplate().update(ProcessingGroups.emptyTablesOf(ProcessingGroups.BURDEN));
    }

    private void request(RequestFact request) {
        batch(batch -> batch.requests.set(request.inspectionId(), request));
    }

    private void decide(String inspectionId, RequestStatus status, BlockReason reason) {
        batch(batch -> batch.requests.change(inspectionId, request -> request.decided(status, reason)));
    }

    /** Records the event's change in the processor's batch, or writes it at once outside one. */
    private void batch(Consumer<BurdenBatch> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            BurdenBatch alone = new BurdenBatch();
            change.accept(alone);
            alone.write(tables);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        change.accept(unitOfWork.getOrComputeResource(BATCH, key -> {
            BurdenBatch batch = new BurdenBatch();
            unitOfWork.onPrepareCommit(committing -> batch.write(tables));
            return batch;
        }));
    }
}
