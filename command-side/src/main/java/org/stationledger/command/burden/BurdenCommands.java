package org.stationledger.command.burden;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.stationledger.command.AggregateIds;
import org.stationledger.events.burden.DemandKind;

/** Commands of the burden ledger: the 2018 baselines, and the documents and meetings departments issue. */
public final class BurdenCommands {

    private BurdenCommands() {
    }

    public record RecordBaseline(String departmentId, int documents, int meetings) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return AggregateIds.baseline(departmentId);
        }
    }

    /** A document or a meeting; {@code stationIds} is empty when it is for every station. */
    public record RecordDemand(DemandKind kind, String demandId, String departmentId, String title, LocalDate date,
                               boolean allStations, List<String> stationIds) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return AggregateIds.demand(kind, demandId);
        }
    }
}
