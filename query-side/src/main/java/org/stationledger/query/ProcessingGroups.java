package org.stationledger.query;

/** The query side's processing groups: one per read model, each rebuilt on its own. */
public final class ProcessingGroups {
    /** Stations (every version of their details) and departments. */
    public static final String STATIONS = "stations";
    /** Each year's settings, scheme, plan and visits. */
    public static final String CYCLES = "cycles";
    /** Inspection requests and their outcome. */
    public static final String INSPECTIONS = "inspections";
    /** The filter columns of the audit trail. */
    public static final String AUDIT_INDEX = "audit-index";

    private ProcessingGroups() {
    }
}
