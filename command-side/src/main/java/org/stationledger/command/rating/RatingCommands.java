package org.stationledger.command.rating;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.stationledger.command.AggregateIds;
import org.stationledger.events.rating.FindingReduction;
import org.stationledger.events.rating.Grade;
import org.stationledger.events.rating.RevisionCause;

/** Commands on a station's rating for one year, after the cycle closed. */
public final class RatingCommands {

    private RatingCommands() {
    }

    public record FileAppeal(String stationId, int year, String appealId, String grounds, List<String> findingIds) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return AggregateIds.rating(stationId, year);
        }
    }

    public record DecideAppeal(String stationId, int year, String appealId, boolean uphold,
                               List<String> withdrawFindingIds, List<FindingReduction> reductions, String reason) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return AggregateIds.rating(stationId, year);
        }
    }

    /** {@code grade} null confirms the eligible grade. */
    public record FinaliseRating(String stationId, int year, Grade grade, String reason) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return AggregateIds.rating(stationId, year);
        }
    }

    public record ReviseRating(String stationId, int year, RevisionCause cause, String appealId, Grade grade,
                               String reason) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return AggregateIds.rating(stationId, year);
        }
    }
}
