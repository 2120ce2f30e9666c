package org.stationledger.command.report;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.stationledger.command.AggregateIds;
import org.stationledger.events.burden.PublicationTrigger;
import org.stationledger.events.burden.ReportName;

/** Publishing the statistics reports. */
public final class ReportCommands {

    private ReportCommands() {
    }

    /** {@code stationId} for a station summary only; {@code period} (such as 2026-05) for a scheduled one only. */
    public record PublishReport(int year, ReportName report, String stationId, PublicationTrigger trigger,
                                String period) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return AggregateIds.report(year, report, stationId);
        }
    }

    /** What was published: where to regenerate it from, and the hash it must have. */
    public record Publication(int year, ReportName report, String stationId, long position, String format,
                              String sha256) {
    }
}
