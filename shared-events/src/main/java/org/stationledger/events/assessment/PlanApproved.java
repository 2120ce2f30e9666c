package org.stationledger.events.assessment;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.stationledger.events.YearScoped;

/** The yearly plan was approved; items proposed later are approved one at a time. */
@Revision("1")
public record PlanApproved(int year, List<String> approvedPlanItemIds, List<String> rejectedPlanItemIds,
                           int jointVisits) implements YearScoped {
}
