package org.stationledger.query;

import java.util.Objects;
import org.stationledger.events.Actor;
import org.stationledger.events.Role;

/**
 * What part of the ledger a caller may read. A station reads only what concerns itself and a department only its
 * own records; the co-ordinating office and the auditors read everything. The department or station always comes
 * from the caller, never from the request: asking for another one is refused, not silently narrowed.
 */
public final class CallerScope {

    private CallerScope() {
    }

    /** The station to filter on: the caller's own for a station, otherwise the one asked for (null: all). */
    public static String stationFilter(Actor caller, String requestedStationId) {
        if (!caller.is(Role.STATION)) {
            return requestedStationId;
        }
        if (requestedStationId != null && !requestedStationId.equals(caller.stationId())) {
            throw Problems.forbiddenScope("A station may only read its own records.");
        }
        return caller.stationId();
    }

    /** The department to filter on: the caller's own for a department, otherwise the one asked for (null: all). */
    public static String departmentFilter(Actor caller, String requestedDepartmentId) {
        if (!caller.is(Role.DEPARTMENT)) {
            return requestedDepartmentId;
        }
        if (requestedDepartmentId != null && !requestedDepartmentId.equals(caller.departmentId())) {
            throw Problems.forbiddenScope("A department may only read its own records.");
        }
        return caller.departmentId();
    }

    /** Refuses a record that belongs to another station or department than the caller's. */
    public static void requireVisible(Actor caller, String stationId, String departmentId) {
        if (caller.is(Role.STATION) && !Objects.equals(caller.stationId(), stationId)) {
            throw Problems.forbiddenScope("This record concerns another station.");
        }
        if (caller.is(Role.DEPARTMENT) && !Objects.equals(caller.departmentId(), departmentId)) {
            throw Problems.forbiddenScope("This record belongs to another department.");
        }
    }

    /** Every role sees a station's details, except that a station sees only the names of the others. */
    public static boolean seesStationDetails(Actor caller, String stationId) {
        return !caller.is(Role.STATION) || caller.stationId().equals(stationId);
    }

    /** The audit trail is for the roles that see everything. */
    public static void requireEverything(Actor caller) {
        if (!caller.seesEverything()) {
            throw Problems.forbiddenScope("Only the co-ordinating office and the auditors read the whole ledger.");
        }
    }
}
