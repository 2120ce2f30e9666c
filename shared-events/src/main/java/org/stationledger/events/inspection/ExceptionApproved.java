package org.stationledger.events.inspection;

import org.axonframework.serialization.Revision;
import org.stationledger.events.DepartmentScoped;
import org.stationledger.events.StationScoped;
import org.stationledger.events.YearScoped;

/** The coordinator approved an exception: the inspection is authorised. It does not count against the visit cap. */
@Revision("1")
public record ExceptionApproved(String inspectionId, int year, String stationId, String departmentId, String reason)
        implements YearScoped, StationScoped, DepartmentScoped {
}
