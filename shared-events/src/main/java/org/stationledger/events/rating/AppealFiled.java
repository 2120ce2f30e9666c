package org.stationledger.events.rating;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.stationledger.events.StationScoped;
import org.stationledger.events.YearScoped;

/** A station disputes findings of its draft rating, within the comment window. */
@Revision("1")
public record AppealFiled(String appealId, int year, String stationId, String grounds, List<String> findingIds)
        implements YearScoped, StationScoped {
}
