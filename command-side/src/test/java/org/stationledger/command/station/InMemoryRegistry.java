package org.stationledger.command.station;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An in-memory {@link Registry} for tests: what the registry look-up tables would say. */
public class InMemoryRegistry implements Registry {

    private final Set<String> departments = new HashSet<>();
    /** Station id to whether it is still active. */
    private final Map<String, Boolean> stations = new HashMap<>();

    public InMemoryRegistry department(String... departmentIds) {
        departments.addAll(List.of(departmentIds));
        return this;
    }

    public InMemoryRegistry station(String... stationIds) {
        for (String stationId : stationIds) {
            stations.put(stationId, true);
        }
        return this;
    }

    public InMemoryRegistry decommissioned(String stationId) {
        stations.put(stationId, false);
        return this;
    }

    @Override
    public boolean departmentExists(String departmentId) {
        return departments.contains(departmentId);
    }

    @Override
    public boolean stationExists(String stationId) {
        return stations.containsKey(stationId);
    }

    @Override
    public List<String> notActive(Collection<String> stationIds) {
        return stationIds.stream().filter(id -> !stations.getOrDefault(id, false)).toList();
    }

    @Override
    public void holdForDecommissioning(String stationId) {
        // A lock of the database: nothing to hold in memory, where commands run one at a time.
    }
}
