package org.stationledger.command.station;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.stationledger.command.LookupGroup;
import org.stationledger.command.Lookups;
import org.stationledger.events.station.DepartmentRegistered;
import org.stationledger.events.station.StationDecommissioned;
import org.stationledger.events.station.StationRegistered;

/** The registry's look-up tables, kept in the same transaction as the registry's events. */
@Component
@ProcessingGroup(LookupGroup.NAME)
class RegistryLookup implements Registry {

    private final JdbcTemplate jdbc;

    RegistryLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DepartmentRegistered event) {
        jdbc.update("INSERT INTO cmd_department (department_id) VALUES (?)", event.departmentId());
    }

    @EventHandler
    void on(StationRegistered event) {
        jdbc.update("INSERT INTO cmd_station (station_id) VALUES (?)", event.stationId());
    }

    @EventHandler
    void on(StationDecommissioned event) {
        jdbc.update("UPDATE cmd_station SET decommissioned = TRUE WHERE station_id = ?", event.stationId());
    }

    @Override
    public boolean departmentExists(String departmentId) {
        return Lookups.exists(jdbc, "cmd_department WHERE department_id = ?", departmentId);
    }

    @Override
    public boolean stationExists(String stationId) {
        return Lookups.exists(jdbc, "cmd_station WHERE station_id = ?", stationId);
    }

    @Override
    public List<String> notActive(Collection<String> stationIds) {
        // One round trip for a plan item of any size (a national item names ~54,000 stations). A row being
        // decommissioned is waited for and then read as it committed: decommissioned, so not returned.
        Set<String> active = new HashSet<>(jdbc.queryForList("""
                SELECT station_id FROM cmd_station WHERE station_id = ANY (?::text[]) AND NOT decommissioned
                FOR SHARE""", String.class, (Object) stationIds.toArray(String[]::new)));
        return stationIds.stream().filter(stationId -> !active.contains(stationId)).toList();
    }

    @Override
    public void holdForDecommissioning(String stationId) {
        jdbc.query("SELECT 1 FROM cmd_station WHERE station_id = ? FOR NO KEY UPDATE", row -> { }, stationId);
    }
}
