package org.stationledger.command.inspection;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.stationledger.command.AggregateIds;
import org.stationledger.events.assessment.PlanApproved;

/** The fact that a year's plan was approved, once. Created by {@link PlanApprovalHandler}. */
@Aggregate
class YearPlan {

    @AggregateIdentifier
    private String id;

    YearPlan() {
        // for Axon
    }

    YearPlan(int year, List<String> approved, List<String> rejected, int jointVisits) {
        apply(new PlanApproved(year, approved, rejected, jointVisits));
    }

    @EventSourcingHandler
    void on(PlanApproved event) {
        id = AggregateIds.plan(event.year());
    }
}
