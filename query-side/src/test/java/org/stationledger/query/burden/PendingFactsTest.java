package org.stationledger.query.burden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionCategory;

class PendingFactsTest {

    private static final RequestFact PENDING = new RequestFact("i-1", 2051, "S-1", "D-1",
            RequestStatus.PENDING_EXCEPTION, null, ExceptionCategory.MAJOR_INCIDENT);

    @Test
    void aDecisionInTheSameBatchAsItsRequestAppliesToThatRequest() {
        PendingFacts<String, RequestFact> batch = new PendingFacts<>();
        batch.set("i-1", PENDING);
        batch.change("i-1", request -> request.decided(RequestStatus.BLOCKED, BlockReason.EXCEPTION_REFUSED));

        var changes = batch.applyTo(Map.of());

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.before()).isNull();
            assertThat(change.after().status()).isEqualTo(RequestStatus.BLOCKED);
            assertThat(change.after().reason()).isEqualTo(BlockReason.EXCEPTION_REFUSED);
            assertThat(change.after().category()).as("the category stays").isEqualTo(ExceptionCategory.MAJOR_INCIDENT);
        });
    }

    @Test
    void aDecisionInALaterBatchChangesTheStoredRequest() {
        PendingFacts<String, RequestFact> batch = new PendingFacts<>();
        batch.change("i-1", request -> request.decided(RequestStatus.AUTHORISED, null));

        var change = batch.applyTo(Map.of("i-1", PENDING)).get(0);

        assertThat(change.before()).isEqualTo(PENDING);
        assertThat(change.after()).isEqualTo(PENDING.decided(RequestStatus.AUTHORISED, null));
    }

    @Test
    void aChangeToAFactNeverRecordedLeavesNothing() {
        PendingFacts<String, RequestFact> batch = new PendingFacts<>();
        batch.change("unknown", request -> request.decided(RequestStatus.AUTHORISED, null));

        assertThat(batch.applyTo(Map.of())).singleElement()
                .satisfies(change -> assertThat(change.after()).isNull());
    }

    @Test
    void anEventHandledAgainLeavesTheFactAsStored() {
        PendingFacts<String, RequestFact> batch = new PendingFacts<>();
        batch.set("i-1", PENDING);

        var change = batch.applyTo(Map.of("i-1", PENDING)).get(0);

        assertThat(change.after()).isEqualTo(change.before());
    }
}
