package org.stationledger.query;

import org.axonframework.eventhandling.TrackingToken;

/** Where an event sits in the event store's global order, as the streaming processor's token tells it. */
public final class EventPositions {

    private EventPositions() {
    }

    /** The event's global index (domainevententry.globalindex); also correct during a replay. */
    public static long globalIndex(TrackingToken token) {
        if (token == null) {
            throw new IllegalStateException("Event delivered without a tracking token; register the group as a streaming processor");
        }
        return token.position().orElseThrow(() ->
                new IllegalStateException("Tracking token " + token + " has no position"));
    }
}
