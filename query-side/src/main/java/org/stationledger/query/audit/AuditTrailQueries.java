package org.stationledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.stationledger.query.JdbcValues;

/**
 * Reads the trail: the audit index chooses the events, the event store supplies them exactly as stored (Axon's
 * Jackson serializer writes payload and metadata as UTF-8 JSON).
 */
@Repository
class AuditTrailQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    AuditTrailQueries(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<AuditEvent> events(AuditFilter filter) {
        var parameters = new MapSqlParameterSource("limit", filter.limit());
        List<String> conditions = new ArrayList<>();
        if (filter.stationId() != null) {
            // Written as containment so that the GIN index on station_ids is used.
            conditions.add("i.station_ids @> ARRAY[CAST(:stationId AS TEXT)]");
            parameters.addValue("stationId", filter.stationId());
        }
        if (filter.departmentId() != null) {
            conditions.add("i.department_id = :departmentId");
            parameters.addValue("departmentId", filter.departmentId());
        }
        if (filter.year() != null) {
            conditions.add("i.year = :year");
            parameters.addValue("year", filter.year());
        }
        if (filter.type() != null) {
            conditions.add("i.event_type = :type");
            parameters.addValue("type", filter.type());
        }
        if (filter.aggregateId() != null) {
            conditions.add("e.aggregateidentifier = :aggregateId");
            parameters.addValue("aggregateId", filter.aggregateId());
        }
        if (filter.from() != null) {
            conditions.add("i.recorded_at >= :from");
            parameters.addValue("from", JdbcValues.timestamp(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("i.recorded_at < :to");
            parameters.addValue("to", JdbcValues.timestamp(filter.to()));
        }
        if (filter.after() != null) {
            conditions.add("i.global_index > :after");
            parameters.addValue("after", filter.after());
        }
        String where = conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions) + "\n";
        return jdbc.query("""
                SELECT i.global_index, i.event_type, i.recorded_at, e.eventidentifier, e.aggregateidentifier,
                       e.sequencenumber, e.payloadtype, e.payloadrevision, e.payload, e.metadata
                FROM read_audit_index i
                JOIN domainevententry e ON e.globalindex = i.global_index
                """ + where + "ORDER BY i.global_index LIMIT :limit", parameters, (row, index) -> event(row));
    }

    private AuditEvent event(ResultSet row) throws SQLException {
        return new AuditEvent(row.getLong("global_index"), row.getString("eventidentifier"),
                row.getString("aggregateidentifier"), row.getLong("sequencenumber"), row.getString("event_type"),
                row.getString("payloadtype"), row.getString("payloadrevision"), JdbcValues.instant(row, "recorded_at"),
                storedJson(row.getBytes("payload")), storedJson(row.getBytes("metadata")));
    }

    private JsonNode storedJson(byte[] utf8) {
        if (utf8 == null) {
            return null;
        }
        try {
            return json.readTree(utf8);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored event is not JSON; is the event serializer Jackson?", e);
        }
    }
}
