package org.stationledger.command.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;

/** What other aggregates' commands need to know about a year's cycle and its scheme. */
public interface Cycles {

    Optional<CycleFacts> cycle(int year);

    /**
     * The cycle, its status held until this command's transaction ends: a close of the year waits for the command to
     * commit ({@link #closing}). For every command that needs the cycle open and records what a close freezes:
     * findings, inspection requests, exception approvals, plan items and their approval or rejection. Without it such
     * a command that read the cycle open could be stored after the close.
     */
    Optional<CycleFacts> cycleToChange(int year);

    /**
     * Called by the close before its event is stored: waits until every command holding the year's status
     * ({@link #cycleToChange}) has committed, and holds later ones off until the close commits. So every command
     * that saw the cycle open is stored before the close, and every later one sees the cycle closed.
     */
    void closing(int year);

    /**
     * Whether the station has a draft rating for the closed year: it was registered before the close and not
     * decommissioned before it, in the event store's order (as the rating view judges it). Any other station is not
     * part of that year's rating.
     */
    boolean drafted(int year, String stationId);

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
