package org.stationledger.query.burden;

import org.stationledger.events.Actor;
import org.stationledger.query.QueryParameters;

/**
 * Which station rows the dashboard loads: those after {@code after} in the byte order of their ids (from the first
 * when null), at most {@code limit} of them (all when null), only {@code station}'s when set.
 */
record StationPage(String after, Integer limit, String station) {

    static final int MAX_LIMIT = 10_000;

    /** {@code stationLimit} and {@code stationAfter} as a client gave them (either may be absent). */
    static StationPage of(String after, Integer limit) {
        return new StationPage(after, QueryParameters.limit("stationLimit", limit, MAX_LIMIT), null);
    }

    /** A page of no stations: what a department's dashboard lists. */
    boolean isEmpty() {
        return limit != null && limit == 0;
    }

    /**
     * No more than {@link BurdenView#visibleTo} would leave the caller, so that a station's or a department's
     * dashboard does not load every station's row to throw it away: a station its own row, a department none.
     */
    StationPage visibleTo(Actor caller) {
        return switch (caller.role()) {
            case COORDINATOR, AUDITOR -> this;
            case DEPARTMENT -> new StationPage(after, 0, null);
            // Its own row on any page, whatever the page asks (docs/api.md).
            case STATION -> new StationPage(null, null, caller.stationId());
        };
    }
}
