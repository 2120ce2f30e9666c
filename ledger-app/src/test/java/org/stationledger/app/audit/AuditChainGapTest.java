package org.stationledger.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stationledger.app.IntegrationTest;
import org.stationledger.app.LateEvents;

/**
 * Transactions commit out of global-index order: an event may be visible while one with a lower index is still being
 * written. The chain waits at such a gap instead of closing over it, then takes the late event in its place; a gap
 * whose transaction rolled back stays empty and the chain goes on past it.
 */
class AuditChainGapTest extends IntegrationTest {

    @BeforeEach
    void aDepartmentToCopy() {
        ensureDepartment("AUDIT-GAP-BASE");
    }

    @Test
    void aLateCommitFillsItsGapAndTheChainTakesItInOrder() throws SQLException, InterruptedException {
        Positions at;
        try (Connection slow = dataSource.getConnection()) {
            at = lateAndAfter(slow, "1");

            JsonNode waiting = verify();
            assertThat(waiting.path("verified").asBoolean()).as(waiting.toString()).isTrue();
            assertThat(waiting.path("headSequence").asLong()).as("the chain stops before the gap").isLessThan(at.late());
            assertThat(waiting.path("pendingEvents").asLong()).isGreaterThanOrEqualTo(1);

            slow.commit();
        }
        JsonNode verified = verify();
        assertThat(verified.path("verified").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("headSequence").asLong()).isGreaterThanOrEqualTo(at.after());
        assertThat(links(at.late())).as("the late event is chained in its place").startsWith(at.late(), at.after());
        assertThat(trailPosition("department:AUDIT-GAP-1")).as("the trail shows the late event in its place")
                .isEqualTo(at.late());
        assertThat(trailPosition("department:AUDIT-GAP-AFTER-1")).isEqualTo(at.after());
    }

    @Test
    void aRolledBackGapStaysEmptyAndTheChainGoesOn() throws SQLException, InterruptedException {
        Positions at;
        try (Connection failing = dataSource.getConnection()) {
            at = lateAndAfter(failing, "2");
            assertThat(verify().path("headSequence").asLong()).isLessThan(at.late());
            failing.rollback();
        }
        JsonNode verified = verify();
        assertThat(verified.path("verified").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("headSequence").asLong()).isGreaterThanOrEqualTo(at.after());
        assertThat(links(at.late())).as("no link where no event is").doesNotContain(at.late()).contains(at.after());
        assertThat(trailPosition("department:AUDIT-GAP-AFTER-2")).as("the trail goes on past a gap settled empty")
                .isEqualTo(at.after());
    }

    /**
     * A reader pages the trail with {@code after}. While an event is still being written below one that is already
     * indexed, the trail ends before it: had the page shown the later event, the reader's next page would start past
     * the late one and never show it.
     */
    @Test
    void aReaderPagingTheTrailNeverPassesAnEventStillBeingWritten() throws SQLException, InterruptedException {
        Positions at;
        try (Connection slow = dataSource.getConnection()) {
            at = lateAndAfter(slow, "3");
            awaitIndexed(at.after());

            JsonNode page = as("audit").get("/api/audit/events?after=" + (at.late() - 1)).body();
            assertThat(page.path("events")).as("the trail ends before the event still being written").isEmpty();

            slow.commit();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Long> shown;
        while (!(shown = as("audit").get("/api/audit/events?after=" + (at.late() - 1)).body().path("events")
                .findValues("globalSequence").stream().map(JsonNode::asLong).toList()).contains(at.after())) {
            assertThat(System.nanoTime()).as("the trail goes on once the late event is in").isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(shown).startsWith(at.late(), at.after());
    }

    private void awaitIndexed(long globalIndex) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jdbc.queryForObject("SELECT count(*) FROM read_audit_index WHERE global_index = ?", Long.class,
                globalIndex) == 0) {
            assertThat(System.nanoTime()).as("event %d is indexed", globalIndex).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private record Positions(long late, long after) {
    }

    /**
     * A department's registration written in {@code open}'s transaction, left uncommitted, and another department
     * registered (and committed) after it: their global indexes, the late one below.
     */
    private Positions lateAndAfter(Connection open, String suffix) throws SQLException {
        open.setAutoCommit(false);
        long late = LateEvents.registerDepartment(open, "AUDIT-GAP-BASE", "AUDIT-GAP-" + suffix);
        ensureDepartment("AUDIT-GAP-AFTER-" + suffix);
        long after = indexOf("department:AUDIT-GAP-AFTER-" + suffix);
        assertThat(after).isGreaterThan(late);
        return new Positions(late, after);
    }

    /** The event's global sequence as the audit trail shows it, once the audit index has it. */
    private long trailPosition(String aggregateId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode events;
        while ((events = as("audit").get("/api/audit/events?aggregateId=" + aggregateId).body().path("events")).isEmpty()) {
            assertThat(System.nanoTime()).as("%s is in the trail", aggregateId).isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(events).hasSize(1);
        return events.get(0).path("globalSequence").asLong();
    }

    private JsonNode verify() {
        return as("audit").get("/api/audit/verify").body();
    }

    private List<Long> links(long from) {
        return jdbc.queryForList("SELECT global_index FROM audit_chain WHERE global_index >= ? ORDER BY global_index",
                Long.class, from);
    }

    private long indexOf(String aggregateId) {
        return jdbc.queryForObject("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                aggregateId);
    }
}
