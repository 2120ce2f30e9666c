package org.stationledger.query;

import java.util.List;
import java.util.Map;

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
    /** Baselines, documents, meetings, visits and requests, and their counts: the burden dashboard. */
    public static final String BURDEN = "burden";
    /** Every publication of a statistics report. */
    public static final String REPORT_PUBLICATIONS = "report-publications";

    /**
     * The tables each read model owns and alone writes: what a rebuild replays into a shadow copy, compares and
     * swaps in (views over them follow). A new read model adds its group here; ProjectionRebuildTest checks that
     * every read_* table has exactly one owner.
     */
    public static final Map<String, List<String>> TABLES = Map.of(
            STATIONS, List.of("read_department", "read_station_version"),
            CYCLES, List.of("read_cycle", "read_indicator", "read_plan_item", "read_visit"),
            INSPECTIONS, List.of("read_inspection"),
            RATINGS, List.of("read_rating_station", "read_rating_cycle", "read_rating_indicator",
                    "read_rating_inspection", "read_rating_finding", "read_rating_appeal",
                    "read_rating_final", "read_rating_revision", "read_rating_plan_item",
                    "read_rating_visit_item"),
            AUDIT_INDEX, List.of("read_audit_index"),
            BURDEN, List.of("read_burden_department", "read_burden_station", "read_burden_baseline",
                    "read_burden_demand", "read_burden_cycle", "read_burden_visit", "read_burden_request",
                    "read_burden_year_count", "read_burden_department_count", "read_burden_department_requests",
                    "read_burden_station_count"),
            REPORT_PUBLICATIONS, List.of("read_report_publication"));

    /**
     * The statement that empties a read model's tables when its processor's tokens are reset, so that it replays
     * from the first event. {@code TRUNCATE}, not {@code DELETE}: a replay then writes into fresh, empty files and
     * indexes, where after a {@code DELETE} every old row would still be there, dead, until a vacuum — the replay's
     * rows appended past them, its index entries inserted among theirs, and autovacuum working through them all on
     * the same cores as the replay. The truncate is part of the reset's transaction; it waits for the readers of
     * those tables in progress, and readers wait for it in turn until the reset commits.
     */
    public static String emptyTablesOf(String group) {
        return "TRUNCATE " + String.join(", ", TABLES.get(group));
    }

    private ProcessingGroups() {
    }
}
