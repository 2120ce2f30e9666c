package org.stationledger.query.station;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.stationledger.events.station.StationKind;
import org.stationledger.query.JdbcValues;

/** Reads of the registry read model. */
@Repository
class StationQueries {

    private static final String VERSION_COLUMNS = """
            station_id, version, change, recorded_at, recorded_by, name, parent, kind, area_km2, population, officers,
            auxiliaries, decommissioned, reason
            """;

    private final NamedParameterJdbcTemplate jdbc;

    StationQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every station's current details, by station id. */
    List<StationDetails> currentStations() {
        return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM read_station ORDER BY station_id", Map.of(),
                (row, index) -> StationDetails.current(row.getString("station_id"), version(row), null));
    }

    Optional<StationName> name(String stationId) {
        return jdbc.query("SELECT station_id, name FROM read_station WHERE station_id = :stationId",
                        Map.of("stationId", stationId),
                        (row, index) -> new StationName(row.getString("station_id"), row.getString("name")))
                .stream().findFirst();
    }

    /** The station's current details with every version recorded, oldest first. */
    Optional<StationDetails> withHistory(String stationId) {
        List<StationVersion> history = jdbc.query("SELECT " + VERSION_COLUMNS
                                                  + " FROM read_station_version WHERE station_id = :stationId ORDER BY version",
                Map.of("stationId", stationId), (row, index) -> version(row));
        return history.isEmpty()
                ? Optional.empty()
                : Optional.of(StationDetails.current(stationId, history.get(history.size() - 1), history));
    }

    List<Department> departments() {
        return jdbc.query("SELECT department_id, name FROM read_department ORDER BY department_id", Map.of(),
                (row, index) -> new Department(row.getString("department_id"), row.getString("name")));
    }

    private static StationVersion version(ResultSet row) throws SQLException {
        return new StationVersion(row.getInt("version"), JdbcValues.constant(row, "change", StationChange.class),
                JdbcValues.instant(row, "recorded_at"), row.getString("recorded_by"), row.getString("name"),
                row.getString("parent"), JdbcValues.constant(row, "kind", StationKind.class),
                row.getDouble("area_km2"), row.getLong("population"), row.getInt("officers"),
                row.getInt("auxiliaries"), row.getBoolean("decommissioned"), row.getString("reason"));
    }
}
