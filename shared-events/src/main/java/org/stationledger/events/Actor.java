package org.stationledger.events;

import java.util.Map;
import java.util.Objects;

/**
 * Who caused an event: the authenticated principal, its role and the one department or station it may act for.
 * Recorded in every event's metadata, so it is part of the contract between the two sides.
 */
public record Actor(String principal, Role role, String departmentId, String stationId) {

    public Actor {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(role, "role");
        if (role == Role.DEPARTMENT && departmentId == null) {
            throw new IllegalArgumentException("a DEPARTMENT actor needs a department id");
        }
        if (role == Role.STATION && stationId == null) {
            throw new IllegalArgumentException("a STATION actor needs a station id");
        }
    }

    public static Actor coordinator(String principal) {
        return new Actor(principal, Role.COORDINATOR, null, null);
    }

    public static Actor department(String principal, String departmentId) {
        return new Actor(principal, Role.DEPARTMENT, departmentId, null);
    }

    public static Actor station(String principal, String stationId) {
        return new Actor(principal, Role.STATION, null, stationId);
    }

    public static Actor auditor(String principal) {
        return new Actor(principal, Role.AUDITOR, null, null);
    }

    /** The department or station this actor is confined to, or "*" for the jurisdiction-wide roles. */
    public String scope() {
        return switch (role) {
            case DEPARTMENT -> departmentId;
            case STATION -> stationId;
            case COORDINATOR, AUDITOR -> "*";
        };
    }

    public boolean is(Role expected) {
        return role == expected;
    }

    /** True for the roles that see every department and station. */
    public boolean seesEverything() {
        return role == Role.COORDINATOR || role == Role.AUDITOR;
    }

    public Map<String, String> asMetaData() {
        var map = new java.util.HashMap<String, String>();
        map.put(LedgerMetaData.PRINCIPAL, principal);
        map.put(LedgerMetaData.ROLE, role.name());
        map.put(LedgerMetaData.SCOPE, scope());
        if (departmentId != null) {
            map.put(LedgerMetaData.DEPARTMENT_ID, departmentId);
        }
        if (stationId != null) {
            map.put(LedgerMetaData.STATION_ID, stationId);
        }
        return map;
    }

    public static Actor fromMetaData(Map<String, ?> metaData) {
        Object principal = metaData.get(LedgerMetaData.PRINCIPAL);
        Object role = metaData.get(LedgerMetaData.ROLE);
        if (principal == null || role == null) {
            return null;
        }
        return new Actor(principal.toString(), Role.valueOf(role.toString()),
                asString(metaData.get(LedgerMetaData.DEPARTMENT_ID)), asString(metaData.get(LedgerMetaData.STATION_ID)));
    }

    private static String asString(Object value) {
        return value == null ? null : value.toString();
    }
}
