package org.stationledger.query;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** Conversions between the read models' columns and Java values that the PostgreSQL driver does not do itself. */
public final class JdbcValues {

    private JdbcValues() {
    }

    /** A bind value for a TIMESTAMPTZ column (the driver takes OffsetDateTime, not Instant). */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A bind value for a TEXT[] column; write {@code CAST(:name AS TEXT[])} in the SQL. */
    public static String[] textArray(Collection<String> values) {
        return values == null ? null : values.toArray(String[]::new);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    /** A TEXT[] column as a list; empty when null. */
    public static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            return List.copyOf(Arrays.asList((String[]) array.getArray()));
        } finally {
            array.free();
        }
    }

    /** A column holding an enum constant's name. */
    public static <E extends Enum<E>> E constant(ResultSet row, String column, Class<E> type) throws SQLException {
        String value = row.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }
}
