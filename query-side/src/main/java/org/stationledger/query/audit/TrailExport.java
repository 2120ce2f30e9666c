package org.stationledger.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.stationledger.query.Problems;

/** The export formats: one JSON object per line, or CSV with a header row (an empty field is a null). */
enum TrailExport {
    JSONL("application/x-ndjson", "jsonl") {
        @Override
        Line writer(Writer text, ObjectMapper json) {
            var line = json.writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            return event -> {
                line.writeValue(text, event);
                text.write('\n');
            };
        }
    },
    CSV("text/csv;charset=UTF-8", "csv") {
        @Override
        Line writer(Writer text, ObjectMapper json) throws IOException {
            text.write(String.join(",", ExportedEvent.COLUMN_NAMES) + "\r\n");
            return event -> text.write(Arrays.stream(event.values()).map(TrailExport::csvField)
                                               .collect(Collectors.joining(",")) + "\r\n");
        }
    };

    final String contentType;
    final String extension;

    TrailExport(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** Writes one event as a line. */
    interface Line {
        void write(ExportedEvent event) throws IOException;
    }

    /** Writes the format's heading, if any, and returns the writer of its lines. */
    abstract Line writer(Writer text, ObjectMapper json) throws IOException;

    static TrailExport of(String format) {
        return Arrays.stream(values()).filter(export -> export.extension.equals(format)).findFirst()
                .orElseThrow(() -> Problems.invalidRequest("format must be jsonl or csv."));
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break; null is the empty field. */
    private static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.matches("(?s).*[,\"\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
