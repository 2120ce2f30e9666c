package org.stationledger.events.inspection;

/** Why an inspection request was blocked. Clients rely on these names. */
public enum BlockReason {
    NOT_IN_PLAN,
    PLAN_NOT_APPROVED,
    NOT_ITEM_OWNER,
    STATION_NOT_IN_ITEM,
    OUTSIDE_WINDOW,
    VISIT_ALREADY_USED,
    CYCLE_NOT_OPEN,
    NO_EXEMPTION_GROUNDS,
    EXCEPTION_REFUSED
}
