package org.stationledger.query.burden;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stationledger.events.burden.DemandKind;
import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionCategory;

class BurdenCountsTest {

    private static final RequestFact PENDING = new RequestFact("i-1", 2051, "S-1", "D-1",
            RequestStatus.PENDING_EXCEPTION, null, ExceptionCategory.PUBLIC_COMPLAINT);

    @Test
    void aRefusedExceptionMovesItsCountFromPendingToBlocked() {
        BurdenCounts counts = new BurdenCounts();
        counts.add(PENDING, -1);
        counts.add(PENDING.decided(RequestStatus.BLOCKED, BlockReason.EXCEPTION_REFUSED), 1);

        assertThat(rows(counts, CountTable.DEPARTMENT_REQUESTS)).isEqualTo(Map.of(
                "2051 D-1 PENDING_EXCEPTION  PUBLIC_COMPLAINT", "-1",
                "2051 D-1 BLOCKED EXCEPTION_REFUSED PUBLIC_COMPLAINT", "1"));
        assertThat(rows(counts, CountTable.STATION)).as("still one request, now blocked instead of pending")
                .isEqualTo(Map.of("2051 S-1", "0 0 0 0 0 1 -1"));
    }

    @Test
    void aRequestCountsForItsDepartmentAndItsStation() {
        BurdenCounts counts = new BurdenCounts();
        counts.add(new RequestFact("i-2", 2051, "S-2", "D-2", RequestStatus.BLOCKED, BlockReason.NOT_IN_PLAN, null), 1);
        counts.add(new RequestFact("i-3", 2051, "S-2", "D-2", RequestStatus.AUTHORISED, null, null), 1);

        assertThat(rows(counts, CountTable.DEPARTMENT_REQUESTS)).isEqualTo(Map.of(
                "2051 D-2 BLOCKED NOT_IN_PLAN ", "1", "2051 D-2 AUTHORISED  ", "1"));
        assertThat(rows(counts, CountTable.STATION)).isEqualTo(Map.of("2051 S-2", "0 0 0 2 1 1 0"));
    }

    @Test
    void aVisitJoinedByASecondDepartmentBecomesAJointVisitOfBoth() {
        VisitFact alone = new VisitFact("v-1", 2051, "S-1", List.of("D-1"));
        BurdenCounts counts = new BurdenCounts();
        counts.add(alone, -1);
        counts.add(alone.joinedBy("D-2"), 1);

        assertThat(rows(counts, CountTable.YEAR)).as("still one visit, now joint").isEqualTo(Map.of("2051", "0 1"));
        assertThat(rows(counts, CountTable.DEPARTMENT)).isEqualTo(Map.of("2051 D-1", "0 0 1", "2051 D-2", "0 0 1"));
        assertThat(rows(counts, CountTable.STATION)).as("the station's visits do not change").isEmpty();
    }

    @Test
    void joiningTwiceChangesNothing() {
        VisitFact joint = new VisitFact("v-1", 2051, "S-1", List.of("D-1", "D-2"));
        assertThat(joint.joinedBy("D-2")).isEqualTo(joint);
    }

    @Test
    void aDocumentCountsForItsDepartmentAndTheStationsItNamesButOneForEveryStationOnlyForItsDepartment() {
        BurdenCounts counts = new BurdenCounts();
        counts.add(demand(DemandKind.DOCUMENT, "doc-1", false, List.of("S-1", "S-2")), 1);
        counts.add(demand(DemandKind.MEETING, "meet-1", true, List.of()), 1);

        assertThat(rows(counts, CountTable.DEPARTMENT)).isEqualTo(Map.of("2051 D-1", "1 1 0"));
        assertThat(rows(counts, CountTable.STATION))
                .isEqualTo(Map.of("2051 S-1", "0 1 0 0 0 0 0", "2051 S-2", "0 1 0 0 0 0 0"));
    }

    @Test
    void rowsAreWrittenInKeyOrderSoThatConcurrentBatchesLockThemInTheSameOrder() {
        BurdenCounts counts = new BurdenCounts();
        for (String department : List.of("D-9", "D-1", "D-5")) {
            counts.add(new RequestFact("i-" + department, 2052, "S", department, RequestStatus.AUTHORISED, null, null), 1);
            counts.add(new RequestFact("i-" + department, 2051, "S", department, RequestStatus.AUTHORISED, null, null), 1);
        }
        assertThat(counts.changes(CountTable.DEPARTMENT_REQUESTS).keySet()).extracting(key -> key.get(0) + " " + key.get(1))
                .containsExactly("2051 D-1", "2051 D-5", "2051 D-9", "2052 D-1", "2052 D-5", "2052 D-9");
    }

    private static DemandFact demand(DemandKind kind, String id, boolean allStations, List<String> stations) {
        return new DemandFact(new DemandFact.Key(kind, id), 2051, "D-1", LocalDate.of(2051, 3, 1), allStations,
                stations, "event-" + id);
    }

    /** Each changed row as "key values" to "count changes", in the table's column order. */
    private static Map<String, String> rows(BurdenCounts counts, CountTable table) {
        Map<String, String> rows = new TreeMap<>();
        counts.changes(table).forEach((key, change) -> rows.put(
                key.stream().map(String::valueOf).collect(Collectors.joining(" ")),
                java.util.Arrays.stream(change).mapToObj(Long::toString).collect(Collectors.joining(" "))));
        return rows;
    }
}
