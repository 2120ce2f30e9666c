package org.stationledger.events.inspection;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.stationledger.events.DepartmentScoped;
import org.stationledger.events.StationScoped;
import org.stationledger.events.YearScoped;

/** A planned inspection passed the gate; it uses the department's share of {@code visitId}. */
@Revision("1")
public record InspectionAuthorised(String inspectionId, int year, String stationId, String departmentId,
                                   LocalDate date, String planItemId, String visitId)
        implements YearScoped, StationScoped, DepartmentScoped {
}
