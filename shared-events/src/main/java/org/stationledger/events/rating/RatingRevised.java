package org.stationledger.events.rating;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;
import org.stationledger.events.StationScoped;
import org.stationledger.events.YearScoped;

/** A later change to a final rating, citing its cause; revision 1 is the first change after finalising. */
@Revision("1")
public record RatingRevised(int year, String stationId, int revision, RevisionCause cause, String appealId,
                            BigDecimal score, boolean veto, Grade eligibleGrade, Grade grade, String reason)
        implements YearScoped, StationScoped {
}
