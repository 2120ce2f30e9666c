package org.stationledger.events.inspection;

import org.axonframework.serialization.Revision;
import org.stationledger.events.DepartmentScoped;
import org.stationledger.events.StationScoped;
import org.stationledger.events.YearScoped;

/** The recording department withdrew its own finding before the cycle closed. Findings are never edited. */
@Revision("1")
public record FindingWithdrawn(String findingId, String inspectionId, int year, String stationId, String departmentId,
                               String reason) implements YearScoped, StationScoped, DepartmentScoped {
}
