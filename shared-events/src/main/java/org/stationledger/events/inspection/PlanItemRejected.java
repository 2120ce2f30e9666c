package org.stationledger.events.inspection;

import org.axonframework.serialization.Revision;
import org.stationledger.events.DepartmentScoped;
import org.stationledger.events.YearScoped;

@Revision("1")
public record PlanItemRejected(String planItemId, int year, String departmentId, String reason)
        implements YearScoped, DepartmentScoped {
}
