package org.stationledger.command.burden;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.Locale;
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
import org.stationledger.events.burden.DemandKind;
import org.stationledger.events.burden.DocumentIssued;
import org.stationledger.events.burden.MeetingConvened;
import org.stationledger.events.burden.StationDemand;

/**
 * One document or meeting a department demands of stations, recorded as it is issued. Its station list lives in
 * the event, not in the state; the id (per kind) is recorded once.
 */
@Aggregate
class Demand {

    /** 2018 is recorded as baseline totals; the years after it are counted against them. */
    static final int FIRST_YEAR = BaselineRecorded.BASE_YEAR + 1;
    static final int LAST_YEAR = 2100;

    @AggregateIdentifier
    private String id;

    Demand() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(BurdenCommands.RecordDemand command, Registry registry) {
        String kind = command.kind().name().toLowerCase(Locale.ROOT);
        if (id != null) {
            throw RuleViolation.conflict("duplicate-" + kind, "The " + kind + " " + command.demandId() + " is already recorded.");
        }
        if (command.allStations() == !command.stationIds().isEmpty()) {
            throw RuleViolation.invalid("stations-or-all", command.allStations()
                    ? "Name the stations concerned, or all stations; not both."
                    : "Name the stations concerned, or all stations.");
        }
        if (!registry.departmentExists(command.departmentId())) {
            throw RuleViolation.unprocessable("unknown-department",
                    "Department " + command.departmentId() + " is not registered.");
        }
        int year = command.date().getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw RuleViolation.unprocessable("date-out-of-range", "A " + kind + " is dated " + FIRST_YEAR + " to "
                    + LAST_YEAR + "; " + BaselineRecorded.BASE_YEAR + " is the baseline, recorded as totals.");
        }
        registry.requireActiveStations(command.stationIds());
        List<String> stations = List.copyOf(command.stationIds());
        apply(command.kind() == DemandKind.DOCUMENT
                ? new DocumentIssued(command.demandId(), year, command.departmentId(), command.title(), command.date(),
                        command.allStations(), stations)
                : new MeetingConvened(command.demandId(), year, command.departmentId(), command.title(), command.date(),
                        command.allStations(), stations));
    }

    /** Both kinds of event create the aggregate alike. */
    @EventSourcingHandler
    void on(StationDemand event) {
        id = AggregateIds.demand(DemandKind.of(event), event.demandId());
    }
}
