package org.stationledger.query.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stationledger.events.burden.DocumentIssued;
import org.stationledger.events.station.DepartmentRegistered;

/**
 * Which events a report's facts are folded from: carried forward from the year's kept fold, afresh for an earlier
 * position, afresh again once a fold failed or was dropped. The ledger here has a department at position 0 and one
 * document at every position after it, so a year's facts count the documents folded — and would count twice any
 * event folded twice.
 */
class YearFoldsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);

    private final List<String> folded = Collections.synchronizedList(new ArrayList<>());
    private int failAfterEvents = -1;

    private void foldOn(YearFacts facts, long after, long upTo) {
        folded.add(facts.year() + ":" + after + ".." + upTo);
        for (long position = after + 1; position <= upTo; position++) {
            if (failAfterEvents-- == 0) {
                throw new IllegalStateException("connection lost");
            }
            facts.apply(position == 0
                    ? new DepartmentRegistered("D1", "One")
                    : new DocumentIssued("DOC-" + position, facts.year(), "D1", "t", AS_OF, true, List.of()),
                    position);
        }
    }

    private static long documents(YearFacts facts) {
        return facts.burdenByDepartment(AS_OF).departments().get(0).documents().count();
    }

    @Test
    void aReportAtALaterPositionFoldsOnlyTheEventsSinceTheYearsLastOne() {
        YearFolds folds = new YearFolds(this::foldOn, 2);
        assertThat(folds.at(2026, 5, YearFoldsTest::documents)).isEqualTo(5);
        assertThat(folds.at(2026, 5, YearFoldsTest::documents)).isEqualTo(5);
        assertThat(folds.at(2026, 9, YearFoldsTest::documents)).isEqualTo(9);
        assertThat(folded).containsExactly("2026:-1..5", "2026:5..5", "2026:5..9");
    }

    @Test
    void aReportAsOfAnEarlierPositionIsFoldedAfreshAndTheKeptFoldGoesOn() {
        YearFolds folds = new YearFolds(this::foldOn, 2);
        folds.at(2026, 9, YearFoldsTest::documents);
        assertThat(folds.at(2026, 3, YearFoldsTest::documents)).isEqualTo(3);
        assertThat(folds.at(2026, 12, YearFoldsTest::documents)).isEqualTo(12);
        assertThat(folded).containsExactly("2026:-1..9", "2026:-1..3", "2026:9..12");
    }

    @Test
    void onlyTheYearsReportedOnMostRecentlyAreKept() {
        YearFolds folds = new YearFolds(this::foldOn, 2);
        folds.at(2024, 4, YearFoldsTest::documents);
        folds.at(2025, 4, YearFoldsTest::documents);
        folds.at(2024, 6, YearFoldsTest::documents);
        folds.at(2026, 6, YearFoldsTest::documents);
        // 2025 was the least recently reported on of the three: its fold made room for 2026's.
        assertThat(folds.at(2024, 8, YearFoldsTest::documents)).isEqualTo(8);
        assertThat(folds.at(2025, 8, YearFoldsTest::documents)).isEqualTo(8);
        assertThat(folded).containsExactly("2024:-1..4", "2025:-1..4", "2024:4..6", "2026:-1..6", "2024:6..8",
                "2025:-1..8");
    }

    @Test
    void noneIsKeptWhenNoneIsAskedFor() {
        YearFolds folds = new YearFolds(this::foldOn, 0);
        folds.at(2026, 4, YearFoldsTest::documents);
        assertThat(folds.at(2026, 6, YearFoldsTest::documents)).isEqualTo(6);
        assertThat(folded).containsExactly("2026:-1..4", "2026:-1..6");
    }

    /** A burst of reports at a node's start (54,000 stations' summaries, say) costs the year one fold, not one each. */
    @Test
    void reportsAskedForDuringTheYearsFirstFoldWaitForItAndFoldNothingAgain() throws Exception {
        CountDownLatch firstFoldStarted = new CountDownLatch(1);
        CountDownLatch firstFoldMayEnd = new CountDownLatch(1);
        YearFolds folds = new YearFolds((facts, after, upTo) -> {
            if (after == -1) {
                firstFoldStarted.countDown();
                awaitQuietly(firstFoldMayEnd);
            }
            foldOn(facts, after, upTo);
        }, 2);
        Map<String, Long> answers = new ConcurrentHashMap<>();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String reader = "reader-" + i;
            Thread thread = new Thread(() -> answers.put(reader, folds.at(2026, 9, YearFoldsTest::documents)), reader);
            thread.setDaemon(true);
            readers.add(thread);
        }
        readers.get(0).start();
        assertThat(firstFoldStarted.await(10, TimeUnit.SECONDS)).isTrue();
        readers.subList(1, 4).forEach(Thread::start);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!readers.subList(1, 4).stream().allMatch(reader -> reader.getState() == Thread.State.BLOCKED)) {
            assertThat(System.nanoTime()).as("the other readers wait for the year's fold").isLessThan(deadline);
            Thread.sleep(1);
        }
        firstFoldMayEnd.countDown();
        for (Thread reader : readers) {
            reader.join(10_000);
        }
        assertThat(answers).hasSize(4).allSatisfy((reader, documents) -> assertThat(documents).isEqualTo(9));
        assertThat(folded).containsExactly("2026:-1..9", "2026:9..9", "2026:9..9", "2026:9..9");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFoldThatFailsHalfWayStartsAgainFromTheFirstEvent() {
        YearFolds folds = new YearFolds(this::foldOn, 2);
        folds.at(2026, 4, YearFoldsTest::documents);
        failAfterEvents = 2;
        assertThatThrownBy(() -> folds.at(2026, 9, YearFoldsTest::documents)).hasMessage("connection lost");
        assertThat(folds.at(2026, 9, YearFoldsTest::documents)).isEqualTo(9);
        assertThat(folded).containsExactly("2026:-1..4", "2026:4..9", "2026:-1..9");
    }
}
