package org.stationledger.query.audit;

import java.time.Instant;
import org.stationledger.query.Problems;

/** Which events to read; null fields do not filter. {@code from} is inclusive and {@code to} exclusive. */
record AuditFilter(String stationId, String departmentId, Integer year, String type, String aggregateId, Instant from,
                   Instant to) {

    /** A range that holds no moment is a mistake (the bounds swapped), not a question whose answer is "nothing". */
    AuditFilter {
        if (from != null && to != null && !from.isBefore(to)) {
            throw Problems.invalidRequest("from must be before to (from is inclusive, to exclusive).");
        }
    }
}
