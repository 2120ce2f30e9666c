package org.stationledger.events;

/** Keys every event's metadata carries. The time an event was recorded is the event's own timestamp. */
public final class LedgerMetaData {
    public static final String PRINCIPAL = "principal";
    public static final String ROLE = "role";
    public static final String SCOPE = "scope";
    public static final String DEPARTMENT_ID = "departmentId";
    public static final String STATION_ID = "stationId";
    /** Shared by every message that one request (or one demo step) caused. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message (command) that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** The HTTP request's id, echoed to the client in the {@code X-Request-Id} header. */
    public static final String REQUEST_ID = "requestId";

    private LedgerMetaData() {
    }
}
