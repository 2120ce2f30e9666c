package org.stationledger.events.burden;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.stationledger.events.MultiStationScoped;
import org.stationledger.events.YearScoped;

/**
 * A report was published: the SHA-256 of the file in {@code format} as generated from exactly the events up to
 * global index {@code position}. Regenerating the report at that position gives the same file, so anyone can
 * prove which facts it was built on. {@code stationId} is set for a station summary only; {@code period} (such
 * as 2026-05) for a scheduled publication only. A station summary's publication concerns its station, and is in that
 * station's trail.
 */
@Revision("1")
public record ReportPublished(int year, ReportName report, String stationId, long position, String format,
                              String sha256, PublicationTrigger trigger, String period)
        implements YearScoped, MultiStationScoped {

    /** The summarised station, or none for a report of the whole jurisdiction. Not part of the stored event. */
    @Override
    public List<String> stationIds() {
        return stationId == null ? List.of() : List.of(stationId);
    }
}
