package org.stationledger.events.inspection;

import org.axonframework.serialization.Revision;
import org.stationledger.events.DepartmentScoped;
import org.stationledger.events.StationScoped;
import org.stationledger.events.YearScoped;

/** The coordinator refused an exception: the inspection is blocked with {@link BlockReason#EXCEPTION_REFUSED}. */
@Revision("1")
public record ExceptionRefused(String inspectionId, int year, String stationId, String departmentId, String reason)
        implements YearScoped, StationScoped, DepartmentScoped {
}
