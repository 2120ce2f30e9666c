package org.stationledger.query.burden;

import java.time.LocalDate;
import java.util.List;
import org.stationledger.events.burden.DemandKind;

/**
 * A document or a meeting: for the stations it names, or for every station ({@code stationIds} then empty).
 * {@code eventId} is the event that recorded it, whose global index is its position (null when read back from the
 * read model, which keeps the position instead).
 */
record DemandFact(Key key, int year, String departmentId, LocalDate issuedOn, boolean allStations,
                  List<String> stationIds, String eventId) {

    /** Ids are unique per kind. */
    record Key(DemandKind kind, String demandId) {
    }

    DemandFact {
        stationIds = List.copyOf(stationIds);
    }
}
