package org.stationledger.query.burden;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The tables of the dashboard's counts (V11): the columns that key a row and the counts it holds. Declared in the
 * order a batch writes them.
 */
enum CountTable {
    YEAR("read_burden_year_count", List.of("year"), List.of("visits", "joint_visits")),
    DEPARTMENT("read_burden_department_count", List.of("year", "department_id"),
            List.of("documents", "meetings", "joint_visits")),
    DEPARTMENT_REQUESTS("read_burden_department_requests",
            List.of("year", "department_id", "status", "reason_code", "exception_category"), List.of("requests")),
    STATION("read_burden_station_count", List.of("year", "station_id"),
            List.of("visits", "documents", "meetings", "requests", "authorised", "blocked", "pending_exceptions"));

    final String table;
    final List<String> keys;
    final List<String> counts;

    CountTable(String table, List<String> keys, List<String> counts) {
        this.table = table;
        this.keys = keys;
        this.counts = counts;
    }

    int column(String count) {
        int column = counts.indexOf(count);
        if (column < 0) {
            throw new IllegalArgumentException(table + " has no count " + count);
        }
        return column;
    }

    /** Keys are years (INT) and ids or names (TEXT). */
    static boolean isYear(String key) {
        return key.equals("year");
    }

    /**
     * Adds rows of counts to the rows of the same keys, creating them at zero: one array parameter per column, named
     * after it, the rows in the order of the arrays (keys unique: a statement may change a row only once).
     */
    String addition() {
        return "INSERT INTO " + table + " AS t (" + String.join(", ", columns()) + ") SELECT * FROM unnest("
               + columns().stream().map(this::array).collect(Collectors.joining(", ")) + ") ON CONFLICT ("
               + String.join(", ", keys) + ") DO UPDATE SET "
               + counts.stream().map(count -> count + " = t." + count + " + EXCLUDED." + count)
                       .collect(Collectors.joining(", "));
    }

    /** Removes the rows of the keys given (array parameters, as for {@link #addition()}) whose counts are all zero. */
    String removalOfEmpty() {
        return "DELETE FROM " + table + " AS t USING unnest("
               + keys.stream().map(this::array).collect(Collectors.joining(", ")) + ") AS k ("
               + String.join(", ", keys) + ") WHERE "
               + Stream.concat(keys.stream().map(key -> "t." + key + " = k." + key),
                       counts.stream().map(count -> "t." + count + " = 0")).collect(Collectors.joining(" AND "));
    }

    private List<String> columns() {
        return Stream.concat(keys.stream(), counts.stream()).toList();
    }

    private String array(String column) {
        String type = counts.contains(column) ? "BIGINT" : isYear(column) ? "INT" : "TEXT";
        return "CAST(:" + column + " AS " + type + "[])";
    }
}
