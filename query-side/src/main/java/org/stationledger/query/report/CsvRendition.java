package org.stationledger.query.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A report as RFC 4180 CSV in UTF-8: the heading lines, then each table after a blank line, its title, its column
 * names and its rows. Nothing in it depends on when it is made, so the same report gives the same bytes.
 *
 * <p>Text that a spreadsheet would take for a formula (a station's name beginning with {@code =}, {@code +},
 * {@code -} or {@code @}, say) is written with a leading apostrophe, as OWASP advises against CSV injection, so that
 * opening a report never runs what someone typed into a name. Numbers are written as they are: a negative number is
 * not text.
 */
final class CsvRendition {

    private static final String CRLF = "\r\n";
    /** What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvRendition() {
    }

    static byte[] render(Report report) {
        StringBuilder csv = new StringBuilder();
        report.heading().forEach(line -> line(csv, line.stream().map(CsvRendition::inert).toList()));
        for (Report.Table table : report.tables()) {
            csv.append(CRLF);
            line(csv, List.of(inert(table.title())));
            line(csv, table.columns());
            table.rows().forEach(row -> line(csv, row.cells().stream().map(CsvRendition::cell).toList()));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(Object cell) {
        return cell instanceof String text ? inert(text) : Report.text(cell);
    }

    /** Text as a spreadsheet shows it, never as a formula it evaluates. */
    private static String inert(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
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

    private static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                        || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
