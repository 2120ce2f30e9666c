package org.stationledger.events.inspection;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.stationledger.events.DepartmentScoped;
import org.stationledger.events.StationScoped;
import org.stationledger.events.YearScoped;

/** An inspection outside the plan on exceptional grounds, pending the coordinator's decision. */
@Revision("1")
public record ExceptionRequested(String inspectionId, int year, String stationId, String departmentId, LocalDate date,
                                 ExceptionCategory category, String justification)
        implements YearScoped, StationScoped, DepartmentScoped {
}
