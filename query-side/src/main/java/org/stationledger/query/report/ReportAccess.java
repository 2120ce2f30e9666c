package org.stationledger.query.report;

import org.stationledger.events.Actor;
import org.stationledger.events.Role;
import org.stationledger.events.burden.ReportName;
import org.stationledger.query.Problems;

/**
 * Which reports a caller may read, beyond the rows each report shows it ({@link Report#visibleTo}): everyone reads
 * the jurisdiction reports; a station summary is for its station and for the co-ordinating office and the auditors.
 */
final class ReportAccess {

    private ReportAccess() {
    }

    /** The station a report is about: none for the jurisdiction reports, the caller's own for a station. */
    static String stationOf(Actor caller, ReportName report, String requestedStationId) {
        if (!report.perStation()) {
            if (requestedStationId != null) {
                throw Problems.invalidRequest("The " + report.slug() + " report covers the whole jurisdiction; it takes no stationId.");
            }
            return null;
        }
        if (caller.is(Role.DEPARTMENT)) {
            throw Problems.forbiddenScope("A station's summary is for the station, the co-ordinating office and the auditors.");
        }
        if (caller.is(Role.STATION)) {
            if (requestedStationId != null && !requestedStationId.equals(caller.stationId())) {
                throw Problems.forbiddenScope("A station reads only its own summary.");
            }
            return caller.stationId();
        }
        if (requestedStationId == null) {
            throw Problems.invalidRequest("A station summary needs stationId.");
        }
        return requestedStationId;
    }
}
