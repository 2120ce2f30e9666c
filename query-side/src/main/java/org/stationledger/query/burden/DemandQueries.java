package org.stationledger.query.burden;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.stationledger.events.Actor;
import org.stationledger.events.Role;
import org.stationledger.events.burden.DemandKind;
import org.stationledger.query.JdbcValues;

/**
 * The documents and meetings of a year that ask something of stations, in the order they were recorded. A
 * station's are those naming it and those for every station recorded while it was registered and not
 * decommissioned (as the dashboard counts them). The title is read from the recording event itself, which the row's
 * position names: the read model keeps what it counts, the event what was asked.
 */
@Repository
class DemandQueries {

    private final NamedParameterJdbcTemplate jdbc;

    DemandQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A document or a meeting; {@code stationIds} empty when it is for every station. */
    record Demand(DemandKind kind, String id, String departmentId, String title, LocalDate date, boolean allStations,
                  List<String> stationIds, long position) {
    }

    /** A page of them; pass {@code nextAfter} as {@code after} for the next one (null: this page is empty). */
    record Page(List<Demand> demands, @JsonInclude(JsonInclude.Include.ALWAYS) Long nextAfter) {
        static Page of(List<Demand> demands) {
            return new Page(demands, demands.isEmpty() ? null : demands.get(demands.size() - 1).position());
        }

        /** A station learns of no other station a document or meeting names: only that it names this one. */
        Page visibleTo(Actor caller) {
            if (!caller.is(Role.STATION)) {
                return this;
            }
            return new Page(demands.stream().map(demand -> new Demand(demand.kind(), demand.id(),
                    demand.departmentId(), demand.title(), demand.date(), demand.allStations(),
                    demand.allStations() ? List.of() : List.of(caller.stationId()), demand.position())).toList(),
                    nextAfter);
        }
    }

    Page page(int year, String stationId, String departmentId, DemandKind kind, long after, int limit) {
        return Page.of(jdbc.query("""
                SELECT d.kind, d.demand_id, d.department_id, d.issued_on, d.all_stations, d.station_ids, d.position,
                       convert_from(e.payload, 'UTF8')::json ->> 'title' AS title
                FROM read_burden_demand d JOIN domainevententry e ON e.globalindex = d.position
                WHERE d.year = :year AND d.position > :after
                  AND (CAST(:kind AS TEXT) IS NULL OR d.kind = :kind)
                  AND (CAST(:departmentId AS TEXT) IS NULL OR d.department_id = :departmentId)
                  AND (CAST(:stationId AS TEXT) IS NULL OR :stationId = ANY (d.station_ids)
                       OR d.all_stations AND EXISTS (
                           SELECT 1 FROM read_burden_station s
                           WHERE s.station_id = :stationId AND s.registered_position < d.position
                             AND (s.decommissioned_position IS NULL OR s.decommissioned_position > d.position)))
                ORDER BY d.position
                LIMIT :limit
                """, new MapSqlParameterSource("year", year).addValue("after", after)
                        .addValue("kind", kind == null ? null : kind.name())
                        .addValue("departmentId", departmentId).addValue("stationId", stationId)
                        .addValue("limit", limit),
                (row, index) -> new Demand(JdbcValues.constant(row, "kind", DemandKind.class),
                        row.getString("demand_id"), row.getString("department_id"), row.getString("title"),
                        JdbcValues.date(row, "issued_on"), row.getBoolean("all_stations"),
                        JdbcValues.strings(row, "station_ids"), row.getLong("position"))));
    }
}
