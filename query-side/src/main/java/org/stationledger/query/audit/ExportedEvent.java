package org.stationledger.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One line of the trail export: every column of the stored event exactly as stored (payload and metadata in base64,
 * since the chain hashes their bytes) and its audit-chain link, the hashes in hex. {@code previousHash} and
 * {@code hash} are null for an event stored after the chain's head. docs/audit.md says how to check a line.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"globalIndex", "eventId", "aggregateType", "aggregateId", "sequenceNumber", "payloadType",
        "payloadRevision", "timestamp", "payloadBase64", "metadataBase64", "previousHash", "hash"})
record ExportedEvent(long globalIndex, String eventId, String aggregateType, String aggregateId, long sequenceNumber,
                     String payloadType, String payloadRevision, String timestamp, String payloadBase64,
                     String metadataBase64, String previousHash, String hash) {

    static final String COLUMNS = """
            e.globalindex, e.eventidentifier, e.type, e.aggregateidentifier, e.sequencenumber, e.payloadtype,
            e.payloadrevision, e.timestamp, e.payload, e.metadata, c.previous_hash, c.hash""";

    /** The CSV header: the JSON names, in the JSON order. */
    static final String[] COLUMN_NAMES = ExportedEvent.class.getAnnotation(JsonPropertyOrder.class).value();
    private static final HexFormat HEX = HexFormat.of();

    static ExportedEvent read(ResultSet row) throws SQLException {
        return new ExportedEvent(row.getLong("globalindex"), row.getString("eventidentifier"), row.getString("type"),
                row.getString("aggregateidentifier"), row.getLong("sequencenumber"), row.getString("payloadtype"),
                row.getString("payloadrevision"), row.getString("timestamp"), base64(row.getBytes("payload")),
                base64(row.getBytes("metadata")), hex(row.getBytes("previous_hash")), hex(row.getBytes("hash")));
    }

    /** The line's values in the order of {@link #COLUMN_NAMES}, for CSV. */
    Object[] values() {
        return new Object[] {globalIndex, eventId, aggregateType, aggregateId, sequenceNumber, payloadType,
                payloadRevision, timestamp, payloadBase64, metadataBase64, previousHash, hash};
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? null : HEX.formatHex(bytes);
    }
}
