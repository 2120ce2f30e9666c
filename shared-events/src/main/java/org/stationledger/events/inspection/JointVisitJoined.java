package org.stationledger.events.inspection;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.stationledger.events.DepartmentScoped;
import org.stationledger.events.StationScoped;
import org.stationledger.events.YearScoped;

/** A plan item approved after the plan joined an existing visit; the visit's window narrows to the overlap. */
@Revision("1")
public record JointVisitJoined(String visitId, int year, String stationId, String planItemId, String departmentId,
                               LocalDate from, LocalDate to) implements YearScoped, StationScoped, DepartmentScoped {
}
