package org.stationledger.command.assessment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.stationledger.command.AggregateIds;
import org.stationledger.command.station.Registry;
import org.stationledger.events.RuleViolation;
import org.stationledger.events.assessment.CycleClosed;
import org.stationledger.events.assessment.CycleOpened;
import org.stationledger.events.assessment.IndicatorProposed;
import org.stationledger.events.assessment.SchemePublished;

/**
 * One assessment year: its settings and its scheme of indicators. Its history is bounded (a few dozen
 * indicators), whatever the number of stations; plans, visits and inspections live in their own aggregates.
 */
@Aggregate
class Cycle {

    @AggregateIdentifier
    private String id;
    private int year;
    private boolean closed;
    private boolean schemePublished;
    private final Map<String, IndicatorProposed> indicators = new LinkedHashMap<>();

    Cycle() {
        // for Axon
    }

    @CommandHandler
    Cycle(CycleCommands.OpenCycle command, Cycles cycles) {
        SchemeRules.checkGradeBands(command.gradeBands());
        if (cycles.cycle(command.year()).isPresent()) {
            throw RuleViolation.conflict("cycle-exists", "The " + command.year() + " cycle is already open.");
        }
        apply(new CycleOpened(command.year(), command.visitCap(), command.gradeBands(), command.commentWindowDays()));
    }

    @CommandHandler
    void handle(CycleCommands.ProposeIndicator command, Registry registry) {
        requireOpen();
        if (schemePublished) {
            throw RuleViolation.conflict("scheme-frozen",
                    "The " + year + " scheme is published; no indicator can be added outside it.");
        }
        if (!registry.departmentExists(command.departmentId())) {
            throw RuleViolation.unprocessable("unknown-department",
                    "Department " + command.departmentId() + " is not registered.");
        }
        if (indicators.containsKey(command.indicatorId())) {
            throw RuleViolation.conflict("duplicate-indicator", "Indicator " + command.indicatorId() + " already exists.");
        }
        SchemeRules.checkIndicatorPoints(command.kind(), command.maxPoints());
        SchemeRules.checkProposable(List.copyOf(indicators.values()), command.kind(), command.maxPoints());
        apply(new IndicatorProposed(year, command.indicatorId(), command.title(), command.departmentId(),
                command.maxPoints(), command.kind()));
    }

    @CommandHandler
    void handle(CycleCommands.PublishScheme command) {
        requireOpen();
        if (schemePublished) {
            throw RuleViolation.conflict("scheme-already-published", "The " + year + " scheme is already published.");
        }
        SchemeRules.checkPublishable(List.copyOf(indicators.values()));
        apply(new SchemePublished(year, List.copyOf(indicators.keySet())));
    }

    /**
     * Findings, inspections and plan changes being carried out as the close comes are stored before it
     * ({@link Cycles#closing}).
     */
    @CommandHandler
    void handle(CycleCommands.CloseCycle command, Cycles cycles) {
        requireOpen();
        if (!schemePublished) {
            // With no scheme every station would be drafted at 0 points, LEVEL_5.
            throw RuleViolation.conflict("scheme-not-published",
                    "Publish the " + year + " scheme before closing its cycle: its ratings are scored against it.");
        }
        cycles.closing(year);
        apply(new CycleClosed(year));
    }

    private void requireOpen() {
        if (closed) {
            throw RuleViolation.conflict("cycle-closed", "The " + year + " cycle is closed.");
        }
    }

    @EventSourcingHandler
    void on(CycleOpened event) {
        id = AggregateIds.cycle(event.year());
        year = event.year();
    }

    @EventSourcingHandler
    void on(IndicatorProposed event) {
        indicators.put(event.indicatorId(), event);
    }

    @EventSourcingHandler
    void on(SchemePublished event) {
        schemePublished = true;
    }

    @EventSourcingHandler
    void on(CycleClosed event) {
        closed = true;
    }
}
