package org.stationledger.query.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.stationledger.query.JdbcValues;

/** Reads of the inspection read model, newest request first. */
@Repository
class InspectionQueries {

    private static final String SELECT = """
            SELECT inspection_id, year, station_id, department_id, inspection_date, status, plan_item_id, visit_id,
                   exception_category, justification, reason_code, explanation, decision_reason, requested_at,
                   requested_by, decided_at, decided_by
            FROM read_inspection
            """;

    private final NamedParameterJdbcTemplate jdbc;

    InspectionQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<InspectionView> list(InspectionFilter filter) {
        var parameters = new MapSqlParameterSource("limit", filter.limit()).addValue("offset", filter.offset());
        List<String> conditions = new ArrayList<>();
        if (filter.stationId() != null) {
            conditions.add("station_id = :stationId");
            parameters.addValue("stationId", filter.stationId());
        }
        if (filter.departmentId() != null) {
            conditions.add("department_id = :departmentId");
            parameters.addValue("departmentId", filter.departmentId());
        }
        if (filter.year() != null) {
            conditions.add("year = :year");
            parameters.addValue("year", filter.year());
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
            parameters.addValue("status", filter.status().name());
        }
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions) + "\n";
        return jdbc.query(SELECT + where + "ORDER BY requested_position DESC LIMIT :limit OFFSET :offset",
                parameters, (row, index) -> inspection(row));
    }

    Optional<InspectionView> find(String inspectionId) {
        return jdbc.query(SELECT + "WHERE inspection_id = :inspectionId", Map.of("inspectionId", inspectionId),
                (row, index) -> inspection(row)).stream().findFirst();
    }

    private static InspectionView inspection(ResultSet row) throws SQLException {
        return new InspectionView(row.getString("inspection_id"), row.getInt("year"), row.getString("station_id"),
                row.getString("department_id"), JdbcValues.date(row, "inspection_date"),
                JdbcValues.constant(row, "status", InspectionStatus.class), row.getString("plan_item_id"),
                row.getString("visit_id"), row.getString("exception_category"), row.getString("justification"),
                row.getString("reason_code"), row.getString("explanation"), row.getString("decision_reason"),
                JdbcValues.instant(row, "requested_at"), row.getString("requested_by"),
                JdbcValues.instant(row, "decided_at"), row.getString("decided_by"));
    }
}
