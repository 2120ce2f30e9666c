package org.stationledger.command.assessment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.stationledger.command.AggregateIds;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;

/** Commands of the yearly assessment cycle and its scheme. */
public final class CycleCommands {

    private CycleCommands() {
    }

    public record OpenCycle(int year, int visitCap, GradeBands gradeBands, int commentWindowDays) {
    }

    public record ProposeIndicator(int year, String indicatorId, String title, String departmentId, int maxPoints,
                                   IndicatorKind kind) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return AggregateIds.cycle(year);
        }
    }

    public record PublishScheme(int year) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return AggregateIds.cycle(year);
        }
    }

    public record CloseCycle(int year) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return AggregateIds.cycle(year);
        }
    }
}
