package org.stationledger.query.burden;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionCategory;

/**
 * Inspection requests in a year, as the gate and the co-ordinating office left them. {@code blocked} includes
 * refused exceptions ({@code EXCEPTION_REFUSED}); {@code authorised} approved ones. Every reason and category is
 * listed, zeros included. {@code jointVisits}: visits with more than one department that this one takes part in.
 */
public record InspectionFigures(long requests, long authorised, long blocked, long pendingExceptions,
                                Map<BlockReason, Long> blockedByReason, long exceptions,
                                Map<ExceptionCategory, ExceptionFigures> exceptionsByCategory, long jointVisits) {

    /** The jurisdiction's figures: the departments' added up, and its own count of joint visits. */
    static InspectionFigures sum(List<InspectionFigures> parts, long jointVisits) {
        InspectionTally tally = new InspectionTally();
        parts.forEach(tally::add);
        tally.addJointVisits(jointVisits);
        return tally.figures();
    }

    static Map<BlockReason, Long> noBlocks() {
        Map<BlockReason, Long> reasons = new EnumMap<>(BlockReason.class);
        for (BlockReason reason : BlockReason.values()) {
            reasons.put(reason, 0L);
        }
        return reasons;
    }
}
