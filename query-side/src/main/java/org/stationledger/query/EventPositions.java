package org.stationledger.query;

import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Where an event sits in the event store's global order. */
public final class EventPositions {

    private static final String BY_IDENTIFIER = "SELECT globalindex FROM domainevententry WHERE eventidentifier = ";

    /**
     * SQL for the global index (domainevententry.globalindex) of the event whose identifier is bound to
     * {@code :eventId}. Not the tracking token's position: an event whose transaction committed after a later event's
     * (it filled a gap) is delivered with the token's highest position, which is that later event's.
     */
    public static final String GLOBAL_INDEX_OF_EVENT = "(" + BY_IDENTIFIER + ":eventId)";

    private EventPositions() {
    }

    /**
     * SQL for the global index of the event whose identifier is in {@code column}, for a {@code LATERAL} join in a
     * statement over a batch of rows: one probe of the identifier index per row, which PostgreSQL cannot turn into a
     * scan of the whole event table joined by hash.
     */
    public static String globalIndexOfEventIn(String column) {
        return BY_IDENTIFIER + column + " LIMIT 1";
    }

    /** The global index of {@code event}, for handlers that need it as a value (one look-up per event). */
    public static long globalIndexOf(NamedParameterJdbcTemplate jdbc, EventMessage<?> event) {
        return jdbc.queryForObject("SELECT " + GLOBAL_INDEX_OF_EVENT, Map.of("eventId", event.getIdentifier()),
                Long.class);
    }
}
