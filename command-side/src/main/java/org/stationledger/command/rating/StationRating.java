package org.stationledger.command.rating;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.stationledger.command.AggregateIds;
import org.stationledger.command.assessment.Cycles;
import org.stationledger.command.inspection.Findings;
import org.stationledger.command.station.Registry;
import org.stationledger.events.RuleViolation;
import org.stationledger.events.assessment.CommentWindow;
import org.stationledger.events.rating.AppealDismissed;
import org.stationledger.events.rating.AppealFiled;
import org.stationledger.events.rating.AppealUpheld;
import org.stationledger.events.rating.Grade;
import org.stationledger.events.rating.RatingFinalised;
import org.stationledger.events.rating.RatingRevised;
import org.stationledger.events.rating.RatingRules;
import org.stationledger.events.rating.RevisionCause;

/**
 * One station's rating for one year once the cycle has closed: its appeals, its one final rating and every
 * revision. Created by its first command; its history is a handful of events whatever the size of the country.
 */
@Aggregate
class StationRating {

    private enum AppealStatus { PENDING, UPHELD, DISMISSED }

    private record Appeal(AppealStatus status, Set<String> findingIds, boolean upheldAfterFinal) {
    }

    @AggregateIdentifier
    private String id;
    private boolean finalised;
    private int revisions;
    private final Map<String, Appeal> appeals = new HashMap<>();
    private final Set<String> appealsRevised = new HashSet<>();

    StationRating() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RatingCommands.FileAppeal command, Registry registry, Cycles cycles, Findings findings, Clock clock) {
        Cycles.CycleFacts cycle = closedCycle(command.stationId(), command.year(), registry, cycles);
        if (!CommentWindow.isOpen(cycle.closedAt(), cycle.commentWindowDays(), clock.instant())) {
            throw RuleViolation.conflict("comment-window-closed", "The " + cycle.commentWindowDays()
                    + "-day comment window after the " + command.year() + " cycle closed is over.");
        }
        requireNoPendingAppeal();
        if (appeals.containsKey(command.appealId())) {
            throw RuleViolation.conflict("duplicate-appeal", "Appeal " + command.appealId() + " already exists.");
        }
        if (new HashSet<>(command.findingIds()).size() != command.findingIds().size()) {
            throw RuleViolation.invalid("finding-named-twice", "A finding is named twice in the appeal.");
        }
        for (String findingId : command.findingIds()) {
            boolean live = findings.finding(findingId)
                    .filter(finding -> finding.stationId().equals(command.stationId()) && finding.year() == command.year())
                    .filter(finding -> !finding.withdrawn())
                    .isPresent();
            if (!live) {
                throw RuleViolation.unprocessable("unknown-finding",
                        "Finding " + findingId + " is not a standing finding of this station's " + command.year() + " rating.");
            }
        }
        apply(new AppealFiled(command.appealId(), command.year(), command.stationId(), command.grounds(),
                List.copyOf(command.findingIds())));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RatingCommands.DecideAppeal command, Findings findings) {
        Appeal appeal = appeals.get(command.appealId());
        if (appeal == null) {
            throw RuleViolation.notFound("unknown-appeal", "There is no appeal " + command.appealId() + " on this rating.");
        }
        if (appeal.status() != AppealStatus.PENDING) {
            throw RuleViolation.conflict("appeal-decided", "Appeal " + command.appealId() + " is already " + appeal.status() + ".");
        }
        if (!command.uphold()) {
            if (!command.withdrawFindingIds().isEmpty() || !command.reductions().isEmpty()) {
                throw RuleViolation.invalid("dismissal-changes-nothing", "A dismissed appeal withdraws and reduces nothing.");
            }
            apply(new AppealDismissed(command.appealId(), command.year(), command.stationId(), command.reason()));
            return;
        }
        AppealRules.checkUpheld(appeal.findingIds(), command.withdrawFindingIds(), command.reductions(),
                findingId -> findings.finding(findingId).orElseThrow().deduction());
        apply(new AppealUpheld(command.appealId(), command.year(), command.stationId(),
                List.copyOf(command.withdrawFindingIds()), List.copyOf(command.reductions()), command.reason()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RatingCommands.FinaliseRating command, Registry registry, Cycles cycles, CurrentRating currentRating) {
        Cycles.CycleFacts cycle = closedCycle(command.stationId(), command.year(), registry, cycles);
        if (finalised) {
            throw RuleViolation.conflict("already-final", "The " + command.year()
                    + " rating is final; a later change is a revision citing its cause.");
        }
        requireNoPendingAppeal();
        RatingRules.Rating rating = currentRating.of(command.stationId(), cycle);
        Grade grade = AppealRules.confirmedGrade(rating.eligibleGrade(), command.grade(), command.reason());
        apply(new RatingFinalised(command.year(), command.stationId(), rating.score(), rating.veto(),
                rating.eligibleGrade(), grade, command.reason()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RatingCommands.ReviseRating command, Registry registry, Cycles cycles, CurrentRating currentRating) {
        // A final rating is proof enough that the station was rated: only whether it and the year exist is asked.
        Cycles.CycleFacts cycle = knownCycle(command.stationId(), command.year(), registry, cycles);
        if (!finalised) {
            throw RuleViolation.conflict("not-final", "Only a final rating is revised; finalise it first.");
        }
        requireNoPendingAppeal();
        if (command.cause() == RevisionCause.CORRECTION && command.appealId() != null) {
            // It would be dropped: a correction is ordered by the co-ordinating office, not caused by an appeal.
            throw RuleViolation.invalid("correction-cites-no-appeal",
                    "A correction cites no appeal; a revision for an appeal upheld late has the cause UPHELD_APPEAL.");
        }
        if (command.cause() == RevisionCause.UPHELD_APPEAL) {
            Appeal appeal = command.appealId() == null ? null : appeals.get(command.appealId());
            if (appeal == null || !appeal.upheldAfterFinal()) {
                throw RuleViolation.unprocessable("no-upheld-late-appeal",
                        "A revision for an upheld appeal cites an appeal upheld after the rating was final.");
            }
            if (appealsRevised.contains(command.appealId())) {
                throw RuleViolation.conflict("appeal-already-revised",
                        "Appeal " + command.appealId() + " has already caused a revision.");
            }
        }
        RatingRules.Rating rating = currentRating.of(command.stationId(), cycle);
        Grade grade = AppealRules.confirmedGrade(rating.eligibleGrade(), command.grade(), command.reason());
        apply(new RatingRevised(command.year(), command.stationId(), revisions + 1, command.cause(),
                command.cause() == RevisionCause.UPHELD_APPEAL ? command.appealId() : null, rating.score(),
                rating.veto(), rating.eligibleGrade(), grade, command.reason()));
    }

    private static Cycles.CycleFacts knownCycle(String stationId, int year, Registry registry, Cycles cycles) {
        if (!registry.stationExists(stationId)) {
            throw RuleViolation.notFound("unknown-station", "Station " + stationId + " is not registered.");
        }
        return cycles.cycle(year).orElseThrow(() ->
                RuleViolation.notFound("unknown-cycle", "There is no " + year + " cycle."));
    }

    private static Cycles.CycleFacts closedCycle(String stationId, int year, Registry registry, Cycles cycles) {
        Cycles.CycleFacts cycle = knownCycle(stationId, year, registry, cycles);
        if (cycle.isOpen()) {
            throw RuleViolation.conflict("cycle-not-closed", "The " + year + " cycle is still open; ratings are provisional.");
        }
        if (!cycles.drafted(year, stationId)) {
            throw RuleViolation.conflict("no-draft", "Station " + stationId + " was not in the registry when the "
                    + year + " cycle closed (registered after it, or decommissioned before it): it has no draft, and"
                    + " no rating for " + year + ".");
        }
        return cycle;
    }

    private void requireNoPendingAppeal() {
        if (appeals.values().stream().anyMatch(appeal -> appeal.status() == AppealStatus.PENDING)) {
            throw RuleViolation.conflict("appeal-pending", "An appeal on this rating is waiting for a decision.");
        }
    }

    @EventSourcingHandler
    void on(AppealFiled event) {
        identify(event.stationId(), event.year());
        appeals.put(event.appealId(), new Appeal(AppealStatus.PENDING, Set.copyOf(event.findingIds()), false));
    }

    @EventSourcingHandler
    void on(AppealUpheld event) {
        Appeal appeal = appeals.get(event.appealId());
        appeals.put(event.appealId(), new Appeal(AppealStatus.UPHELD, appeal.findingIds(), finalised));
    }

    @EventSourcingHandler
    void on(AppealDismissed event) {
        Appeal appeal = appeals.get(event.appealId());
        appeals.put(event.appealId(), new Appeal(AppealStatus.DISMISSED, appeal.findingIds(), false));
    }

    @EventSourcingHandler
    void on(RatingFinalised event) {
        identify(event.stationId(), event.year());
        finalised = true;
    }

    @EventSourcingHandler
    void on(RatingRevised event) {
        revisions = event.revision();
        if (event.appealId() != null) {
            appealsRevised.add(event.appealId());
        }
    }

    private void identify(String stationId, int year) {
        if (id == null) {
            id = AggregateIds.rating(stationId, year);
        }
    }
}
