package org.stationledger.command.station;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import org.stationledger.events.RuleViolation;

/**
 * What the command side needs to know about the registry when it checks other aggregates' commands.
 *
 * <p>A command that goes on because a station is active holds that station's registry row until it commits, and a
 * decommissioning takes the row before its event is stored ({@link #holdForDecommissioning}): so a finding, request,
 * plan item, document or visit sent as a station is decommissioned is either stored before the decommissioning or
 * refused after it, never stored after it on a check made before it. Row locks of the database, so they hold across
 * the nodes of a scale-out, taken by the look-ups the checks make anyway (docs/architecture.md gives their cost).
 */
public interface Registry {

    boolean departmentExists(String departmentId);

    boolean stationExists(String stationId);

    /**
     * Those of {@code stationIds} that are unknown or decommissioned, in the order given; the active ones are held
     * until the command's transaction ends, against a decommissioning.
     */
    List<String> notActive(Collection<String> stationIds);

    /**
     * Waits for the commands in flight that found the station active, and keeps new ones waiting until the
     * decommissioning's transaction ends; they then find the station decommissioned. Taken before the event is stored,
     * so that a decommissioning never waits for a row while it holds the event table's append lock (V22) against a
     * plan's approval that holds the row and waits for that lock.
     */
    void holdForDecommissioning(String stationId);

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
