package org.stationledger.query.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A report as RFC 4180 CSV in UTF-8: the heading lines, then each table after a blank line, its title, its column
 * names and its rows. Nothing in it depends on when it is made, so the same report gives the same bytes.
 */
final class CsvRendition {

    private static final String CRLF = "\r\n";

    private CsvRendition() {
    }

    static byte[] render(Report report) {
        StringBuilder csv = new StringBuilder();
        report.heading().forEach(line -> line(csv, line));
        for (Report.Table table : report.tables()) {
            csv.append(CRLF);
            line(csv, List.of(table.title()));
            line(csv, table.columns());
            table.rows().forEach(row -> line(csv, row.cells().stream().map(Report::text).toList()));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append(CRLF);
    }

    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                        || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
