package org.stationledger.events.assessment;

import org.axonframework.serialization.Revision;
import org.stationledger.events.DepartmentScoped;
import org.stationledger.events.YearScoped;

@Revision("1")
public record IndicatorProposed(int year, String indicatorId, String title, String departmentId, int maxPoints,
                                IndicatorKind kind) implements YearScoped, DepartmentScoped {
}
