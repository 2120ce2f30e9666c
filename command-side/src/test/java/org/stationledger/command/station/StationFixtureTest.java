package org.stationledger.command.station;

import static org.stationledger.command.RuleViolations.refused;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stationledger.command.station.RegistryCommands.ChangeStationDetails;
import org.stationledger.command.station.RegistryCommands.DecommissionStation;
import org.stationledger.command.station.RegistryCommands.RegisterStation;
import org.stationledger.events.station.StationDecommissioned;
import org.stationledger.events.station.StationDetailsChanged;
import org.stationledger.events.station.StationKind;
import org.stationledger.events.station.StationRegistered;

/** Registering a police station, keeping its details current and decommissioning it. */
class StationFixtureTest {

    private static final StationRegistered REGISTERED =
            new StationRegistered("S1", "Riverside", "East Bureau", StationKind.URBAN, 12.5, 84_000, 40, 25);

    private AggregateTestFixture<Station> fixture;
    private InMemoryRegistry registry;

    @BeforeEach
    void setUp() {
        registry = new InMemoryRegistry();
        fixture = new AggregateTestFixture<>(Station.class);
        fixture.registerInjectableResource(registry);
    }

    @Test
    void the_coordinator_registers_a_station() {
        fixture.givenNoPriorActivity()
               .when(new RegisterStation("S1", "Riverside", "East Bureau", StationKind.URBAN, 12.5, 84_000, 40, 25))
               .expectSuccessfulHandlerExecution()
               .expectEvents(REGISTERED);
    }

    @Test
    void a_station_id_is_registered_once() {
        registry.station("S1");
        refused(fixture.givenNoPriorActivity().when(new RegisterStation("S1", "Riverside again", "East Bureau",
                StationKind.URBAN, 12.5, 84_000, 40, 25)), "duplicate-station");
    }

    @Test
    void a_decommissioned_station_id_is_not_registered_again() {
        registry.decommissioned("S1");
        refused(fixture.givenNoPriorActivity().when(new RegisterStation("S1", "Riverside", "East Bureau",
                StationKind.URBAN, 12.5, 84_000, 40, 25)), "duplicate-station");
    }

    @Test
    void its_details_change_as_a_new_version() {
        fixture.given(REGISTERED)
               .when(new ChangeStationDetails("S1", "Riverside", "North Bureau", StationKind.SUBURBAN, 14.0, 91_000, 44, 30))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new StationDetailsChanged("S1", "Riverside", "North Bureau", StationKind.SUBURBAN, 14.0,
                       91_000, 44, 30));
    }

    @Test
    void it_is_decommissioned_with_a_reason() {
        fixture.given(REGISTERED)
               .when(new DecommissionStation("S1", "Merged into Harbour station."))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new StationDecommissioned("S1", "Merged into Harbour station."));
    }

    @Test
    void a_decommissioned_stations_details_cannot_change() {
        refused(fixture.given(REGISTERED, new StationDecommissioned("S1", "Merged."))
                       .when(new ChangeStationDetails("S1", "Riverside", "East Bureau", StationKind.URBAN, 12.5, 84_000, 0, 0)),
                "station-decommissioned");
    }

    @Test
    void a_station_is_decommissioned_once() {
        refused(fixture.given(REGISTERED, new StationDecommissioned("S1", "Merged."))
                       .when(new DecommissionStation("S1", "Again.")),
                "station-decommissioned");
    }
}
