package org.stationledger.events.burden;

import org.axonframework.serialization.Revision;
import org.stationledger.events.YearScoped;

/**
 * A report was published: the SHA-256 of the file in {@code format} as generated from exactly the events up to
 * global index {@code position}. Regenerating the report at that position gives the same file, so anyone can
 * prove which facts it was built on. {@code stationId} is set for a station summary only; {@code period} (such
 * as 2026-05) for a scheduled publication only.
 */
@Revision("1")
public record ReportPublished(int year, ReportName report, String stationId, long position, String format,
                              String sha256, PublicationTrigger trigger, String period) implements YearScoped {
}
