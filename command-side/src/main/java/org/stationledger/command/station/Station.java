package org.stationledger.command.station;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.stationledger.command.AggregateIds;
import org.stationledger.events.RuleViolation;
import org.stationledger.events.station.StationDecommissioned;
import org.stationledger.events.station.StationDetailsChanged;
import org.stationledger.events.station.StationRegistered;

/** A police station (派出所). Its details may change; every version stays in its event history. */
@Aggregate
class Station {

    @AggregateIdentifier
    private String id;
    private boolean decommissioned;

    Station() {
        // for Axon
    }

    @CommandHandler
    Station(RegistryCommands.RegisterStation command, Registry registry) {
        if (registry.stationExists(command.stationId())) {
            throw RuleViolation.conflict("duplicate-station", "Station " + command.stationId() + " is already registered.");
        }
        apply(new StationRegistered(command.stationId(), command.name(), command.parent(), command.kind(),
                command.areaKm2(), command.population(), command.officers(), command.auxiliaries()));
    }

    @CommandHandler
    void handle(RegistryCommands.ChangeStationDetails command) {
        requireActive();
        apply(new StationDetailsChanged(command.stationId(), command.name(), command.parent(), command.kind(),
                command.areaKm2(), command.population(), command.officers(), command.auxiliaries()));
    }

    @CommandHandler
    void handle(RegistryCommands.DecommissionStation command, Registry registry) {
        requireActive();
        registry.holdForDecommissioning(command.stationId());
        apply(new StationDecommissioned(command.stationId(), command.reason()));
    }

    private void requireActive() {
        if (decommissioned) {
            throw RuleViolation.conflict("station-decommissioned", "The station has been decommissioned.");
        }
    }

    @EventSourcingHandler
    void on(StationRegistered event) {
        id = AggregateIds.station(event.stationId());
    }

    @EventSourcingHandler
    void on(StationDecommissioned event) {
        decommissioned = true;
    }
}
