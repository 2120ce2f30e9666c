package org.stationledger.app.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/**
 * A whole year's gate over HTTP and real PostgreSQL: scheme, plan, approval with joint visits, and requests that
 * pass, wait for an exception decision, or are blocked for each reason — every attempt on the record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InspectionGateFlowTest extends IntegrationTest {

    private static final int YEAR = 2031;
    private static final String ZJL = "SY-SH-ZJL";
    private static final String HC = "SY-SH-HC";
    private static final String SFS = "SY-SB-SFS";

    private Api coord;
    private Api crim;
    private Api pubsec;
    private Api traffic;

    @BeforeAll
    void registry() {
        coord = as("coord");
        crim = as("crim");
        pubsec = as("pubsec");
        traffic = as("traffic");
        List.of("CRIMINAL-INVESTIGATION", "PUBLIC-SECURITY", "TRAFFIC").forEach(this::ensureDepartment);
        ensureStation(ZJL, "URBAN");
        ensureStation(HC, "SCENIC_AREA");
        ensureStation(SFS, "RURAL");
    }

    @Test
    @Order(1)
    void theCoordinatorOpensTheYearAndPublishesASchemeOfExactly100Points() {
        assertThat(coord.post("/api/cycles", Map.of("year", YEAR, "visitCap", 2)).status()).isEqualTo(201);
        assertThat(coord.post("/api/cycles", Map.of("year", YEAR)).text("code")).isEqualTo("cycle-exists");

        proposeIndicator(crim, YEAR, "CRIM-31", 50, "SCORED");
        proposeIndicator(pubsec, YEAR, "PS-31", 40, "SCORED");
        proposeIndicator(pubsec, YEAR, "PS-VETO-31", 0, "VETO");

        long before = eventCount();
        var short90 = coord.post("/api/cycles/" + YEAR + "/publish");
        assertThat(short90.status()).isEqualTo(422);
        assertThat(short90.isProblem()).isTrue();
        assertThat(short90.text("code")).isEqualTo("scheme-total-not-100");
        assertThat(eventCount()).as("a refused command writes nothing").isEqualTo(before);

        proposeIndicator(traffic, YEAR, "TR-31", 10, "SCORED");
        assertThat(coord.post("/api/cycles/" + YEAR + "/publish").status()).isEqualTo(200);

        var late = crim.post("/api/cycles/" + YEAR + "/indicators",
                Map.of("indicatorId", "CRIM-31-TEMP", "title", "Temporary assessment", "maxPoints", 5, "kind", "SCORED"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("code")).isEqualTo("scheme-frozen");

        JsonNode cycle = coord.get("/api/cycles/" + YEAR).body();
        assertThat(cycle.path("schemePublished").asBoolean()).isTrue();
        assertThat(cycle.path("indicators")).hasSize(4);
    }

    @Test
    @Order(2)
    void departmentsProposeAndTheCoordinatorApprovesThePlanIntoJointVisits() {
        proposePlanItem(crim, YEAR, "PI-31-CRIM", List.of(ZJL, HC), "2031-03-01", "2031-03-31", "COMPREHENSIVE",
                "CRIM-31");
        proposePlanItem(pubsec, YEAR, "PI-31-PS", List.of(ZJL), "2031-03-15", "2031-04-15", "THEMATIC", "PS-31");
        proposePlanItem(traffic, YEAR, "PI-31-TR", List.of(HC), "2031-06-01", "2031-06-30", "THEMATIC", "TR-31");
        proposePlanItem(traffic, YEAR, "PI-31-TR-X", List.of(ZJL), "2031-09-01", "2031-09-30", "THEMATIC", "TR-31");

        var second = crim.post("/api/cycles/" + YEAR + "/plan-items", planItemBody("PI-31-CRIM-2", List.of(SFS),
                "2031-05-01", "2031-05-31", "COMPREHENSIVE", "CRIM-31"));
        assertThat(second.text("code")).isEqualTo("second-comprehensive-item");
        var outsideYear = crim.post("/api/cycles/" + YEAR + "/plan-items", planItemBody("PI-31-CRIM-3", List.of(SFS),
                "2031-12-01", "2032-01-31", "THEMATIC", "CRIM-31"));
        assertThat(outsideYear.text("code")).isEqualTo("window-outside-year");
        var othersIndicator = crim.post("/api/cycles/" + YEAR + "/plan-items", planItemBody("PI-31-CRIM-4", List.of(SFS),
                "2031-05-01", "2031-05-31", "THEMATIC", "PS-31"));
        assertThat(othersIndicator.text("code")).isEqualTo("not-indicator-owner");

        var approval = coord.post("/api/cycles/" + YEAR + "/plan/approve",
                Map.of("rejected", List.of(Map.of("planItemId", "PI-31-TR-X", "reason", "Not needed this year"))));
        assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
        assertThat(approval.body().path("rejectedPlanItemIds").get(0).asText()).isEqualTo("PI-31-TR-X");
        JsonNode visits = approval.body().path("jointVisits");
        assertThat(visits).hasSize(3);
        JsonNode zjlVisit = visitOf(visits, ZJL).get(0);
        assertThat(zjlVisit.path("from").asText()).isEqualTo("2031-03-15");
        assertThat(zjlVisit.path("to").asText()).isEqualTo("2031-03-31");
        assertThat(zjlVisit.path("departmentIds")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("CRIMINAL-INVESTIGATION", "PUBLIC-SECURITY");
        assertThat(visitOf(visits, HC)).hasSize(2);

        JsonNode cycle = as("zjl").get("/api/cycles/" + YEAR).body();
        assertThat(cycle.path("planApproved").asBoolean()).isTrue();
        assertThat(cycle.path("jointVisits")).as("a station sees its own visits").hasSize(1);
        assertThat(cycle.path("jointVisits").get(0).path("joint").asBoolean()).isTrue();
    }

    @Test
    @Order(3)
    void aPlannedVisitIsAuthorisedOnceAndEveryOtherAttemptIsBlockedWithItsReason() {
        var authorised = crim.post("/api/inspections", planned(ZJL, "2031-03-20", "PI-31-CRIM"));
        assertThat(authorised.status()).as(authorised.toString()).isEqualTo(201);
        assertThat(authorised.text("status")).isEqualTo("AUTHORISED");
        assertThat(authorised.text("visitId")).isEqualTo("2031-" + ZJL + "-1");

        assertBlocked(crim.post("/api/inspections", planned(ZJL, "2031-03-21", "PI-31-CRIM")), "VISIT_ALREADY_USED");
        assertBlocked(crim.post("/api/inspections", planned(HC, "2031-04-01", "PI-31-CRIM")), "OUTSIDE_WINDOW");
        // Inside CRIM's own item window, but outside the joint visit it was merged into.
        assertBlocked(crim.post("/api/inspections", planned(ZJL, "2031-03-10", "PI-31-CRIM")), "OUTSIDE_WINDOW");
        assertBlocked(pubsec.post("/api/inspections", planned(ZJL, "2031-03-20", "PI-31-CRIM")), "NOT_ITEM_OWNER");
        assertBlocked(crim.post("/api/inspections", planned(SFS, "2031-03-20", "PI-31-CRIM")), "STATION_NOT_IN_ITEM");
        assertBlocked(crim.post("/api/inspections", Map.of("stationId", SFS, "date", "2031-03-20")), "NOT_IN_PLAN");
        assertBlocked(traffic.post("/api/inspections", planned(ZJL, "2031-09-10", "PI-31-TR-X")), "NOT_IN_PLAN");
        assertBlocked(crim.post("/api/inspections", planned(ZJL, "2041-03-20", "PI-31-CRIM")), "CYCLE_NOT_OPEN");
        assertBlocked(crim.post("/api/inspections", exception(SFS, "2031-05-02", "ROUTINE_CHECK", "We would like to look")),
                "NO_EXEMPTION_GROUNDS");
        assertBlocked(crim.post("/api/inspections", exception(SFS, "2031-05-02", "MAJOR_INCIDENT", " ")),
                "NO_EXEMPTION_GROUNDS");

        // The public-security share of the same joint visit is still unused.
        var pubsecVisit = pubsec.post("/api/inspections", planned(ZJL, "2031-03-16", "PI-31-PS"));
        assertThat(pubsecVisit.text("status")).isEqualTo("AUTHORISED");
        assertThat(pubsecVisit.text("visitId")).isEqualTo(authorised.text("visitId"));

        // Its item covers PS-31 only: the department's veto indicator is not what this visit assesses.
        var uncovered = pubsec.post("/api/inspections/" + pubsecVisit.text("inspectionId") + "/findings",
                Map.of("indicatorId", "PS-VETO-31", "deduction", "0", "note", "n",
                        "observedAt", Instant.now().minusSeconds(60).toString()));
        assertThat(uncovered.status()).as(uncovered.toString()).isEqualTo(422);
        assertThat(uncovered.text("code")).isEqualTo("indicator-not-in-item");
    }

    @Test
    @Order(5)
    void exceptionsWaitForTheCoordinatorWhoApprovesOrRefusesThem() {
        var pending = crim.post("/api/inspections", exception(SFS, "2031-05-02", "MAJOR_INCIDENT",
                "Armed robbery in the village; evidence handling must be checked at once."));
        assertThat(pending.status()).isEqualTo(201);
        assertThat(pending.text("status")).isEqualTo("PENDING_EXCEPTION");

        var approved = coord.post("/api/inspections/" + pending.text("inspectionId") + "/exception-decision",
                Map.of("approve", true, "reason", "Incident confirmed by the command centre"));
        assertThat(approved.text("status")).isEqualTo("AUTHORISED");
        var twice = coord.post("/api/inspections/" + pending.text("inspectionId") + "/exception-decision",
                Map.of("approve", false, "reason", "Changed my mind"));
        assertThat(twice.text("code")).isEqualTo("not-pending-exception");

        var refusedRequest = pubsec.post("/api/inspections", exception(ZJL, "2031-07-01", "PUBLIC_COMPLAINT",
                "A complaint about the reception desk."));
        var refused = coord.post("/api/inspections/" + refusedRequest.text("inspectionId") + "/exception-decision",
                Map.of("approve", false, "reason", "The complaint is handled by the petition office"));
        assertThat(refused.status()).isEqualTo(200);

        JsonNode inspection = coord.get("/api/inspections/" + refusedRequest.text("inspectionId")).body();
        assertThat(inspection.path("status").asText()).isEqualTo("BLOCKED");
        assertThat(inspection.path("reasonCode").asText()).isEqualTo("EXCEPTION_REFUSED");
        assertThat(coord.get("/api/inspections/" + pending.text("inspectionId")).body().path("status").asText())
                .isEqualTo("AUTHORISED");
    }

    @Test
    @Order(6)
    void lateItemsWaitForTheirOwnApprovalUnderTheSameCap() {
        proposePlanItem(traffic, YEAR, "PI-31-TR-LATE", List.of(SFS), "2031-10-01", "2031-10-31", "THEMATIC", "TR-31");
        assertBlocked(traffic.post("/api/inspections", planned(SFS, "2031-10-05", "PI-31-TR-LATE")), "PLAN_NOT_APPROVED");

        var approved = coord.post("/api/cycles/" + YEAR + "/plan-items/PI-31-TR-LATE/approve");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(traffic.post("/api/inspections", planned(SFS, "2031-10-05", "PI-31-TR-LATE")).text("status"))
                .isEqualTo("AUTHORISED");

        // HC already has two visits (March, June) and the cap is 2: a third, in September, is refused whole.
        proposePlanItem(pubsec, YEAR, "PI-31-PS-SEPT", List.of(HC, SFS), "2031-09-01", "2031-09-30", "THEMATIC",
                "PS-31");
        long before = eventCount();
        var overCap = coord.post("/api/cycles/" + YEAR + "/plan-items/PI-31-PS-SEPT/approve");
        assertThat(overCap.status()).isEqualTo(422);
        assertThat(overCap.text("code")).isEqualTo("visit-cap-exceeded");
        assertThat(overCap.text("detail")).contains(HC);
        assertThat(eventCount()).isEqualTo(before);

        // A late item overlapping the June visit only in part would narrow it (traffic's item, and an inspection
        // already made in it, would lose days): it needs a visit of its own, over the cap.
        proposePlanItem(pubsec, YEAR, "PI-31-PS-LATE-JUNE", List.of(HC), "2031-06-20", "2031-07-20", "THEMATIC",
                "PS-31");
        var narrowing = coord.post("/api/cycles/" + YEAR + "/plan-items/PI-31-PS-LATE-JUNE/approve");
        assertThat(narrowing.status()).as(narrowing.toString()).isEqualTo(422);
        assertThat(narrowing.text("code")).isEqualTo("visit-cap-exceeded");
        // One whose window encloses the June visit joins it, which keeps its window.
        proposePlanItem(pubsec, YEAR, "PI-31-PS-JUNE", List.of(HC), "2031-05-25", "2031-07-20", "THEMATIC", "PS-31");
        var joined = coord.post("/api/cycles/" + YEAR + "/plan-items/PI-31-PS-JUNE/approve");
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        JsonNode visit = joined.body().path("jointVisits").get(0);
        assertThat(visit.path("joined").asBoolean()).isTrue();
        assertThat(visit.path("from").asText()).isEqualTo("2031-06-01");
        assertThat(visit.path("to").asText()).isEqualTo("2031-06-30");

        var rejected = coord.post("/api/cycles/" + YEAR + "/plan-items/PI-31-PS-SEPT/reject", Map.of("reason", "Over the cap"));
        assertThat(rejected.status()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void theStationSeesEveryRequestMadeOfItBlockedOnesIncludedAndNothingElse() {
        Api zjl = as("zjl");
        JsonNode own = zjl.get("/api/inspections?year=" + YEAR).body();
        List<String> statuses = new ArrayList<>();
        own.forEach(inspection -> {
            assertThat(inspection.path("stationId").asText()).isEqualTo(ZJL);
            statuses.add(inspection.path("status").asText() + ":" + inspection.path("reasonCode").asText(""));
        });
        assertThat(statuses).contains("AUTHORISED:", "BLOCKED:VISIT_ALREADY_USED", "BLOCKED:NOT_ITEM_OWNER",
                "BLOCKED:NOT_IN_PLAN", "BLOCKED:EXCEPTION_REFUSED");
        assertThat(zjl.get("/api/inspections?stationId=" + HC).status()).isEqualTo(403);

        JsonNode blockedOnly = zjl.get("/api/inspections?year=" + YEAR + "&status=BLOCKED").body();
        blockedOnly.forEach(inspection -> assertThat(inspection.path("status").asText()).isEqualTo("BLOCKED"));

        JsonNode crimsOwn = crim.get("/api/inspections?year=" + YEAR).body();
        crimsOwn.forEach(inspection ->
                assertThat(inspection.path("departmentId").asText()).isEqualTo("CRIMINAL-INVESTIGATION"));
        assertThat(crim.get("/api/inspections?departmentId=TRAFFIC").status()).isEqualTo(403);
    }

    @Test
    @Order(8)
    void theAuditorReadsEveryBlockedAttemptWithWhoAndWhy() {
        var trail = as("audit").get("/api/audit/events?year=" + YEAR + "&type=InspectionBlocked&limit=1000");
        assertThat(trail.status()).isEqualTo(200);
        JsonNode events = trail.body().path("events");
        assertThat(events.size()).as("every blocked attempt of the year, one event each").isEqualTo(10);
        long previous = -1;
        for (JsonNode event : events) {
            assertThat(event.path("globalSequence").asLong()).isGreaterThan(previous);
            previous = event.path("globalSequence").asLong();
            JsonNode metadata = event.path("metadata");
            assertThat(metadata.path("role").asText()).isEqualTo("DEPARTMENT");
            assertThat(metadata.path("principal").asText()).isIn("crim", "pubsec", "traffic");
            assertThat(metadata.path("departmentId").asText()).as("the caller's department")
                    .isEqualTo(event.path("payload").path("departmentId").asText());
            assertThat(metadata.path("scope").asText()).as("a department is confined to itself")
                    .isEqualTo(metadata.path("departmentId").asText());
            assertThat(metadata.path("correlationId").asText()).isNotBlank();
            assertThat(metadata.path("causationId").asText()).isNotBlank();
            assertThat(metadata.path("requestId").asText()).isNotBlank();
            assertThat(event.path("payload").path("reasonCode").asText()).isNotBlank();
        }
        var stationTrail = as("audit").get("/api/audit/events?stationId=" + ZJL + "&year=" + YEAR + "&limit=1000").body();
        // Every event of a station's trail names it, but the decision on a plan item, which names the item its
        // proposal (earlier in the trail) listed the station in.
        Set<String> itemsListingIt = new HashSet<>();
        stationTrail.path("events").forEach(event -> {
            String type = event.path("type").asText();
            String planItemId = event.path("payload").path("planItemId").asText();
            if (type.equals("PlanItemApproved") || type.equals("PlanItemRejected")) {
                assertThat(itemsListingIt).as(type + " of " + planItemId).contains(planItemId);
            } else {
                assertThat(event.toString()).contains(ZJL);
                if (type.equals("PlanItemProposed")) {
                    itemsListingIt.add(planItemId);
                }
            }
        });
        assertThat(itemsListingIt).as("the station's items are in its trail").isNotEmpty();
        assertThat(as("crim").get("/api/audit/events").status()).isEqualTo(403);
    }



    private static Map<String, Object> planItemBody(String id, List<String> stations, String from, String to,
                                                    String kind, String indicator) {
        return Map.of("planItemId", id, "stationIds", stations, "from", from, "to", to, "kind", kind,
                "indicatorIds", List.of(indicator));
    }

    private static Map<String, Object> planned(String station, String date, String planItemId) {
        return Map.of("stationId", station, "date", date, "planItemId", planItemId);
    }

    private static Map<String, Object> exception(String station, String date, String category, String justification) {
        return Map.of("stationId", station, "date", date,
                "exception", Map.of("category", category, "justification", justification));
    }

    private static List<JsonNode> visitOf(JsonNode visits, String stationId) {
        List<JsonNode> found = new ArrayList<>();
        visits.forEach(visit -> {
            if (visit.path("stationId").asText().equals(stationId)) {
                found.add(visit);
            }
        });
        return found;
    }

    private void assertBlocked(Api.Response response, String reasonCode) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("code")).isEqualTo("inspection-blocked");
        assertThat(response.text("reasonCode")).isEqualTo(reasonCode);
        String inspectionId = response.text("inspectionId");
        JsonNode recorded = as("audit").get("/api/inspections/" + inspectionId).body();
        assertThat(recorded.path("status").asText()).as("the blocked attempt is recorded").isEqualTo("BLOCKED");
        assertThat(recorded.path("reasonCode").asText()).isEqualTo(reasonCode);
    }
}
