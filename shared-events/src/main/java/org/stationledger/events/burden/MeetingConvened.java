package org.stationledger.events.burden;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A department convened a meeting that the stations it names, or every station, must attend. */
@Revision("1")
public record MeetingConvened(String meetingId, int year, String departmentId, String title, LocalDate date,
                              boolean allStations, List<String> stationIds) implements StationDemand {

    @Override
    public String demandId() {
        return meetingId;
    }
}
