package org.stationledger.events;

import java.util.List;

/** An event that concerns several stations at once, such as a plan item. */
public interface MultiStationScoped {
    List<String> stationIds();
}
