package org.stationledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.stationledger.events.station.StationDecommissioned;
import org.stationledger.events.station.StationRegistered;
import org.stationledger.events.RuleViolation;
import org.stationledger.query.JdbcValues;

/**
 * Reads the trail: the audit index chooses the events, the event store supplies them exactly as stored (Axon's
 * Jackson serializer writes payload and metadata as UTF-8 JSON). The export adds each event's link of the audit
 * chain, which the ledger node keeps in {@code audit_chain}.
 */
@Repository
class AuditTrailQueries {

    private static final int EXPORT_FETCH_SIZE = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    /** Reads the export in pages of rows instead of all at once (PostgreSQL needs a transaction for that). */
    private final NamedParameterJdbcTemplate cursor;
    private final TransactionTemplate snapshot;
    private final AuditIndexReach reach;

    AuditTrailQueries(NamedParameterJdbcTemplate jdbc, ObjectMapper json, PlatformTransactionManager transactions,
                      AuditIndexReach reach) {
        this.jdbc = jdbc;
        this.json = json;
        this.reach = reach;
        JdbcTemplate paging = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        paging.setFetchSize(EXPORT_FETCH_SIZE);
        this.cursor = new NamedParameterJdbcTemplate(paging);
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * Refuses a station, department or aggregate that no event of the trail names (404 {@code unknown-station},
     * {@code unknown-department}, {@code unknown-aggregate}): a misspelt id, or an aggregate's id without its kind,
     * would otherwise read as a trail where nothing happened. Each is one index probe.
     */
    void requireNamed(AuditFilter filter) {
        if (filter.stationId() != null && !named("i.station_ids @> ARRAY[CAST(:id AS TEXT)]", filter.stationId())) {
            throw RuleViolation.notFound("unknown-station", "No event of the trail names station "
                                         + filter.stationId() + ".");
        }
        if (filter.departmentId() != null && !named(
                "(i.department_id = :id OR i.department_ids @> ARRAY[CAST(:id AS TEXT)])", filter.departmentId())) {
            throw RuleViolation.notFound("unknown-department", "No event of the trail names department "
                                         + filter.departmentId() + ".");
        }
        if (filter.aggregateId() != null && !Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM domainevententry WHERE aggregateidentifier = :id)",
                Map.of("id", filter.aggregateId()), Boolean.class))) {
            throw RuleViolation.notFound("unknown-aggregate", "No event of the trail belongs to " + filter.aggregateId()
                    + ". An aggregate's id names its kind: station:<id>, department:<id>, cycle:<year>, plan:<year>, "
                    + "plan-item:<id>, visit:<id>, inspection:<id>, rating:<station>:<year>, baseline:<department>, "
                    + "document:<id>, meeting:<id>, report:<year>:<report>[:<station>].");
        }
    }

    private boolean named(String condition, String id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM read_audit_index i WHERE "
                                                       + condition + ")", Map.of("id", id), Boolean.class));
    }

    List<AuditEvent> events(AuditFilter filter, Long after, int limit) {
        var parameters = new MapSqlParameterSource("limit", limit);
        List<String> conditions = conditions(filter, parameters);
        conditions.add(indexedBelow(parameters));
        if (after != null) {
            conditions.add("i.global_index > :after");
            parameters.addValue("after", after);
        }
        return jdbc.query("""
                SELECT i.global_index, i.event_type, i.recorded_at, e.eventidentifier, e.aggregateidentifier,
                       e.sequencenumber, e.payloadtype, e.payloadrevision, e.payload, e.metadata
                FROM read_audit_index i
                JOIN domainevententry e ON e.globalindex = i.global_index
                """ + where(conditions) + "ORDER BY i.global_index LIMIT :limit", parameters,
                (row, index) -> event(row));
    }

    /**
     * Streams the filtered trail in global order with each event's audit-chain link, in one snapshot: {@code export}
     * is given the chain's head (null before the first link) and returns where the events go. Without a filter every stored event is included,
     * indexed yet or not; a filter selects through the audit index.
     */
    void export(AuditFilter filter, Function<ChainHead, Consumer<ExportedEvent>> export) {
        var parameters = new MapSqlParameterSource();
        List<String> conditions = conditions(filter, parameters);
        if (!conditions.isEmpty()) {
            conditions.add(indexedBelow(parameters));
        }
        String where = where(conditions);
        snapshot.executeWithoutResult(transaction -> {
            ChainHead head = cursor.query("SELECT global_index, hash FROM audit_chain ORDER BY global_index DESC LIMIT 1",
                    Map.of(), (row, index) -> new ChainHead(row.getLong("global_index"),
                            HexFormat.of().formatHex(row.getBytes("hash")))).stream().findFirst().orElse(null);
            Consumer<ExportedEvent> events = export.apply(head);
            cursor.query("SELECT " + ExportedEvent.COLUMNS
                         + " FROM domainevententry e"
                         + " LEFT JOIN read_audit_index i ON i.global_index = e.globalindex"
                         + " LEFT JOIN audit_chain c ON c.global_index = e.globalindex\n"
                         + where + "ORDER BY e.globalindex", parameters,
                    (RowCallbackHandler) row -> events.accept(ExportedEvent.read(row)));
        });
    }

    /**
     * Only the events up to where every segment of the audit index has got. The index is written by two segments,
     * each at its own pace; without this a reader paging with {@code after} past a row of the faster segment would
     * never see the rows the slower one adds below it.
     */
    private String indexedBelow(MapSqlParameterSource parameters) {
        parameters.addValue("indexedUpTo", reach.indexedUpTo());
        return "i.global_index <= :indexedUpTo";
    }

    /** The audit chain's last link when the export was read. */
    record ChainHead(long sequence, String hash) {
    }

    private static List<String> conditions(AuditFilter filter, MapSqlParameterSource parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.stationId() != null) {
            // Written as containment so that the GIN index on station_ids is used. A document or meeting for every
            // station reached the stations registered, and not decommissioned, when it was recorded (as the burden
            // counts say); the index holds both moments, as the rows of those events.
            conditions.add("""
                    (i.station_ids @> ARRAY[CAST(:stationId AS TEXT)]
                     OR i.all_stations
                        AND i.global_index > (%s)
                        AND i.global_index < coalesce((%s), 9223372036854775807))"""
                    .formatted(firstOfStation(StationRegistered.class), firstOfStation(StationDecommissioned.class)));
            parameters.addValue("stationId", filter.stationId());
        }
        if (filter.departmentId() != null) {
            conditions.add("(i.department_id = :departmentId OR i.department_ids @> ARRAY[CAST(:departmentId AS TEXT)])");
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
        return conditions;
    }

    private static String firstOfStation(Class<?> eventType) {
        return "SELECT min(r.global_index) FROM read_audit_index r WHERE r.event_type = '" + eventType.getSimpleName()
               + "' AND r.station_ids @> ARRAY[CAST(:stationId AS TEXT)]";
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : "WHERE " + String.join(" AND ", conditions) + "\n";
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
