package org.stationledger.events.inspection;

public enum PlanItemKind {
    /** At most one per department per year. */
    COMPREHENSIVE,
    THEMATIC
}
