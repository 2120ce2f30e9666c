package org.stationledger.command;

import java.util.Locale;
import org.stationledger.events.burden.DemandKind;
import org.stationledger.events.burden.ReportName;

/**
 * Aggregate identifiers carry their type, because the event store's (aggregate id, sequence) key is shared by
 * every aggregate type: a station and a plan item that a client happens to name alike must not collide.
 */
public final class AggregateIds {

    /** What a client-chosen id (station, department, indicator, plan item) may look like. */
    public static final String NATURAL_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    private AggregateIds() {
    }

    public static String department(String departmentId) {
        return "department:" + departmentId;
    }

    public static String station(String stationId) {
        return "station:" + stationId;
    }

    public static String cycle(int year) {
        return "cycle:" + year;
    }

    public static String plan(int year) {
        return "plan:" + year;
    }

    public static String planItem(String planItemId) {
        return "plan-item:" + planItemId;
    }

    public static String visit(String visitId) {
        return "visit:" + visitId;
    }

    public static String rating(String stationId, int year) {
        return "rating:" + stationId + ":" + year;
    }

    public static String inspection(String inspectionId) {
        return "inspection:" + inspectionId;
    }

    public static String baseline(String departmentId) {
        return "baseline:" + departmentId;
    }

    /** "document:&lt;id&gt;" or "meeting:&lt;id&gt;": a document and a meeting may share an id. */
    public static String demand(DemandKind kind, String demandId) {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + demandId;
    }

    /** One report of one year, and of one station for a station summary: every publication of it. */
    public static String report(int year, ReportName report, String stationId) {
        return "report:" + year + ":" + report.slug() + (stationId == null ? "" : ":" + stationId);
    }
}
