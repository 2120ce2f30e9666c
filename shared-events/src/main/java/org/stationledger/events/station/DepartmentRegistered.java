package org.stationledger.events.station;

import org.axonframework.serialization.Revision;
import org.stationledger.events.DepartmentScoped;

/** A supervisory department or police branch (部门/警种) was registered. */
@Revision("1")
public record DepartmentRegistered(String departmentId, String name) implements DepartmentScoped {
}
