package org.stationledger.query.burden;

/**
 * A station's burden in a year: its scheduled visits against the year's cap (null without a cycle), the requests
 * made of it, and the documents and meetings addressed to it: those naming it, and those for every station that
 * were issued while it was registered and not decommissioned.
 */
public record StationFigures(String stationId, String name, long visits, Integer visitCap, long requests,
                             long authorised, long blocked, long pendingExceptions, long documents, long meetings) {

    public static StationFigures of(String stationId, String name, long visits, Integer visitCap,
                                    InspectionFigures requests, long documents, long meetings) {
        return new StationFigures(stationId, name, visits, visitCap, requests.requests(), requests.authorised(),
                requests.blocked(), requests.pendingExceptions(), documents, meetings);
    }
}
