package org.stationledger.events.burden;

/** Why a report was published. */
public enum PublicationTrigger {
    /** The monthly publication, once per report and month. */
    SCHEDULED,
    /** The co-ordinating office asked for it. */
    ON_DEMAND
}
