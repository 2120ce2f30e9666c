package org.stationledger.command.inspection;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.stationledger.command.AggregateIds;
import org.stationledger.command.assessment.Cycles;
import org.stationledger.command.station.Registry;
import org.stationledger.events.RuleViolation;
import org.stationledger.events.inspection.ExceptionApproved;
import org.stationledger.events.inspection.ExceptionRefused;
import org.stationledger.events.inspection.ExceptionRequested;
import org.stationledger.events.inspection.FindingRecorded;
import org.stationledger.events.inspection.FindingWithdrawn;
import org.stationledger.events.inspection.InspectionAuthorised;
import org.stationledger.events.inspection.InspectionBlocked;

/**
 * One request to inspect a station, whatever the gate said: authorised, blocked, or an exception awaiting the
 * coordinator. Created by {@link InspectionRequestHandler}, which asks the gate first.
 */
@Aggregate
class Inspection {

    private static final String FINDINGS_CLOSED = "findings change only through appeals now";

    @AggregateIdentifier
    private String id;
    private String inspectionId;
    private int year;
    private String stationId;
    private String departmentId;
    /** The day the inspection is for. */
    private LocalDate date;
    /** The approved plan item the inspection was authorised under; none for an exception. */
    private String planItemId;
    /** The visit it uses the department's share of; none for an exception. */
    private String visitId;
    private InspectionCommands.Status status;
    private final Set<String> liveFindings = new HashSet<>();

    Inspection() {
        // for Axon
    }

    Inspection(String inspectionId, InspectionGate.Request request, InspectionGate.Decision decision) {
        int year = request.date().getYear();
        // Java 17 has no pattern matching in switch; the sealed Decision keeps these three branches exhaustive.
        if (decision instanceof InspectionGate.Authorised authorised) {
            apply(new InspectionAuthorised(inspectionId, year, request.stationId(), request.departmentId(),
                    request.date(), authorised.planItemId(), authorised.visitId()));
        } else if (decision instanceof InspectionGate.PendingException pending) {
            apply(new ExceptionRequested(inspectionId, year, request.stationId(), request.departmentId(),
                    request.date(), pending.category(), pending.justification()));
        } else if (decision instanceof InspectionGate.Blocked blocked) {
            apply(new InspectionBlocked(inspectionId, year, request.stationId(), request.departmentId(),
                    request.date(), request.planItemId(), request.exceptionCategory(), blocked.reason(),
                    blocked.explanation()));
        }
    }

    @CommandHandler
    void handle(InspectionCommands.DecideException command, Cycles cycles, Registry registry) {
        if (status != InspectionCommands.Status.PENDING_EXCEPTION) {
            throw RuleViolation.conflict("not-pending-exception",
                    "Inspection " + inspectionId + " is " + status + ", not an exception awaiting a decision.");
        }
        if (command.approve()) {
            // An inspection authorised in a closed year could record nothing, yet would count in the year's burden
            // and open the station's closed rating to the department; refusing it stays possible.
            requireCycleOpen(cycles, "an exception still pending can only be refused now");
            requireStationActive(registry, "an exception still pending for it can only be refused now");
            apply(new ExceptionApproved(inspectionId, year, stationId, departmentId, command.reason()));
        } else {
            apply(new ExceptionRefused(inspectionId, year, stationId, departmentId, command.reason()));
        }
    }

    @CommandHandler
    void handle(InspectionCommands.RecordFinding command, Cycles cycles, Plans plans, Registry registry,
                Clock clock) {
        if (!departmentId.equals(command.departmentId())) {
            throw RuleViolation.forbidden("not-inspection-owner", "Only the inspecting department records findings.");
        }
        if (status != InspectionCommands.Status.AUTHORISED) {
            throw RuleViolation.conflict("inspection-not-authorised",
                    "Inspection " + inspectionId + " is " + status + "; nothing can be recorded against it.");
        }
        // A decommissioned station is no longer rated for the year (docs/domain.md): nothing more counts against it.
        requireStationActive(registry, "nothing more is recorded against it");
        if (!requireCycleOpen(cycles, FINDINGS_CLOSED).schemePublished()) {
            throw RuleViolation.conflict("scheme-not-published", "Findings are scored against the published scheme; "
                    + "the " + year + " scheme is not published yet.");
        }
        var indicator = cycles.indicator(year, command.indicatorId()).orElseThrow(() ->
                RuleViolation.unprocessable("unknown-indicator",
                        "Indicator " + command.indicatorId() + " is not in the " + year + " scheme."));
        if (!indicator.departmentId().equals(departmentId)) {
            throw RuleViolation.forbidden("not-indicator-owner",
                    "Indicator " + command.indicatorId() + " belongs to " + indicator.departmentId() + ".");
        }
        // A planned inspection assesses what its department's items in the visit cover; an exception, any of the
        // department's indicators.
        if (visitId != null
            && !plans.covers(new Plans.VisitShare(year, visitId, stationId, departmentId), command.indicatorId())) {
            throw RuleViolation.unprocessable("indicator-not-in-item", "Plan item " + planItemId + " does not cover "
                    + command.indicatorId() + "; a finding in this inspection concerns an indicator that the item, or "
                    + "another item of your department sharing its visit, covers.");
        }
        BigDecimal deduction = command.deduction();
        if (deduction.signum() < 0 || deduction.compareTo(BigDecimal.valueOf(indicator.maxPoints())) > 0) {
            throw RuleViolation.unprocessable("deduction-out-of-range",
                    "A deduction on " + command.indicatorId() + " lies between 0 and " + indicator.maxPoints() + ".");
        }
        // The event store keeps the recording time to the millisecond: compared at that precision, observed-at is
        // never later than the recorded time the ledger shows.
        if (command.observedAt().isAfter(clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
            throw RuleViolation.unprocessable("observed-in-future",
                    "A finding cannot have been observed after the moment it is recorded.");
        }
        // Observed during the inspection: not before its day has begun anywhere (UTC+14, the earliest time zone), so
        // no finding of a visit still to come, nor one seen long before it, and no local morning refused.
        if (command.observedAt().isBefore(date.atStartOfDay(ZoneOffset.ofHours(14)).toInstant())) {
            throw RuleViolation.unprocessable("observed-before-inspection",
                    "A finding is observed during its inspection, on " + date + " or later.");
        }
        apply(new FindingRecorded(command.findingId(), inspectionId, year, stationId, departmentId,
                command.indicatorId(), deduction, command.note(), command.evidenceRef(), command.observedAt()));
    }

    void withdrawFinding(InspectionCommands.WithdrawFinding command, Cycles cycles) {
        if (!departmentId.equals(command.departmentId())) {
            throw RuleViolation.forbidden("not-finding-owner", "Only the department that recorded a finding withdraws it.");
        }
        if (!liveFindings.contains(command.findingId())) {
            throw RuleViolation.conflict("finding-withdrawn", "Finding " + command.findingId() + " is already withdrawn.");
        }
        requireCycleOpen(cycles, FINDINGS_CLOSED);
        apply(new FindingWithdrawn(command.findingId(), inspectionId, year, stationId, departmentId, command.reason()));
    }

    private void requireStationActive(Registry registry, String whatRemains) {
        if (!registry.notActive(List.of(stationId)).isEmpty()) {
            throw RuleViolation.conflict("station-decommissioned",
                    "Station " + stationId + " is decommissioned; " + whatRemains + ".");
        }
    }

    private Cycles.CycleFacts requireCycleOpen(Cycles cycles, String whatRemains) {
        return cycles.cycleToChange(year).filter(Cycles.CycleFacts::isOpen).orElseThrow(() ->
                RuleViolation.conflict("cycle-closed", "The " + year + " cycle is closed; " + whatRemains + "."));
    }

    @EventSourcingHandler
    void on(FindingRecorded event) {
        liveFindings.add(event.findingId());
    }

    @EventSourcingHandler
    void on(FindingWithdrawn event) {
        liveFindings.remove(event.findingId());
    }

    @EventSourcingHandler
    void on(InspectionAuthorised event) {
        created(event.inspectionId(), event.year(), event.stationId(), event.departmentId(), event.date(),
                InspectionCommands.Status.AUTHORISED);
        planItemId = event.planItemId();
        visitId = event.visitId();
    }

    @EventSourcingHandler
    void on(ExceptionRequested event) {
        created(event.inspectionId(), event.year(), event.stationId(), event.departmentId(), event.date(),
                InspectionCommands.Status.PENDING_EXCEPTION);
    }

    @EventSourcingHandler
    void on(InspectionBlocked event) {
        created(event.inspectionId(), event.year(), event.stationId(), event.departmentId(), event.date(),
                InspectionCommands.Status.BLOCKED);
    }

    @EventSourcingHandler
    void on(ExceptionApproved event) {
        status = InspectionCommands.Status.AUTHORISED;
    }

    @EventSourcingHandler
    void on(ExceptionRefused event) {
        status = InspectionCommands.Status.BLOCKED;
    }

    private void created(String inspectionId, int year, String stationId, String departmentId, LocalDate date,
                         InspectionCommands.Status status) {
        this.id = AggregateIds.inspection(inspectionId);
        this.inspectionId = inspectionId;
        this.year = year;
        this.stationId = stationId;
        this.departmentId = departmentId;
        this.date = date;
        this.status = status;
    }
}
