package org.stationledger.command.report;

import org.stationledger.events.burden.ReportName;

/**
 * The ledger's digest of a report as it stands now. The report generator reads the event store, not the command
 * side, so the application wires it in; publishing asks it instead of trusting a hash from outside.
 */
public interface ReportDigests {

    /** The report built from every event up to a settled head position, in the format that is published. */
    Digest digest(int year, ReportName report, String stationId);

    record Digest(long position, String format, String sha256) {
    }
}
