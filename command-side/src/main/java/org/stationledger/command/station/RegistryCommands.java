package org.stationledger.command.station;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.stationledger.command.AggregateIds;
import org.stationledger.events.station.StationKind;

/** Commands of the registry of stations and departments. */
public final class RegistryCommands {

    private RegistryCommands() {
    }

    public record RegisterDepartment(String departmentId, String name) {
    }

    public record RegisterStation(String stationId, String name, String parent, StationKind kind, double areaKm2,
                                  long population, int officers, int auxiliaries) {
    }

    public record ChangeStationDetails(String stationId, String name, String parent, StationKind kind, double areaKm2,
                                       long population, int officers, int auxiliaries) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return AggregateIds.station(stationId);
        }
    }

    public record DecommissionStation(String stationId, String reason) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return AggregateIds.station(stationId);
        }
    }
}
