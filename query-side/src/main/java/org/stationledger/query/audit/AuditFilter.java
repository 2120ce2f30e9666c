package org.stationledger.query.audit;

import java.time.Instant;
import org.stationledger.query.Problems;

/** Which events to read; null fields do not filter. {@code from} is inclusive and {@code to} exclusive. */
record AuditFilter(String stationId, String departmentId, Integer year, String type, String aggregateId, Instant from,
                   Instant to) {

    /**
     * A range that holds no moment is a mistake (the bounds swapped), and so is a type no event has (a misspelling),
     * not a question whose answer is "nothing".
     */
    AuditFilter {
        if (from != null && to != null && !from.isBefore(to)) {
            throw Problems.invalidRequest("from must be before to (from is inclusive, to exclusive).");
        }
        if (type != null && !EventTypes.NAMES.contains(type)) {
            throw Problems.invalidRequest("type " + type + " is not an event of the ledger; its events are "
                                          + String.join(", ", EventTypes.NAMES) + ".");
        }
    }
}
