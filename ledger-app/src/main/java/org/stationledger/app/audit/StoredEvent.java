package org.stationledger.app.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of the event table, every column exactly as stored: what the audit chain hashes. */
record StoredEvent(long globalIndex, String eventId, String aggregateType, String aggregateId, long sequenceNumber,
                   String payloadType, String payloadRevision, byte[] payload, byte[] metadata, String timestamp) {

    static final String COLUMNS = """
            globalindex, eventidentifier, type, aggregateidentifier, sequencenumber, payloadtype, payloadrevision,
            payload, metadata, timestamp""";

    static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong("globalindex"), row.getString("eventidentifier"), row.getString("type"),
                row.getString("aggregateidentifier"), row.getLong("sequencenumber"), row.getString("payloadtype"),
                row.getString("payloadrevision"), row.getBytes("payload"), row.getBytes("metadata"),
                row.getString("timestamp"));
    }
}
