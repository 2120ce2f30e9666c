package org.stationledger.events;

/** The four kinds of caller the domain rules know. */
public enum Role {
    COORDINATOR,
    DEPARTMENT,
    STATION,
    AUDITOR
}
