package org.stationledger.events.rating;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.stationledger.events.StationScoped;
import org.stationledger.events.YearScoped;

/** The coordinator upheld an appeal: the named findings are withdrawn or their deductions reduced. */
@Revision("1")
public record AppealUpheld(String appealId, int year, String stationId, List<String> withdrawnFindingIds,
                           List<FindingReduction> reductions, String reason) implements YearScoped, StationScoped {
}
