package org.stationledger.query;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/** Checks of optional query parameters; a bad value is refused with {@code invalid-request}, naming the parameter. */
public final class QueryParameters {

    private QueryParameters() {
    }

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    /** A year the ledger can hold, 2000 to 2100. */
    public static int year(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw Problems.invalidRequest("The year lies between " + FIRST_YEAR + " and " + LAST_YEAR + ".");
        }
        return year;
    }

    /** A page size between 1 and {@code max}; {@code defaultLimit} when absent. */
    public static int limit(Integer requested, int defaultLimit, int max) {
        return requested == null ? defaultLimit : limit("limit", requested, max);
    }

    /** The page size of parameter {@code name}, between 1 and {@code max}; null when absent. */
    public static Integer limit(String name, Integer requested, int max) {
        if (requested != null && (requested < 1 || requested > max)) {
            throw Problems.invalidRequest(name + " must be between 1 and " + max + ".");
        }
        return requested;
    }

    /** A number of rows to skip, 0 when absent. */
    public static int offset(Integer requested) {
        if (requested == null) {
            return 0;
        }
        if (requested < 0) {
            throw Problems.invalidRequest("offset must not be negative.");
        }
        return requested;
    }

    /** An ISO-8601 instant such as {@code 2026-03-01T00:00:00Z} in the years 2000 to 2100, or null when absent. */
    public static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.invalidRequest(name + " must be an ISO-8601 instant such as 2026-03-01T00:00:00Z.");
        }
        int year = instant.atOffset(ZoneOffset.UTC).getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw Problems.invalidRequest(name + " lies in the years " + FIRST_YEAR + " to " + LAST_YEAR + ".");
        }
        return instant;
    }

    /** Like {@link #instant(String, String)}, for a parameter that must be given. */
    public static Instant requiredInstant(String name, String value) {
        if (value == null) {
            throw Problems.invalidRequest(name + " is required: an ISO-8601 instant such as 2026-03-01T00:00:00Z.");
        }
        return instant(name, value);
    }

    /** One of the constants of {@code type} by exact name, or null when absent. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String name, String value) {
        if (value == null) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(value)).findFirst()
                .orElseThrow(() -> Problems.invalidRequest(
                        name + " must be one of " + Arrays.toString(type.getEnumConstants()) + "."));
    }
}
