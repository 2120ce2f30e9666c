package org.stationledger.command.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges approved plan items into visits, station by station: items that target the same station with overlapping
 * windows become one joint visit in their common window, with all their departments. Sorting by window start and
 * joining the open visit while the overlap is not empty gives the fewest visits possible, so the visit cap is judged
 * on the best merge there is. Visits that exist already (approved earlier) are never split nor narrowed: a late item
 * joins one only if its window encloses the visit's (the visit keeps its window, so the items already in it keep
 * theirs and an inspection already made in it stays inside it); a late item that overlaps one only in part gets a
 * visit of its own, which counts against the cap. Nor does a late item join a visit its department has used: the
 * inspection made then could not have assessed what the late item covers, and the item would have no visit left.
 */
final class JointVisitPlanner {

    private JointVisitPlanner() {
    }

    record Window(LocalDate from, LocalDate to) {
        boolean overlaps(Window other) {
            return !from.isAfter(other.to) && !other.from.isAfter(to);
        }

        boolean encloses(Window other) {
            return !other.from.isBefore(from) && !other.to.isAfter(to);
        }

        Window intersect(Window other) {
            return new Window(from.isAfter(other.from) ? from : other.from, to.isBefore(other.to) ? to : other.to);
        }

        boolean contains(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    record ItemWindow(String planItemId, String departmentId, Window window) {
    }

    /** A visit approved earlier, with the departments that have already used their share of it. */
    record ExistingVisit(String visitId, Window window, Set<String> usedBy) {
        ExistingVisit(String visitId, Window window) {
            this(visitId, window, Set.of());
        }
    }

    /** A visit after planning: an existing one (possibly joined by new items) or a new one. */
    record Visit(String visitId, boolean existing, Window window, List<ItemWindow> addedItems) {
        List<String> departmentIds() {
            return addedItems.stream().map(ItemWindow::departmentId).distinct().toList();
        }

        List<String> planItemIds() {
            return addedItems.stream().map(ItemWindow::planItemId).toList();
        }
    }

    record StationVisits(String stationId, List<Visit> visits) {
        List<Visit> changed() {
            return visits.stream().filter(visit -> !visit.addedItems().isEmpty()).toList();
        }
    }

    /** The visits of one station once {@code items} are added to its {@code existing} ones. */
    static StationVisits plan(int year, String stationId, List<ExistingVisit> existing, List<ItemWindow> items) {
        List<VisitUnderPlanning> visits = new ArrayList<>();
        existing.forEach(visit -> visits.add(new VisitUnderPlanning(visit.visitId(), true, visit.window(),
                visit.usedBy())));
        List<ItemWindow> sorted = items.stream()
                .sorted(Comparator.comparing((ItemWindow item) -> item.window().from()).thenComparing(ItemWindow::planItemId))
                .toList();
        for (ItemWindow item : sorted) {
            VisitUnderPlanning target = visits.stream().filter(visit -> visit.existing
                            ? item.window().encloses(visit.window) && !visit.usedBy.contains(item.departmentId())
                            : visit.window.overlaps(item.window()))
                    .findFirst().orElse(null);
            if (target == null) {
                target = new VisitUnderPlanning(visitId(year, stationId, visits.size() + 1), false, item.window(),
                        Set.of());
                visits.add(target);
            }
            target.window = target.window.intersect(item.window());
            target.added.add(item);
        }
        return new StationVisits(stationId, visits.stream()
                .map(visit -> new Visit(visit.visitId, visit.existing, visit.window, List.copyOf(visit.added)))
                .toList());
    }

    /** Groups each item's windows by the stations it targets, keeping the stations in first-seen order. */
    static Map<String, List<ItemWindow>> byStation(Map<ItemWindow, List<String>> stationsOfItem) {
        Map<String, List<ItemWindow>> byStation = new LinkedHashMap<>();
        stationsOfItem.forEach((item, stations) ->
                stations.forEach(station -> byStation.computeIfAbsent(station, s -> new ArrayList<>()).add(item)));
        return byStation;
    }

    static String visitId(int year, String stationId, int ordinal) {
        return year + "-" + stationId + "-" + ordinal;
    }

    private static final class VisitUnderPlanning {
        private final String visitId;
        private final boolean existing;
        private Window window;
        private final Set<String> usedBy;
        private final List<ItemWindow> added = new ArrayList<>();

        private VisitUnderPlanning(String visitId, boolean existing, Window window, Set<String> usedBy) {
            this.visitId = visitId;
            this.existing = existing;
            this.window = window;
            this.usedBy = usedBy;
        }
    }
}
