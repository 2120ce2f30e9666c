package org.stationledger.command.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;

/** What other aggregates' commands need to know about a year's cycle and its scheme. */
public interface Cycles {

    Optional<CycleFacts> cycle(int year);

    Optional<IndicatorFacts> indicator(int year, String indicatorId);

    List<IndicatorFacts> indicators(int year);

    enum Status { OPEN, CLOSED }

    record CycleFacts(int year, Status status, int visitCap, int commentWindowDays, GradeBands gradeBands,
                      boolean schemePublished, boolean planApproved, Instant closedAt) {
        public boolean isOpen() {
            return status == Status.OPEN;
        }
    }

    record IndicatorFacts(int year, String indicatorId, String departmentId, int maxPoints, IndicatorKind kind) {
    }
}
