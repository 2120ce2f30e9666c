package org.stationledger.command.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stationledger.events.inspection.PlanItemKind;

/**
 * An in-memory {@link Plans} for tests: plan items with their stations, the visits approval gave them, and which
 * department has used which visit.
 */
class InMemoryPlans implements Plans {

    private final Map<String, PlanItemFacts> items = new LinkedHashMap<>();
    private final Map<String, List<String>> stationsOfItem = new HashMap<>();
    /** plan item id to (station id to visit id). */
    private final Map<String, Map<String, String>> visitOfItemStation = new HashMap<>();
    private final Map<String, VisitFacts> visits = new LinkedHashMap<>();
    private final Map<String, Integer> visitYear = new HashMap<>();
    private final Map<String, String> visitStation = new HashMap<>();
    private final Set<String> usages = new HashSet<>();
    private final Map<String, Set<String>> indicatorsOfItem = new HashMap<>();

    InMemoryPlans item(String planItemId, int year, String departmentId, PlanItemKind kind, LocalDate from, LocalDate to,
                       ItemStatus status, String... stationIds) {
        items.put(planItemId, new PlanItemFacts(planItemId, year, departmentId, kind, from, to, status));
        stationsOfItem.put(planItemId, List.of(stationIds));
        return this;
    }

    /** A visit to {@code stationId} that approval gave to each of {@code planItemIds}. */
    InMemoryPlans visit(String visitId, int year, String stationId, LocalDate from, LocalDate to, String... planItemIds) {
        visits.put(visitId, new VisitFacts(visitId, from, to));
        visitYear.put(visitId, year);
        visitStation.put(visitId, stationId);
        for (String planItemId : planItemIds) {
            visitOfItemStation.computeIfAbsent(planItemId, id -> new HashMap<>()).put(stationId, visitId);
        }
        return this;
    }

    InMemoryPlans covering(String planItemId, String... indicatorIds) {
        indicatorsOfItem.put(planItemId, Set.of(indicatorIds));
        return this;
    }

    InMemoryPlans used(String visitId, String departmentId) {
        usages.add(visitId + "|" + departmentId);
        return this;
    }

    @Override
    public boolean planItemExists(String planItemId) {
        return items.containsKey(planItemId);
    }

    @Override
    public boolean hasComprehensiveItem(int year, String departmentId) {
        return items.values().stream().anyMatch(item -> item.year() == year && item.departmentId().equals(departmentId)
                && item.kind() == PlanItemKind.COMPREHENSIVE && item.status() != ItemStatus.REJECTED);
    }

    @Override
    public Optional<PlanItemFacts> planItem(String planItemId) {
        return Optional.ofNullable(items.get(planItemId));
    }

    @Override
    public List<PlanItemFacts> proposedItems(int year) {
        return items.values().stream().filter(item -> item.year() == year && item.status() == ItemStatus.PROPOSED)
                .sorted((a, b) -> a.planItemId().compareTo(b.planItemId())).toList();
    }

    @Override
    public List<String> activeStationsOf(String planItemId) {
        return stationsOfItem.getOrDefault(planItemId, List.of()).stream().sorted().toList();
    }

    @Override
    public boolean covers(VisitShare share, String indicatorId) {
        return items.values().stream().anyMatch(item -> item.year() == share.year()
                && item.departmentId().equals(share.departmentId())
                && share.visitId().equals(visitOfItemStation.getOrDefault(item.planItemId(), Map.of())
                        .get(share.stationId()))
                && indicatorsOfItem.getOrDefault(item.planItemId(), Set.of()).contains(indicatorId));
    }

    @Override
    public Map<String, Set<String>> departmentsThatUsed(Collection<String> visitIds) {
        Map<String, Set<String>> users = new HashMap<>();
        usages.forEach(usage -> {
            String[] visitAndDepartment = usage.split("\\|");
            if (visitIds.contains(visitAndDepartment[0])) {
                users.computeIfAbsent(visitAndDepartment[0], visit -> new HashSet<>()).add(visitAndDepartment[1]);
            }
        });
        return users;
    }

    @Override
    public Map<String, List<VisitFacts>> visitsOf(int year, Collection<String> stationIds) {
        Map<String, List<VisitFacts>> result = new HashMap<>();
        visits.forEach((visitId, visit) -> {
            if (visitYear.get(visitId) == year && stationIds.contains(visitStation.get(visitId))) {
                result.computeIfAbsent(visitStation.get(visitId), station -> new ArrayList<>()).add(visit);
            }
        });
        return result;
    }

    @Override
    public RequestFacts requestFacts(String planItemId, String stationId, String departmentId) {
        PlanItemFacts item = planItem(planItemId).orElse(null);
        boolean stationInItem = item != null && stationsOfItem.getOrDefault(planItemId, List.of()).contains(stationId);
        VisitFacts visit = stationInItem ? Optional.ofNullable(visitOfItemStation.getOrDefault(planItemId, Map.of())
                .get(stationId)).map(visits::get).orElse(null) : null;
        boolean used = visit != null && usages.contains(visit.visitId() + "|" + departmentId);
        return new RequestFacts(item, stationInItem, visit, used);
    }
}
