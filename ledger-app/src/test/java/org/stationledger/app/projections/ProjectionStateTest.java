package org.stationledger.app.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackerStatus;
import org.junit.jupiter.api.Test;

class ProjectionStateTest {

    private static final TrackerStatus FOLLOWING = new TrackerStatus(Segment.ROOT_SEGMENT,
            new GlobalSequenceTrackingToken(41));

    @Test
    void aRunningProcessorWhoseSegmentsAllMoveOnIsRunning() {
        assertThat(ProjectionState.of(true, false, List.of(FOLLOWING, FOLLOWING))).isEqualTo(ProjectionState.RUNNING);
        assertThat(ProjectionState.of(true, false, List.of())).as("its segments all held by other nodes")
                .isEqualTo(ProjectionState.RUNNING);
    }

    @Test
    void oneSegmentRetryingAFailedEventMakesItFailing() {
        var failing = FOLLOWING.markError(new IllegalStateException("read model table missing"));
        assertThat(ProjectionState.of(true, false, List.of(FOLLOWING, failing))).isEqualTo(ProjectionState.FAILING);
    }

    @Test
    void aStoppedProcessorIsStoppedWhateverItsSegmentsLastSaid() {
        assertThat(ProjectionState.of(false, false, List.of(FOLLOWING))).isEqualTo(ProjectionState.STOPPED);
    }

    @Test
    void aProcessorThatStoppedItselfOnAnErrorIsHaltedNotStopped() {
        var failing = FOLLOWING.markError(new OutOfMemoryError("Java heap space"));
        assertThat(ProjectionState.of(false, true, List.of(failing))).isEqualTo(ProjectionState.HALTED);
        assertThat(ProjectionState.of(false, true, List.of())).isEqualTo(ProjectionState.HALTED);
    }
}
