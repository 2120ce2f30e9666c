package org.stationledger.events.inspection;

import java.util.Arrays;
import java.util.Optional;

/** The only grounds on which a department may inspect outside the approved plan. */
public enum ExceptionCategory {
    MAJOR_INCIDENT,
    PUBLIC_COMPLAINT,
    SAFETY_EMERGENCY,
    DISCIPLINARY_INVESTIGATION;

    public static Optional<ExceptionCategory> parse(String name) {
        return Arrays.stream(values()).filter(category -> category.name().equals(name)).findFirst();
    }
}
