package org.stationledger.events.assessment;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.stationledger.events.YearScoped;

/** The year's scheme is frozen with exactly these indicators; their SCORED max points sum to 100. */
@Revision("1")
public record SchemePublished(int year, List<String> indicatorIds) implements YearScoped {
}
