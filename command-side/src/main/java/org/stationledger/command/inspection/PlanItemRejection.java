package org.stationledger.command.inspection;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.stationledger.command.AggregateIds;
import org.stationledger.command.assessment.Cycles;

/**
 * Rejects a plan item, holding its year's status ({@link Cycles#cycleToChange}) before the item is loaded: the order
 * the plan's approval takes them in. Axon holds a loaded aggregate until its command ends, so the other order could
 * wait on an approval holding the year and waiting for the item, while a close waits for the approval and the
 * rejection's turn at the year comes after the close: a wait the database cannot see, ended only by Axon's lock
 * timeout.
 */
@Component
class PlanItemRejection {

    private final Repository<PlanItem> planItems;
    private final Cycles cycles;

    PlanItemRejection(@Qualifier("planItemRepository") Repository<PlanItem> planItems, Cycles cycles) {
        this.planItems = planItems;
        this.cycles = cycles;
    }

    @CommandHandler
    void handle(PlanCommands.RejectPlanItem command) throws Exception {
        boolean cycleOpen = cycles.cycleToChange(command.year()).map(Cycles.CycleFacts::isOpen).orElse(false);
        planItems.load(AggregateIds.planItem(command.planItemId())).execute(item -> item.reject(command, cycleOpen));
    }
}
