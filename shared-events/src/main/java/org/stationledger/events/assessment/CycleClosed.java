package org.stationledger.events.assessment;

import org.axonframework.serialization.Revision;
import org.stationledger.events.YearScoped;

/** No more findings; every station's current rating becomes its draft and the comment window starts. */
@Revision("1")
public record CycleClosed(int year) implements YearScoped {
}
