package org.stationledger.events.inspection;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.stationledger.events.DepartmentScoped;
import org.stationledger.events.StationScoped;
import org.stationledger.events.YearScoped;

/**
 * A request to inspect was refused at the gate. Recorded so that the station, the coordinator and the auditors can
 * see every attempt; nothing can be recorded against it and the station owes it nothing.
 */
@Revision("1")
public record InspectionBlocked(String inspectionId, int year, String stationId, String departmentId, LocalDate date,
                                String planItemId, String exceptionCategory, BlockReason reasonCode,
                                String explanation) implements YearScoped, StationScoped, DepartmentScoped {
}
