package org.stationledger.command.inspection;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stationledger.events.inspection.PlanItemKind;

/** The plan's look-ups: what a command about plan items, visits or inspections needs to know beyond its aggregate. */
interface Plans {

    enum ItemStatus { PROPOSED, APPROVED, REJECTED }

    record PlanItemFacts(String planItemId, int year, String departmentId, PlanItemKind kind, LocalDate from,
                         LocalDate to, ItemStatus status) {
    }

    record VisitFacts(String visitId, LocalDate from, LocalDate to) {
    }

    boolean planItemExists(String planItemId);

    boolean hasComprehensiveItem(int year, String departmentId);

    Optional<PlanItemFacts> planItem(String planItemId);

    List<PlanItemFacts> proposedItems(int year);

    /**
     * The item's stations that are still in the registry, in id order: approval schedules no visit at a station
     * decommissioned since the item was proposed (it would take a place under the cap, and could never be used). Held
     * against a decommissioning until the approval commits, as {@code Registry#notActive} holds them.
     */
    List<String> activeStationsOf(String planItemId);

    /**
     * Whether the department's share of a visit covers the indicator: one of the department's items that approval
     * gave this visit at the station covers it. A finding in a planned inspection concerns such an indicator; two
     * items of one department that overlap at a station are one visit, which the department inspects once for both.
     */
    boolean covers(VisitShare share, String indicatorId);

    /** A department's share of one visit to a station, which one planned inspection uses. */
    record VisitShare(int year, String visitId, String stationId, String departmentId) {
    }

    /** For each of {@code visitIds} that has been used, the departments that have used their share of it. */
    Map<String, Set<String>> departmentsThatUsed(Collection<String> visitIds);

    /**
     * The visits already scheduled for each of {@code stationIds} in {@code year}, held for this command's transaction:
     * an inspection about to use one of them ({@link #requestFacts}) has committed before they are returned, so that
     * the visits' use read after this is complete, and the next inspection waits for this command to commit. A late
     * item then never joins a visit its department has used, which the inspection made in it could not have assessed.
     */
    Map<String, List<VisitFacts>> visitsOf(int year, Collection<String> stationIds);

    /** What the plan says about one request: the cited item, whether the station is in it, its visit, its use. */
    record RequestFacts(PlanItemFacts planItem, boolean stationInItem, VisitFacts visit, boolean visitUsedByDepartment) {
    }

    /**
     * The plan's facts about a request citing {@code planItemId}: the inspection gate's hot path, one question. The
     * visit is held until this command's transaction ends, so that a late item's approval ({@link #visitsOf}) waits
     * for the visit's use and sees it.
     */
    RequestFacts requestFacts(String planItemId, String stationId, String departmentId);
}
