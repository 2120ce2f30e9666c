package org.stationledger.events.inspection;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.stationledger.events.DepartmentScoped;
import org.stationledger.events.MultiStationScoped;
import org.stationledger.events.YearScoped;

@Revision("1")
public record PlanItemProposed(String planItemId, int year, String departmentId, List<String> stationIds,
                               LocalDate from, LocalDate to, PlanItemKind kind, List<String> indicatorIds)
        implements YearScoped, DepartmentScoped, MultiStationScoped {
}
