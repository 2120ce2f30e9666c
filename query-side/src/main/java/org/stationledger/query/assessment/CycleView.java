package org.stationledger.query.assessment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.inspection.PlanItemKind;

/**
 * One year's cycle: its settings, its scheme (the published indicators once published, the proposed ones before),
 * its plan items and the visits the approval merged them into. Once closed, when it closed and the last instant a
 * station may appeal its draft rating ({@code appealsUntil}: the close plus the comment window's days).
 */
record CycleView(int year, CycleStatus status, int visitCap, int commentWindowDays,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Instant closedAt,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Instant appealsUntil, GradeBandsView gradeBands,
                 boolean schemePublished, int schemeTotalPoints, List<Indicator> indicators, boolean planApproved,
                 List<PlanItem> planItems, List<JointVisit> jointVisits) {

    /** The lowest score of each of the first four levels; below {@code level4} is LEVEL_5. */
    record GradeBandsView(double level1, double level2, double level3, double level4) {
    }

    record Indicator(String indicatorId, String title, String departmentId, int maxPoints, IndicatorKind kind) {
    }

    record PlanItem(String planItemId, String departmentId, PlanItemKind kind, LocalDate from, LocalDate to,
                    List<String> stationIds, List<String> indicatorIds, PlanItemStatus status,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String rejectionReason) {
    }

    record JointVisit(String visitId, String stationId, LocalDate from, LocalDate to, List<String> planItemIds,
                      List<String> departmentIds) {

        /** A visit is joint when more than one department takes part in it. */
        @JsonProperty("joint")
        boolean joint() {
            return departmentIds.size() > 1;
        }
    }

    /** The points of the SCORED indicators; 100 once the scheme is published. */
    static int totalPoints(List<Indicator> indicators) {
        return indicators.stream().filter(indicator -> indicator.kind() == IndicatorKind.SCORED)
                .mapToInt(Indicator::maxPoints).sum();
    }
}
