package org.stationledger.events.inspection;

import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.stationledger.events.DepartmentScoped;
import org.stationledger.events.StationScoped;
import org.stationledger.events.YearScoped;

/**
 * A deduction (扣分) recorded during an authorised inspection against one of the department's own indicators.
 * {@code observedAt} is when the problem was seen; when it was recorded is the event's timestamp.
 */
@Revision("1")
public record FindingRecorded(String findingId, String inspectionId, int year, String stationId, String departmentId,
                              String indicatorId, BigDecimal deduction, String note, String evidenceRef,
                              Instant observedAt) implements YearScoped, StationScoped, DepartmentScoped {
}
