package org.stationledger.query.report;

import java.util.Arrays;
import java.util.Optional;

/** The files a report is rendered as. Only CSV is byte-for-byte reproducible, so it is the one published. */
public enum ReportFormat {
    CSV("csv", "text/csv;charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PDF("pdf", "application/pdf");

    private final String extension;
    private final String mediaType;

    ReportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    static Optional<ReportFormat> of(String extension) {
        return Arrays.stream(values()).filter(format -> format.extension.equals(extension)).findFirst();
    }

    byte[] render(Report report) {
        return switch (this) {
            case CSV -> CsvRendition.render(report);
            case XLSX -> XlsxRendition.render(report);
            case PDF -> PdfRendition.render(report);
        };
    }
}
