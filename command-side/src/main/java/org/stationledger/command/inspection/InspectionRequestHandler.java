package org.stationledger.command.inspection;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.stationledger.command.assessment.Cycles;
import org.stationledger.command.station.Registry;
import org.stationledger.events.RuleViolation;

/**
 * Gathers the facts the gate needs, asks it, and records its answer as a new {@link Inspection}, blocked answers
 * included. Requests naming an unknown station or department are refused outright: there is nobody to record
 * them against.
 */
@Component
class InspectionRequestHandler {

    private final Repository<Inspection> inspections;
    private final Registry registry;
    private final Cycles cycles;
    private final Plans plans;

    InspectionRequestHandler(@Qualifier("inspectionRepository") Repository<Inspection> inspections, Registry registry,
                             Cycles cycles, Plans plans) {
        this.inspections = inspections;
        this.registry = registry;
        this.cycles = cycles;
        this.plans = plans;
    }

    @CommandHandler
    InspectionCommands.Outcome handle(InspectionCommands.RequestInspection command) throws Exception {
        // A decommissioned station is inspected no more, as no plan item or document may name it.
        registry.requireActiveStations(List.of(command.stationId()));
        if (!registry.departmentExists(command.departmentId())) {
            throw RuleViolation.unprocessable("unknown-department",
                    "Department " + command.departmentId() + " is not registered.");
        }
        var request = new InspectionGate.Request(command.stationId(), command.departmentId(), command.date(),
                command.planItemId(), command.exception());
        InspectionGate.Decision decision = InspectionGate.decide(request, facts(request));
        inspections.newInstance(() -> new Inspection(command.inspectionId(), request, decision));
        return outcome(command.inspectionId(), decision);
    }

    private InspectionGate.Facts facts(InspectionGate.Request request) {
        boolean cycleOpen = cycles.cycleToChange(request.date().getYear()).map(Cycles.CycleFacts::isOpen).orElse(false);
        if (request.planItemId() == null || request.isException()) {
            return new InspectionGate.Facts(cycleOpen, null, false, null, false);
        }
        var plan = plans.requestFacts(request.planItemId(), request.stationId(), request.departmentId());
        return new InspectionGate.Facts(cycleOpen, plan.planItem(), plan.stationInItem(), plan.visit(),
                plan.visitUsedByDepartment());
    }

    private static InspectionCommands.Outcome outcome(String inspectionId, InspectionGate.Decision decision) {
        if (decision instanceof InspectionGate.Authorised authorised) {
            return new InspectionCommands.Outcome(inspectionId, InspectionCommands.Status.AUTHORISED,
                    authorised.visitId(), null, null);
        }
        if (decision instanceof InspectionGate.Blocked blocked) {
            return new InspectionCommands.Outcome(inspectionId, InspectionCommands.Status.BLOCKED, null,
                    blocked.reason().name(), blocked.explanation());
        }
        return new InspectionCommands.Outcome(inspectionId, InspectionCommands.Status.PENDING_EXCEPTION, null, null, null);
    }
}
