package org.stationledger.query.inspection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An inspection request in its latest state. The plan fields are set for a planned request, the exception fields
 * for an exception, {@code reasonCode} and {@code explanation} for a blocked one, {@code decisionReason},
 * {@code decidedAt} and {@code decidedBy} once the co-ordinating office decided an exception.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InspectionView(String inspectionId, int year, String stationId, String departmentId, LocalDate date,
                      InspectionStatus status, String planItemId, String visitId, String exceptionCategory,
                      String justification, String reasonCode, String explanation, String decisionReason,
                      Instant requestedAt, String requestedBy, Instant decidedAt, String decidedBy) {
}
