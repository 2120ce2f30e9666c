package org.stationledger.app.web;

import java.util.List;
import java.util.Locale;

/**
 * Reads the {@code Prefer} request header (RFC 7240): comma-separated preferences, each a token with an optional
 * {@code =value} (possibly quoted) and optional {@code ;parameters}, compared without regard to case.
 */
final class Preferences {

    private Preferences() {
    }

    /** Whether any of the header's values holds {@code preference}, given as {@code name=value} or {@code name}. */
    static boolean contains(List<String> headerValues, String preference) {
        String wanted = normalise(preference);
        return headerValues.stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .map(Preferences::normalise)
                .anyMatch(wanted::equals);
    }

    private static String normalise(String preference) {
        String withoutParameters = preference.split(";", 2)[0];
        String[] nameAndValue = withoutParameters.split("=", 2);
        String name = nameAndValue[0].trim().toLowerCase(Locale.ROOT);
        if (nameAndValue.length == 1) {
            return name;
        }
        String value = nameAndValue[1].trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return name + "=" + value.toLowerCase(Locale.ROOT);
    }
}
