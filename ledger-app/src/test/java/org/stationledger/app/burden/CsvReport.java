package org.stationledger.app.burden;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A report's CSV read back: its heading lines and its tables, each row by column name. */
record CsvReport(Map<String, String> heading, Map<String, List<Map<String, String>>> tables) {

    static CsvReport parse(String csv) {
        List<List<String>> lines = new ArrayList<>();
        for (String line : csv.split("\r\n", -1)) {
            lines.add(fields(line));
        }
        Map<String, String> heading = new LinkedHashMap<>();
        int i = 0;
        for (; i < lines.size() && !lines.get(i).get(0).isEmpty(); i++) {
            heading.put(lines.get(i).get(0), lines.get(i).get(1));
        }
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        while (++i < lines.size() && !lines.get(i).get(0).isEmpty()) {
            String title = lines.get(i).get(0);
            List<String> columns = lines.get(++i);
            List<Map<String, String>> rows = new ArrayList<>();
            while (++i < lines.size() && !(lines.get(i).size() == 1 && lines.get(i).get(0).isEmpty())) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < columns.size(); c++) {
                    row.put(columns.get(c), lines.get(i).get(c));
                }
                rows.add(row);
            }
            tables.put(title, rows);
        }
        return new CsvReport(heading, tables);
    }

    List<Map<String, String>> table(String title) {
        List<Map<String, String>> rows = tables.get(title);
        if (rows == null) {
            throw new IllegalArgumentException("No table " + title + " in " + tables.keySet());
        }
        return rows;
    }

    /** The row whose first column is {@code key}. */
    Map<String, String> row(String title, String key) {
        return table(title).stream().filter(row -> row.values().iterator().next().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No row " + key + " in " + title));
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
