package org.stationledger.command.inspection;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.stationledger.command.AggregateIds;
import org.stationledger.command.assessment.Cycles;
import org.stationledger.events.RuleViolation;

/** Finds the inspection a finding was recorded in and has that inspection withdraw it. */
@Component
class FindingWithdrawalHandler {

    private final Repository<Inspection> inspections;
    private final Findings findings;
    private final Cycles cycles;

    FindingWithdrawalHandler(@Qualifier("inspectionRepository") Repository<Inspection> inspections, Findings findings,
                             Cycles cycles) {
        this.inspections = inspections;
        this.findings = findings;
        this.cycles = cycles;
    }

    @CommandHandler
    void handle(InspectionCommands.WithdrawFinding command) {
        Findings.FindingFacts finding = findings.finding(command.findingId()).orElseThrow(() ->
                RuleViolation.notFound("unknown-finding", "There is no finding " + command.findingId() + "."));
        inspections.load(AggregateIds.inspection(finding.inspectionId()))
                .execute(inspection -> inspection.withdrawFinding(command, cycles));
    }
}
