package org.stationledger.command.station;

import java.util.Collection;
import java.util.List;
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
        // One round trip for a plan item of any size (a national item names ~54,000 stations).
        return jdbc.queryForList("""
                SELECT given.id FROM unnest(?::text[]) WITH ORDINALITY AS given(id, position)
                WHERE NOT EXISTS (SELECT 1 FROM cmd_station s WHERE s.station_id = given.id AND NOT s.decommissioned)
                ORDER BY given.position""", String.class, (Object) stationIds.toArray(String[]::new));
    }
}
