package org.stationledger.query.rating;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.stationledger.events.rating.Grade;

/** One year of a station's rating history: the live rating, the official grade and every version fixed so far. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RatingHistoryEntry(int year, RatingStatus status, BigDecimal score, Grade eligibleGrade, boolean veto,
                          Grade grade, BigDecimal draftScore, BigDecimal finalScore,
                          List<RatingView.Revision> revisions) {

    static RatingHistoryEntry of(RatingView rating) {
        return new RatingHistoryEntry(rating.year(), rating.status(), rating.score(), rating.eligibleGrade(),
                rating.veto(), rating.grade(), rating.draft() == null ? null : rating.draft().score(),
                rating.finalRating() == null ? null : rating.finalRating().score(), rating.revisions());
    }
}
