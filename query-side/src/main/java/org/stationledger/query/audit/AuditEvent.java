package org.stationledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One stored event as the trail shows it: its place in both orders, its type, and payload and metadata as stored. */
record AuditEvent(long globalSequence, String eventId, String aggregateId, long aggregateSequence, String type,
                  String payloadType, String revision, Instant timestamp, JsonNode payload, JsonNode metadata) {
}
