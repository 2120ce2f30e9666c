package org.stationledger.query.burden;

import java.util.Arrays;
import java.util.Collection;

/**
 * A year's documents (or meetings) for every station, by their positions in the event store. One reaches a station
 * registered before it was recorded and not decommissioned by then: the stations of that moment. The dashboard and
 * the reports count them by this one rule.
 */
public final class EveryStationDemands {

    private final long[] positions;

    public EveryStationDemands(Collection<Long> positions) {
        this.positions = positions.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** {@code decommissioned}: null for a station still in service. */
    public long reaching(long registered, Long decommissioned) {
        int from = countUpTo(registered);
        int to = decommissioned == null ? positions.length : countUpTo(decommissioned - 1);
        return Math.max(0, to - from);
    }

    /** How many positions are at most {@code position}. */
    private int countUpTo(long position) {
        int found = Arrays.binarySearch(positions, position);
        // Positions are global indexes, each at most once.
        return found >= 0 ? found + 1 : -found - 1;
    }
}
