package org.stationledger.query.burden;

import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionCategory;

/**
 * An inspection request in its latest state. {@code reason} is set for a blocked one; {@code category} for an
 * exception asked for on valid grounds, whatever was decided.
 */
record RequestFact(String inspectionId, int year, String stationId, String departmentId, RequestStatus status,
                   BlockReason reason, ExceptionCategory category) {

    /** The co-ordinating office's decision on the exception: it keeps its category. */
    RequestFact decided(RequestStatus decision, BlockReason decisionReason) {
        return new RequestFact(inspectionId, year, stationId, departmentId, decision, decisionReason, category);
    }
}
