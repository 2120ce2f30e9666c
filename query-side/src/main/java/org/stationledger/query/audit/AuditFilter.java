package org.stationledger.query.audit;

import java.time.Instant;

/** Which events to read; null fields do not filter. {@code from} is inclusive and {@code to} exclusive. */
record AuditFilter(String stationId, String departmentId, Integer year, String type, String aggregateId, Instant from,
                   Instant to) {
}
