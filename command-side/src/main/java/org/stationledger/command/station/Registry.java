package org.stationledger.command.station;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import org.stationledger.events.RuleViolation;

/** What the command side needs to know about the registry when it checks other aggregates' commands. */
public interface Registry {

    boolean departmentExists(String departmentId);

    boolean stationExists(String stationId);

    /** Those of {@code stationIds} that are unknown or decommissioned, in the order given. */
    List<String> notActive(Collection<String> stationIds);

    /**
     * Refuses a list of stations that names one twice (400 {@code duplicate-station}) or names stations that are
     * unknown or decommissioned (422 {@code unknown-station}, listing the first ten).
     */
    default void requireActiveStations(List<String> stationIds) {
        if (new HashSet<>(stationIds).size() != stationIds.size()) {
            throw RuleViolation.invalid("duplicate-station", "A station is named twice.");
        }
        List<String> unknown = notActive(stationIds);
        if (!unknown.isEmpty()) {
            throw RuleViolation.unprocessable("unknown-station",
                    "Not registered or decommissioned: " + String.join(", ", unknown.subList(0, Math.min(10, unknown.size())))
                    + (unknown.size() > 10 ? " and " + (unknown.size() - 10) + " more" : "") + ".");
        }
    }
}
