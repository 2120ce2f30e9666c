package org.stationledger.query;

/** The query side's processing groups: one per read model, each rebuilt on its own. */
public final class ProcessingGroups {
    /** Stations (every version of their details) and departments. */
    public static final String STATIONS = "stations";
    /** Each year's settings, scheme, plan and visits. */
    public static final String CYCLES = "cycles";
    /** Inspection requests and their outcome. */
    public static final String INSPECTIONS = "inspections";
    /** Every station's consolidated yearly rating, with its own copy of what grading it needs. */
    public static final String RATINGS = "ratings";
    /** The filter columns of the audit trail. */
    public static final String AUDIT_INDEX = "audit-index";
    /** Baselines, documents, meetings, visits and requests: the burden dashboard. */
    public static final String BURDEN = "burden";
    /** Every publication of a statistics report. */
    public static final String REPORT_PUBLICATIONS = "report-publications";

    private ProcessingGroups() {
    }
}
