package org.stationledger.command.station;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.stationledger.command.AggregateIds;
import org.stationledger.events.RuleViolation;
import org.stationledger.events.station.DepartmentRegistered;

/** A supervisory department or police branch. */
@Aggregate
class Department {

    @AggregateIdentifier
    private String id;

    Department() {
        // for Axon
    }

    @CommandHandler
    Department(RegistryCommands.RegisterDepartment command, Registry registry) {
        if (registry.departmentExists(command.departmentId())) {
            throw RuleViolation.conflict("duplicate-department", "Department " + command.departmentId() + " is already registered.");
        }
        apply(new DepartmentRegistered(command.departmentId(), command.name()));
    }

    @EventSourcingHandler
    void on(DepartmentRegistered event) {
        id = AggregateIds.department(event.departmentId());
    }
}
