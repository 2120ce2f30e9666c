package org.stationledger.events.inspection;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.stationledger.events.MultiDepartmentScoped;
import org.stationledger.events.StationScoped;
import org.stationledger.events.YearScoped;

/**
 * One visit to one station in the overlap window of every approved plan item merged into it. A visit with a single
 * department is still a visit; it is "joint" when it has more than one.
 */
@Revision("1")
public record JointVisitScheduled(String visitId, int year, String stationId, LocalDate from, LocalDate to,
                                  List<String> planItemIds, List<String> departmentIds)
        implements YearScoped, StationScoped, MultiDepartmentScoped {
}
