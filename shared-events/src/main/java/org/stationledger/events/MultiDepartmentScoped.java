package org.stationledger.events;

import java.util.List;

/** An event that concerns several departments at once, such as a joint visit; each finds it in its audit trail. */
public interface MultiDepartmentScoped {
    List<String> departmentIds();
}
