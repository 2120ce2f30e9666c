package org.stationledger.events.burden;

import java.time.LocalDate;
import org.stationledger.events.DepartmentScoped;
import org.stationledger.events.MultiStationScoped;
import org.stationledger.events.YearScoped;

/**
 * What a department asks of stations outside inspections, counted against its 2018 baseline: a document they must
 * act on or a meeting they must attend. It names its stations, or is for every station ({@code allStations}, and
 * then {@code stationIds} is empty). Its year is the year of its date.
 */
public interface StationDemand extends YearScoped, DepartmentScoped, MultiStationScoped {

    /** The document's or the meeting's id, chosen by the department; unique among its kind. */
    String demandId();

    String title();

    LocalDate date();

    boolean allStations();
}
