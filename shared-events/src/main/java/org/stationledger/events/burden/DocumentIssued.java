package org.stationledger.events.burden;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A department issued a document that requires action by the stations it names, or by every station. */
@Revision("1")
public record DocumentIssued(String documentId, int year, String departmentId, String title, LocalDate date,
                             boolean allStations, List<String> stationIds) implements StationDemand {

    @Override
    public String demandId() {
        return documentId;
    }
}
