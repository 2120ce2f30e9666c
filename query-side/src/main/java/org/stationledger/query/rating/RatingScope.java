package org.stationledger.query.rating;

import java.util.Collection;
import org.stationledger.events.Actor;
import org.stationledger.events.Role;
import org.stationledger.query.Problems;

/**
 * Whose ratings a caller may read. A station reads only its own; a department a station's rating for a year only if
 * it inspected the station that year (an authorised inspection), since that is the rating its findings went into;
 * the co-ordinating office and the auditors read every rating.
 */
final class RatingScope {

    private RatingScope() {
    }

    static void requireStation(Actor caller, String stationId) {
        if (caller.is(Role.STATION) && !caller.stationId().equals(stationId)) {
            throw Problems.forbiddenScope("A station may only read its own ratings.");
        }
    }

    /** {@code inspectingDepartmentIds}: the departments with an authorised inspection of the station that year. */
    static boolean seesYear(Actor caller, Collection<String> inspectingDepartmentIds) {
        return !caller.is(Role.DEPARTMENT) || inspectingDepartmentIds.contains(caller.departmentId());
    }

    static void requireYear(Actor caller, Collection<String> inspectingDepartmentIds) {
        if (!seesYear(caller, inspectingDepartmentIds)) {
            throw Problems.forbiddenScope(
                    "A department reads a station's rating only for a year it inspected the station.");
        }
    }
}
