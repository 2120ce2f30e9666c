package org.stationledger.app.messaging;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads the text Axon's JDBC event store keeps in its {@code timestamp} column back into an {@link Instant}.
 *
 * <p>Axon writes every timestamp as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} ({@link DateTimeUtils#formatInstant}) and
 * parses it back with a general ISO formatter, at every call of an event's {@code getTimestamp()}: a fifth to a
 * quarter of a projection's rebuild went into that formatter (docs/benchmarks.md, change 23). This reads the one
 * format Axon writes directly, and leaves any other text (another writer's offset, more fraction digits, a year past
 * 9999) to Axon's own parser, so the result, and the error for a text that is no timestamp, are Axon's.
 */
final class StoredTimestamps {

    private static final String SHAPE = "0000-00-00T00:00:00.000Z";

    private StoredTimestamps() {
    }

    static Instant parse(String text) {
        if (text.length() != SHAPE.length() || !hasShape(text)) {
            return DateTimeUtils.parseInstant(text);
        }
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if (hour > 23 || minute > 59 || second > 59) {
            return DateTimeUtils.parseInstant(text);
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10)).toEpochDay();
        } catch (DateTimeException notADate) {
            return DateTimeUtils.parseInstant(text);
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second,
                number(text, 20, 23) * 1_000_000L);
    }

    /** Digits where the shape has zeros, and the shape's separators everywhere else. */
    private static boolean hasShape(String text) {
        for (int i = 0; i < SHAPE.length(); i++) {
            char expected = SHAPE.charAt(i);
            char actual = text.charAt(i);
            if (expected == '0' ? actual < '0' || actual > '9' : actual != expected) {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
