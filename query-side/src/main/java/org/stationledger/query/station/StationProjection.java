package org.stationledger.query.station;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.stationledger.events.LedgerMetaData;
import org.stationledger.events.station.DepartmentRegistered;
import org.stationledger.events.station.StationDecommissioned;
import org.stationledger.events.station.StationDetailsChanged;
import org.stationledger.events.station.StationKind;
import org.stationledger.events.station.StationRegistered;
import org.stationledger.query.BatchedWrites;
import org.stationledger.query.JdbcValues;
import org.stationledger.query.ProcessingGroups;

/**
 * The registry read model. Every station event appends a version numbered after the station's latest one; the
 * event id is unique, so a redelivered event adds nothing. Registrations and changes are written per batch of events
 * ({@link BatchedWrites}: one statement, run in the events' order, so each version still follows the one before).
 */
@Component
@ProcessingGroup(ProcessingGroups.STATIONS)
class StationProjection {

    private static final String APPEND_DETAILS = """
            INSERT INTO read_station_version (station_id, version, event_id, change, name, parent, kind, area_km2,
                                              population, officers, auxiliaries, decommissioned, recorded_at,
                                              recorded_by)
            SELECT :stationId, COALESCE(MAX(version), 0) + 1, :eventId, :change, :name, :parent, :kind, :areaKm2,
                   :population, :officers, :auxiliaries, FALSE, :recordedAt, :recordedBy
            FROM read_station_version WHERE station_id = :stationId
            ON CONFLICT (event_id) DO NOTHING
            """;

    private static final String APPEND_DECOMMISSIONED = """
            INSERT INTO read_station_version (station_id, version, event_id, change, name, parent, kind, area_km2,
                                              population, officers, auxiliaries, decommissioned, reason,
                                              recorded_at, recorded_by)
            SELECT station_id, version + 1, :eventId, :change, name, parent, kind, area_km2, population, officers,
                   auxiliaries, TRUE, :reason, :recordedAt, :recordedBy
            FROM read_station WHERE station_id = :stationId
            ON CONFLICT (event_id) DO NOTHING
            """;

    private final NamedParameterJdbcTemplate jdbc;

    StationProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StationRegistered event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @MetaDataValue(LedgerMetaData.PRINCIPAL) String recordedBy) {
        BatchedWrites.write(jdbc, APPEND_DETAILS, Details.of(event)
                .addTo(versionOf(event.stationId(), eventId, StationChange.REGISTERED, recordedAt, recordedBy)));
    }

    @EventHandler
    void on(StationDetailsChanged event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @MetaDataValue(LedgerMetaData.PRINCIPAL) String recordedBy) {
        BatchedWrites.write(jdbc, APPEND_DETAILS, Details.of(event)
                .addTo(versionOf(event.stationId(), eventId, StationChange.DETAILS_CHANGED, recordedAt, recordedBy)));
    }

    /** Decommissioning keeps the last details (so the held-back versions go first) and records the reason. */
    @EventHandler
    void on(StationDecommissioned event, @MessageIdentifier String eventId, @Timestamp Instant recordedAt,
            @MetaDataValue(LedgerMetaData.PRINCIPAL) String recordedBy) {
        BatchedWrites.flush();
        jdbc.update(APPEND_DECOMMISSIONED,
                versionOf(event.stationId(), eventId, StationChange.DECOMMISSIONED, recordedAt, recordedBy)
                        .addValue("reason", event.reason()));
    }

    @EventHandler
    void on(DepartmentRegistered event, @Timestamp Instant registeredAt) {
        jdbc.update("""
                INSERT INTO read_department (department_id, name, registered_at)
                VALUES (:departmentId, :name, :registeredAt)
                ON CONFLICT (department_id) DO UPDATE SET name = EXCLUDED.name, registered_at = EXCLUDED.registered_at
                """, new MapSqlParameterSource("departmentId", event.departmentId())
                .addValue("name", event.name())
                .addValue("registeredAt", JdbcValues.timestamp(registeredAt)));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().update(ProcessingGroups.emptyTablesOf(ProcessingGroups.STATIONS));
    }

    private static MapSqlParameterSource versionOf(String stationId, String eventId, StationChange change,
                                                   Instant recordedAt, String recordedBy) {
        return new MapSqlParameterSource("stationId", stationId)
                .addValue("eventId", eventId)
                .addValue("change", change.name())
                .addValue("recordedAt", JdbcValues.timestamp(recordedAt))
                .addValue("recordedBy", recordedBy);
    }

    /** The details both a registration and a change carry. */
    private record Details(String name, String parent, StationKind kind, double areaKm2, long population,
                           int officers, int auxiliaries) {

        static Details of(StationRegistered event) {
            return new Details(event.name(), event.parent(), event.kind(), event.areaKm2(), event.population(),
                    event.officers(), event.auxiliaries());
        }

        static Details of(StationDetailsChanged event) {
            return new Details(event.name(), event.parent(), event.kind(), event.areaKm2(), event.population(),
                    event.officers(), event.auxiliaries());
        }

        MapSqlParameterSource addTo(MapSqlParameterSource version) {
            return version.addValue("name", name).addValue("parent", parent).addValue("kind", kind.name())
                    .addValue("areaKm2", areaKm2).addValue("population", population)
                    .addValue("officers", officers).addValue("auxiliaries", auxiliaries);
        }
    }
}
