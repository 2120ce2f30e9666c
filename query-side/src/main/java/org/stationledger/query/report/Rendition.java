package org.stationledger.query.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.stationledger.events.burden.ReportName;

/** A report rendered as a file, with the position it was built from. */
public record Rendition(ReportName report, int year, String stationId, long position, ReportFormat format,
                        byte[] content) {

    /** Such as {@code burden-2026-at-5120.csv}: the name says what the file is built from. */
    public String fileName() {
        return report.slug() + "-" + year + (stationId == null ? "" : "-" + stationId) + "-at-" + position + "."
               + format.extension();
    }

    /** The file's SHA-256, in lower-case hex. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
