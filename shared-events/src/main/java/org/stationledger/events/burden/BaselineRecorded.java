package org.stationledger.events.burden;

import org.axonframework.serialization.Revision;
import org.stationledger.events.DepartmentScoped;

/**
 * The co-ordinating office recorded how many documents requiring station action and meetings requiring station
 * attendance a department issued in {@code baseYear} (2018), the year the measures reduce from. Recorded once.
 */
@Revision("1")
public record BaselineRecorded(String departmentId, int baseYear, int documents, int meetings)
        implements DepartmentScoped {

    /** The year of the Ministry's reference counts: documents and meetings must fall 30% or more below it. */
    public static final int BASE_YEAR = 2018;
}
