package org.stationledger.app.burden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stationledger.app.burden.DashboardAgainstTrail.assertInspections;
import static org.stationledger.app.burden.DashboardAgainstTrail.assertStation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;
import org.stationledger.app.rebuild.Rebuilds;
import org.stationledger.events.inspection.ExceptionCategory;
import org.stationledger.query.ProcessingGroups;

/**
 * The dashboard reads counts the burden projection keeps as events arrive, and lists stations a page at a time on
 * request. A year of requests (blocked, pending, approved and refused exceptions) and of documents and meetings, for
 * named stations and for every station while one station is registered late and another decommissioned: the pages
 * together are the whole list, every figure is the event trail's count, and the counts come out the same whether the
 * events were handled live, replayed in large batches or one at a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BurdenDashboardPagingTest extends IntegrationTest {

    private static final int YEAR = 2051;
    private static final String DASHBOARD = "/api/burden/" + YEAR;
    private static final List<String> STATIONS = new ArrayList<>();
    private static final String LATE_STATION = "B51-24";
    private static final String CLOSED_STATION = "B51-05";
    /** The station of the user zjl. */
    private static final String OWN_STATION = "SY-SH-ZJL";

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private EventStore eventStore;

    private Api coord;

    @BeforeAll
    void aYearOfRequestsDocumentsAndMeetings() {
        coord = as("coord");
        for (String department : List.of("CRIMINAL-INVESTIGATION", "PUBLIC-SECURITY", "TRAFFIC")) {
            ensureDepartment(department);
        }
        for (int i = 1; i <= 23; i++) {
            STATIONS.add(String.format("B51-%02d", i));
        }
        STATIONS.forEach(station -> ensureStation(station, "URBAN"));
        ensureStation(OWN_STATION, "URBAN");
        assertThat(coord.post("/api/cycles", Map.of("year", YEAR, "visitCap", 2)).status()).isEqualTo(201);
        ExceptionCategory[] categories = ExceptionCategory.values();
        for (int i = 0; i < STATIONS.size(); i++) {
            String station = STATIONS.get(i);
            request("crim", Map.of("stationId", station, "date", YEAR + "-04-01"));
            var exception = request("pubsec", Map.of("stationId", station, "date", YEAR + "-05-01", "exception",
                    Map.of("category", categories[i % categories.length].name(), "justification", "Grounds " + i)));
            if (i % 3 < 2) {
                ok(coord.post("/api/inspections/" + exception.text("inspectionId") + "/exception-decision",
                        Map.of("approve", i % 3 == 0, "reason", "Decision " + i)));
            }
        }
        document("crim", "D51-ALL-1", Map.of("allStations", true));
        meeting("pubsec", "M51-NAMED-1", Map.of("stationIds", List.of("B51-01", "B51-02", CLOSED_STATION)));
        ensureStation(LATE_STATION, "RURAL");
        STATIONS.add(LATE_STATION);
        document("crim", "D51-ALL-2", Map.of("allStations", true));
        meeting("traffic", "M51-ALL-1", Map.of("allStations", true));
        ok(coord.post("/api/stations/" + CLOSED_STATION + "/decommission", Map.of("reason", "Merged")));
        document("traffic", "D51-ALL-3", Map.of("allStations", true));
        document("traffic", "D51-NAMED-1", Map.of("stationIds", List.of("B51-01", LATE_STATION)));
    }

    @Test
    void thePagesTogetherAreTheWholeListAndEachCarriesTheDepartmentsAndTotals() {
        JsonNode whole = json(coord.get(DASHBOARD));
        assertThat(whole.has("nextStationAfter")).as("the unpaged list is complete").isFalse();

        List<JsonNode> paged = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = json(coord.get(DASHBOARD + "?stationLimit=7" + (after == null ? "" : "&stationAfter=" + after)));
            assertThat(page.path("stations").size()).isLessThanOrEqualTo(7);
            assertThat(page.path("departments")).isEqualTo(whole.path("departments"));
            assertThat(page.path("totals")).isEqualTo(whole.path("totals"));
            page.path("stations").forEach(paged::add);
            after = page.has("nextStationAfter") ? page.path("nextStationAfter").asText() : null;
            if (after != null) {
                assertThat(after).isEqualTo(paged.get(paged.size() - 1).path("stationId").asText());
            }
            pages++;
        } while (after != null);

        List<JsonNode> all = new ArrayList<>();
        whole.path("stations").forEach(all::add);
        assertThat(paged).as("every station exactly once, in the same order, with the same figures")
                .containsExactlyElementsOf(all);
        assertThat(pages).isEqualTo((all.size() + 6) / 7);
        assertThat(all).extracting(row -> row.path("stationId").asText()).containsAll(STATIONS);
    }

    @Test
    void everyFigureOfAPageIsTheEventTrailsCount() {
        EventTrail trail = new EventTrail(jdbc, YEAR);
        JsonNode page = json(coord.get(DASHBOARD + "?stationLimit=" + STATIONS.size() + "&stationAfter=B51-00"));
        assertThat(page.path("stations")).extracting(row -> row.path("stationId").asText())
                .containsExactlyElementsOf(STATIONS);
        for (JsonNode row : page.path("stations")) {
            assertStation(trail, row);
        }
        assertThat(station(page, LATE_STATION).path("documents").asLong())
                .as("registered after the first document for every station: the other two and one naming it")
                .isEqualTo(3);
        assertThat(station(page, CLOSED_STATION).path("documents").asLong())
                .as("decommissioned before the third document for every station").isEqualTo(2);
        for (JsonNode row : page.path("departments")) {
            String department = row.path("departmentId").asText();
            assertThat(row.path("documents").path("count").asLong())
                    .isEqualTo(trail.issued("DocumentIssued").getOrDefault(department, 0L));
            assertThat(row.path("meetings").path("count").asLong())
                    .isEqualTo(trail.issued("MeetingConvened").getOrDefault(department, 0L));
            assertInspections(trail, department, row.path("inspections"));
        }
        assertInspections(trail, null, page.path("totals").path("inspections"));
        assertThat(trail.requests(null, null, "PENDING_EXCEPTION", null, null)).isPositive();
        assertThat(trail.requests(null, null, "BLOCKED", "EXCEPTION_REFUSED", null)).isPositive();
    }

    @Test
    void refusingAnExceptionMovesItsCountFromPendingToBlocked() {
        String station = "B51-02";
        var exception = request("traffic", Map.of("stationId", station, "date", YEAR + "-06-01", "exception",
                Map.of("category", "SAFETY_EMERGENCY", "justification", "Fire")));
        JsonNode pending = json(coord.get(DASHBOARD + "?stationLimit=1&stationAfter=B51-01"));

        ok(coord.post("/api/inspections/" + exception.text("inspectionId") + "/exception-decision",
                Map.of("approve", false, "reason", "Not an emergency")));
        JsonNode refused = json(coord.get(DASHBOARD + "?stationLimit=1&stationAfter=B51-01"));

        JsonNode before = department(pending, "TRAFFIC").path("inspections");
        JsonNode after = department(refused, "TRAFFIC").path("inspections");
        assertThat(after.path("requests").asLong()).isEqualTo(before.path("requests").asLong());
        assertThat(after.path("pendingExceptions").asLong()).isEqualTo(before.path("pendingExceptions").asLong() - 1);
        assertThat(after.path("blocked").asLong()).isEqualTo(before.path("blocked").asLong() + 1);
        assertThat(after.path("blockedByReason").path("EXCEPTION_REFUSED").asLong())
                .isEqualTo(before.path("blockedByReason").path("EXCEPTION_REFUSED").asLong() + 1);
        JsonNode category = after.path("exceptionsByCategory").path("SAFETY_EMERGENCY");
        JsonNode categoryBefore = before.path("exceptionsByCategory").path("SAFETY_EMERGENCY");
        assertThat(category.path("pending").asLong()).isEqualTo(categoryBefore.path("pending").asLong() - 1);
        assertThat(category.path("refused").asLong()).isEqualTo(categoryBefore.path("refused").asLong() + 1);
        assertThat(category.path("requested").asLong()).isEqualTo(categoryBefore.path("requested").asLong());

        JsonNode stationBefore = station(pending, station);
        JsonNode stationAfter = station(refused, station);
        assertThat(stationAfter.path("requests").asLong()).isEqualTo(stationBefore.path("requests").asLong());
        assertThat(stationAfter.path("pendingExceptions").asLong())
                .isEqualTo(stationBefore.path("pendingExceptions").asLong() - 1);
        assertThat(stationAfter.path("blocked").asLong()).isEqualTo(stationBefore.path("blocked").asLong() + 1);
        assertThat(refused.path("totals").path("inspections").path("pendingExceptions").asLong())
                .isEqualTo(pending.path("totals").path("inspections").path("pendingExceptions").asLong() - 1);
    }

    /**
     * Replayed from the start, the projection handles the events in batches of up to a thousand, so requests and
     * their decisions, visits and their late departments fall in the same batch.
     */
    @Test
    void aReplayInLargeBatchesGivesTheSameDashboard() throws InterruptedException {
        JsonNode live = json(coord.get(DASHBOARD));
        StreamingEventProcessor burden = processing.eventProcessor(ProcessingGroups.BURDEN,
                StreamingEventProcessor.class).orElseThrow();
        long head = eventStore.createHeadToken().position().orElseThrow();
        int segments = jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ?", Integer.class,
                ProcessingGroups.BURDEN);

        burden.shutdownAsync().join();
        burden.resetTokens();
        burden.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (burden.processingStatus().size() < segments || !burden.processingStatus().values().stream()
                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head)) {
            assertThat(System.nanoTime()).as("the replay reached the head").isLessThan(deadline);
            Thread.sleep(20);
        }

        assertThat(json(coord.get(DASHBOARD))).isEqualTo(live);
    }

    /** The live projection moves counts once per batch; a rebuild replays the events one at a time. */
    @Test
    void countsRebuiltEventByEventEqualTheLiveOnes() throws InterruptedException {
        assertThat(coord.post("/api/admin/projections/burden/rebuild").status()).isEqualTo(202);
        JsonNode done = Rebuilds.awaitFinished(coord, "burden");

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("equal").asBoolean()).as(done.toString()).isTrue();
        assertThat(done.path("checksums").findValuesAsText("table")).contains("read_burden_department_requests",
                "read_burden_station_count");
    }

    @Test
    void aStationSeesItsOwnRowOnAnyPageAndADepartmentNone() {
        JsonNode own = json(as("zjl").get(DASHBOARD + "?stationLimit=1"));
        assertThat(own.path("stations")).extracting(row -> row.path("stationId").asText()).containsExactly(OWN_STATION);
        assertThat(own.has("nextStationAfter")).isFalse();
        for (String after : new String[] {OWN_STATION, "ZZ"}) {
            JsonNode past = json(as("zjl").get(DASHBOARD + "?stationLimit=1&stationAfter=" + after));
            assertThat(past.path("stations")).as("after " + after).extracting(row -> row.path("stationId").asText())
                    .containsExactly(OWN_STATION);
        }
        JsonNode department = json(as("crim").get(DASHBOARD + "?stationLimit=5"));
        assertThat(department.path("stations")).isEmpty();
        assertThat(department.path("departments")).extracting(row -> row.path("departmentId").asText())
                .containsExactly("CRIMINAL-INVESTIGATION");
        assertThat(department.has("nextStationAfter")).isFalse();
    }

    @Test
    void aPageOutsideOneToTenThousandStationsIsRefused() {
        for (String limit : List.of("0", "-3", "10001")) {
            var answer = coord.get(DASHBOARD + "?stationLimit=" + limit);
            assertThat(answer.status()).as(limit).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.text("code")).isEqualTo("invalid-request");
            assertThat(answer.text("detail")).contains("stationLimit");
        }
        var notANumber = coord.get(DASHBOARD + "?stationLimit=many");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.isProblem()).isTrue();
    }

    private static JsonNode station(JsonNode dashboard, String stationId) {
        for (JsonNode row : dashboard.path("stations")) {
            if (row.path("stationId").asText().equals(stationId)) {
                return row;
            }
        }
        throw new AssertionError("No row for " + stationId);
    }

    private static JsonNode department(JsonNode dashboard, String departmentId) {
        for (JsonNode row : dashboard.path("departments")) {
            if (row.path("departmentId").asText().equals(departmentId)) {
                return row;
            }
        }
        throw new AssertionError("No row for " + departmentId);
    }

    private Api.Response request(String user, Map<String, Object> body) {
        var answer = as(user).post("/api/inspections", body);
        assertThat(answer.status()).as(answer.toString()).isIn(201, 403);
        return answer;
    }

    private void document(String user, String id, Map<String, Object> addressees) {
        demand(user, "documents", id, addressees);
    }

    private void meeting(String user, String id, Map<String, Object> addressees) {
        demand(user, "meetings", id, addressees);
    }

    private void demand(String user, String kind, String id, Map<String, Object> addressees) {
        Map<String, Object> body = new HashMap<>(Map.of("id", id, "title", "Notice " + id,
                "date", YEAR + "-03-01"));
        body.putAll(addressees);
        var answer = as(user).post("/api/burden/" + kind, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }

    private static JsonNode json(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }
}
