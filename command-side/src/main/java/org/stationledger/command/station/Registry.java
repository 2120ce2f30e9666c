package org.stationledger.command.station;

import java.util.Collection;
import java.util.List;

/** What the command side needs to know about the registry when it checks other aggregates' commands. */
public interface Registry {

    boolean departmentExists(String departmentId);

    boolean stationExists(String stationId);

    /** Those of {@code stationIds} that are unknown or decommissioned, in the order given. */
    List<String> notActive(Collection<String> stationIds);
}
