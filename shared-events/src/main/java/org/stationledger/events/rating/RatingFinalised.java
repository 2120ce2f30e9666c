package org.stationledger.events.rating;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;
import org.stationledger.events.StationScoped;
import org.stationledger.events.YearScoped;

/**
 * The station's one final rating for the year. {@code grade} is the eligible grade or, with a reason, a lower one;
 * never a higher one.
 */
@Revision("1")
public record RatingFinalised(int year, String stationId, BigDecimal score, boolean veto, Grade eligibleGrade,
                              Grade grade, String reason) implements YearScoped, StationScoped {
}
