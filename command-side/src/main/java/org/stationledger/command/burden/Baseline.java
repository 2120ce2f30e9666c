package org.stationledger.command.burden;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.stationledger.command.AggregateIds;
import org.stationledger.command.station.Registry;
import org.stationledger.events.RuleViolation;
import org.stationledger.events.burden.BaselineRecorded;

/**
 * A department's 2018 counts, the reference its documents and meetings are held to. Recorded once: the id is the
 * department's, so a second recording finds the first.
 */
@Aggregate
class Baseline {

    @AggregateIdentifier
    private String id;

    Baseline() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(BurdenCommands.RecordBaseline command, Registry registry) {
        if (id != null) {
            throw RuleViolation.conflict("duplicate-baseline",
                    "The " + BaselineRecorded.BASE_YEAR + " baseline of " + command.departmentId() + " is already recorded.");
        }
        if (!registry.departmentExists(command.departmentId())) {
            throw RuleViolation.unprocessable("unknown-department",
                    "Department " + command.departmentId() + " is not registered.");
        }
        apply(new BaselineRecorded(command.departmentId(), BaselineRecorded.BASE_YEAR, command.documents(),
                command.meetings()));
    }

    @EventSourcingHandler
    void on(BaselineRecorded event) {
        id = AggregateIds.baseline(event.departmentId());
    }
}
