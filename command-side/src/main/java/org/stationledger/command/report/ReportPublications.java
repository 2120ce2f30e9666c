package org.stationledger.command.report;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.stationledger.command.AggregateIds;
import org.stationledger.command.station.Registry;
import org.stationledger.events.RuleViolation;
import org.stationledger.events.burden.PublicationTrigger;
import org.stationledger.events.burden.ReportPublished;

/**
 * Every publication of one report for one year (and one station, for a station summary): a dozen scheduled ones and
 * those asked for. A scheduled publication happens once per month, however many command nodes run the schedule.
 */
@Aggregate
class ReportPublications {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    @AggregateIdentifier
    private String id;
    private final Set<String> scheduledPeriods = new HashSet<>();

    ReportPublications() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    ReportCommands.Publication handle(ReportCommands.PublishReport command, Registry registry, ReportDigests digests) {
        if (command.year() < FIRST_YEAR || command.year() > LAST_YEAR) {
            throw RuleViolation.invalid("invalid-request", "The year lies between " + FIRST_YEAR + " and " + LAST_YEAR + ".");
        }
        checkStation(command, registry);
        if (command.trigger() == PublicationTrigger.SCHEDULED) {
            if (command.period() == null) {
                throw RuleViolation.invalid("period-required", "A scheduled publication names its period.");
            }
            if (scheduledPeriods.contains(command.period())) {
                throw RuleViolation.conflict("already-published", "The " + command.report().slug() + " report of "
                        + command.year() + " was already published for " + command.period() + ".");
            }
        }
        ReportDigests.Digest digest = digests.digest(command.year(), command.report(), command.stationId());
        String period = command.trigger() == PublicationTrigger.SCHEDULED ? command.period() : null;
        apply(new ReportPublished(command.year(), command.report(), command.stationId(), digest.position(),
                digest.format(), digest.sha256(), command.trigger(), period));
        return new ReportCommands.Publication(command.year(), command.report(), command.stationId(), digest.position(),
                digest.format(), digest.sha256());
    }

    private static void checkStation(ReportCommands.PublishReport command, Registry registry) {
        if (!command.report().perStation()) {
            if (command.stationId() != null) {
                throw RuleViolation.invalid("station-not-allowed",
                        "The " + command.report().slug() + " report covers the whole jurisdiction; it takes no station.");
            }
            return;
        }
        if (command.stationId() == null) {
            throw RuleViolation.invalid("station-required", "A station summary names its station.");
        }
        if (!registry.stationExists(command.stationId())) {
            throw RuleViolation.unprocessable("unknown-station", "Station " + command.stationId() + " is not registered.");
        }
    }

    @EventSourcingHandler
    void on(ReportPublished event) {
        id = AggregateIds.report(event.year(), event.report(), event.stationId());
        if (event.period() != null) {
            scheduledPeriods.add(event.period());
        }
    }
}
