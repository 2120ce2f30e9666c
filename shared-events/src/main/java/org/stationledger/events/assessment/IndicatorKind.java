package org.stationledger.events.assessment;

public enum IndicatorKind {
    /** Scored by deduction from its max points. */
    SCORED,
    /** Carries no points; any finding against it is a veto that makes the grade LEVEL_5. */
    VETO
}
