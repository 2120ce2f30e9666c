package org.stationledger.events.burden;

/** The two kinds of demand the burden ledger counts, each against its own baseline. */
public enum DemandKind {
    DOCUMENT,
    MEETING;

    public static DemandKind of(StationDemand demand) {
        return demand instanceof MeetingConvened ? MEETING : DOCUMENT;
    }
}
