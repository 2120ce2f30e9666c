package org.stationledger.query.burden;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.stationledger.events.burden.DemandKind;

/**
 * What requests, visits and demands count for on the dashboard, as changes to the count tables: a fact counted with
 * sign +1 adds what it counts for, with -1 takes it away, so moving a fact from its old state to its new one is the
 * two together. Documents and meetings for every station are not counted here: which stations they reach depends
 * on when each station was registered and decommissioned, and is counted on read.
 */
final class BurdenCounts {

    /** Rows in the order of their keys (years, then ids), which is the order they are written in. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<List<Object>> KEY_ORDER = (left, right) -> {
        for (int i = 0; i < left.size(); i++) {
            int order = ((Comparable) left.get(i)).compareTo(right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    };

    private final Map<CountTable, SortedMap<List<Object>, long[]>> changes = new EnumMap<>(CountTable.class);

    /** A request counts for its department (by state, reason and category) and its station (by state). */
    void add(RequestFact request, int sign) {
        if (request == null) {
            return;
        }
        add(CountTable.DEPARTMENT_REQUESTS, List.of(request.year(), request.departmentId(), request.status().name(),
                        request.reason() == null ? "" : request.reason().name(),
                        request.category() == null ? "" : request.category().name()),
                "requests", sign);
        List<Object> station = List.of(request.year(), request.stationId());
        add(CountTable.STATION, station, "requests", sign);
        add(CountTable.STATION, station, switch (request.status()) {
            case AUTHORISED -> "authorised";
            case BLOCKED -> "blocked";
            case PENDING_EXCEPTION -> "pending_exceptions";
        }, sign);
    }

    /**
     * A visit counts for its station and its year; a joint one (more than one department) also as the year's joint
     * visit and as each of its departments' joint visit.
     */
    void add(VisitFact visit, int sign) {
        if (visit == null) {
            return;
        }
        add(CountTable.STATION, List.of(visit.year(), visit.stationId()), "visits", sign);
        add(CountTable.YEAR, List.of(visit.year()), "visits", sign);
        if (visit.joint()) {
            add(CountTable.YEAR, List.of(visit.year()), "joint_visits", sign);
            for (String departmentId : visit.departmentIds()) {
                add(CountTable.DEPARTMENT, List.of(visit.year(), departmentId), "joint_visits", sign);
            }
        }
    }

    /** A document or meeting counts for the department that issued it and for each station it names. */
    void add(DemandFact demand, int sign) {
        if (demand == null) {
            return;
        }
        String count = demand.key().kind() == DemandKind.DOCUMENT ? "documents" : "meetings";
        add(CountTable.DEPARTMENT, List.of(demand.year(), demand.departmentId()), count, sign);
        for (String stationId : demand.stationIds()) {
            add(CountTable.STATION, List.of(demand.year(), stationId), count, sign);
        }
    }

    /** The changes to one table's rows, by key in key order; all-zero changes left out. */
    SortedMap<List<Object>, long[]> changes(CountTable table) {
        SortedMap<List<Object>, long[]> rows = new TreeMap<>(KEY_ORDER);
        changes.getOrDefault(table, new TreeMap<>(KEY_ORDER)).forEach((key, counts) -> {
            for (long count : counts) {
                if (count != 0) {
                    rows.put(key, counts.clone());
                    return;
                }
            }
        });
        return rows;
    }

    private void add(CountTable table, List<Object> key, String count, int sign) {
        changes.computeIfAbsent(table, ignored -> new TreeMap<>(KEY_ORDER))
                .computeIfAbsent(key, ignored -> new long[table.counts.size()])[table.column(count)] += sign;
    }
}
