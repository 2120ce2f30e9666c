package org.stationledger.app.projections;

import java.util.Collection;
import org.axonframework.eventhandling.EventTrackerStatus;

/** Whether a projection's read model follows the event store on this node. */
enum ProjectionState {
    /** Its processor runs and none of the segments this node holds is failing. */
    RUNNING,
    /** A segment's handler threw: the processor retries that event, and the segment stands still until it passes. */
    FAILING,
    /**
     * Its processor stopped itself on a failure it does not retry (an {@link Error}, such as running out of memory;
     * the log says which): its read model stands still until the node restarts.
     */
    HALTED,
    /** Its processor has been stopped (or has not started): its read model stands still. */
    STOPPED;

    static ProjectionState of(boolean running, boolean halted, Collection<EventTrackerStatus> segmentsHere) {
        if (halted) {
            return HALTED;
        }
        if (!running) {
            return STOPPED;
        }
        return segmentsHere.stream().anyMatch(EventTrackerStatus::isErrorState) ? FAILING : RUNNING;
    }
}
