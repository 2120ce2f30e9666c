package org.stationledger.command.inspection;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.stationledger.command.AggregateIds;
import org.stationledger.events.inspection.JointVisitJoined;
import org.stationledger.events.inspection.JointVisitScheduled;

/** One visit to one station, shared by every department whose approved items were merged into it. */
@Aggregate
class JointVisit {

    @AggregateIdentifier
    private String id;
    private String visitId;
    private int year;
    private String stationId;

    JointVisit() {
        // for Axon
    }

    JointVisit(int year, String stationId, JointVisitPlanner.Visit visit) {
        apply(new JointVisitScheduled(visit.visitId(), year, stationId, visit.window().from(), visit.window().to(),
                visit.planItemIds(), visit.departmentIds()));
    }

    /** A late-approved item joins this visit, whose window it encloses: the window stays as it is. */
    void join(JointVisitPlanner.ItemWindow item, JointVisitPlanner.Window window) {
        apply(new JointVisitJoined(visitId, year, stationId, item.planItemId(), item.departmentId(), window.from(),
                window.to()));
    }

    @EventSourcingHandler
    void on(JointVisitScheduled event) {
        id = AggregateIds.visit(event.visitId());
        visitId = event.visitId();
        year = event.year();
        stationId = event.stationId();
    }
}
