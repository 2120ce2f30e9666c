package org.stationledger.query.rating;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.rating.Grade;
import org.stationledger.events.rating.RatingRules;
import org.stationledger.events.rating.RevisionCause;

/**
 * A station's consolidated rating for one year. {@code score}, {@code eligibleGrade} and {@code veto} are live:
 * graded now from the scheme and the findings that count. {@code grade} is the official one: the latest revision's,
 * else the final rating's, absent before finalising. {@code draft} is the rating as it stood when the cycle closed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RatingView(String stationId, String stationName, int year, RatingStatus status, BigDecimal score,
                  Grade eligibleGrade, boolean veto, Grade grade, Draft draft,
                  @JsonProperty("final") Final finalRating, List<Revision> revisions, List<Indicator> indicators,
                  List<Department> departments, List<Finding> findings, List<Inspection> inspections,
                  List<String> unassessedIndicators, List<Appeal> appeals) {

    /** The departments with an authorised inspection of the station this year. */
    Set<String> inspectingDepartmentIds() {
        return Inspection.departmentIds(inspections);
    }

    record Draft(BigDecimal score, Grade eligibleGrade, boolean veto) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Final(BigDecimal score, boolean veto, Grade eligibleGrade, Grade grade, String reason,
                 Instant finalisedAt) {
    }

    /** A later change to the final rating; {@code appealId} names the upheld late appeal that caused it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Revision(int revision, RevisionCause cause, String appealId, BigDecimal score, boolean veto,
                    Grade eligibleGrade, Grade grade, String reason, Instant revisedAt) {
    }

    /**
     * An indicator of the scheme as graded for this station; {@code findings} counts its findings that count.
     * {@code inspected}: an authorised inspection of the station this year assessed it — a planned one whose plan item
     * covers it, or an approved exception of its department ({@link Inspection#assesses}).
     */
    record Indicator(String indicatorId, String title, String departmentId, IndicatorKind kind, int maxPoints,
                     BigDecimal deductions, BigDecimal score, int findings, boolean inspected) {

        static Indicator of(RatingRules.IndicatorScore graded, String title, boolean inspected) {
            return new Indicator(graded.indicatorId(), title, graded.departmentId(), graded.kind(),
                    graded.maxPoints(), graded.deductions(), graded.score(), graded.findings(), inspected);
        }
    }

    /** A department's share of the score: its SCORED indicators (a VETO indicator carries no points). */
    record Department(String departmentId, int maxPoints, BigDecimal deductions, BigDecimal score) {

        /** One per department that owns an indicator, by department id. */
        static List<Department> of(List<Indicator> indicators) {
            Map<String, Department> departments = new TreeMap<>();
            for (Indicator indicator : indicators) {
                Department share = indicator.kind() == IndicatorKind.SCORED
                        ? new Department(indicator.departmentId(), indicator.maxPoints(), indicator.deductions(),
                                indicator.score())
                        : new Department(indicator.departmentId(), 0, BigDecimal.ZERO, BigDecimal.ZERO);
                departments.merge(indicator.departmentId(), share, Department::plus);
            }
            return List.copyOf(departments.values());
        }

        private Department plus(Department other) {
            return new Department(departmentId, maxPoints + other.maxPoints, deductions.add(other.deductions),
                    score.add(other.score));
        }
    }

    /**
     * A finding and what became of it. {@code deduction} is the current one (lowered by an upheld appeal for a
     * REDUCED finding; a WITHDRAWN one keeps what it deducted but no longer counts). {@code deductionAtClose} is
     * read for the draft ({@link RatingDraft}), not shown: the finding's part in it is the draft's to show.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Finding(String findingId, String inspectionId, String indicatorId, String departmentId,
                   BigDecimal deduction, BigDecimal originalDeduction, String note, String evidenceRef,
                   Instant observedAt, Instant recordedAt, FindingStatus status, String withdrawalReason,
                   @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) BigDecimal deductionAtClose) {

        boolean counts() {
            return status.counts();
        }

        RatingRules.LiveFinding live() {
            return new RatingRules.LiveFinding(indicatorId, deduction);
        }
    }

    /**
     * An authorised inspection behind the rating. {@code indicatorIds}: what a planned inspection assesses, in
     * indicator order — its plan item's indicators and those of its department's other items merged into the same
     * visit; null for an exception, which may assess any of its department's.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Inspection(String inspectionId, String departmentId, LocalDate date, InspectionKind kind,
                      String planItemId, List<String> indicatorIds) {

        static Set<String> departmentIds(List<Inspection> inspections) {
            return inspections.stream().map(Inspection::departmentId).collect(Collectors.toSet());
        }

        /**
         * Whether the inspection assessed the indicator of {@code departmentId}: findings on it could be recorded
         * in it. A planned inspection whose item the projection has not met yet (its two segments can reach the
         * item and the inspection in either order) counts for its department meanwhile.
         */
        boolean assesses(String departmentId, String indicatorId) {
            return this.departmentId.equals(departmentId) && (indicatorIds == null || indicatorIds.contains(indicatorId));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Appeal(String appealId, String grounds, List<String> findingIds, AppealStatus status,
                  String decisionReason, Instant filedAt, Instant decidedAt) {
    }
}
