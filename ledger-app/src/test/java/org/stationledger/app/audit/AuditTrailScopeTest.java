package org.stationledger.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/**
 * The trail read by department or station finds everything that concerns it: a joint visit is in the trail of each
 * of its departments, a plan item's approval or rejection in the trail of each station it lists, and a document for every station is in the trail of each station registered, and not
 * decommissioned, when it was issued. A misspelt event type is refused rather than answered with an empty trail.
 */
class AuditTrailScopeTest extends IntegrationTest {

    private static final int YEAR = 2045;
    private static final String SHARED = "SCOPE-45";
    private static final String LATE = "SCOPE-45-LATE";
    private static final String GONE = "SCOPE-45-GONE";

    @Test
    void aJointVisitIsInTheTrailOfEachOfItsDepartmentsAndAnItemsDecisionInTheTrailOfItsStations() {
        Api coord = as("coord");
        Api crim = as("crim");
        Api pubsec = as("pubsec");
        ensureDepartment("CRIMINAL-INVESTIGATION");
        ensureDepartment("PUBLIC-SECURITY");
        ensureStation(SHARED, "URBAN");
        assertThat(coord.post("/api/cycles", Map.of("year", YEAR)).status()).isEqualTo(201);
        proposeIndicator(crim, YEAR, "CRIM-45", 60, "SCORED");
        proposeIndicator(pubsec, YEAR, "PUBSEC-45", 40, "SCORED");
        assertThat(coord.post("/api/cycles/" + YEAR + "/publish").status()).isEqualTo(200);
        proposePlanItem(crim, YEAR, "PI-45-CRIM", List.of(SHARED), "2045-03-01", "2045-03-31", "THEMATIC", "CRIM-45");
        proposePlanItem(pubsec, YEAR, "PI-45-PUBSEC", List.of(SHARED), "2045-03-15", "2045-04-15", "THEMATIC",
                "PUBSEC-45");
        var approval = coord.post("/api/cycles/" + YEAR + "/plan/approve", Map.of());
        assertThat(approval.status()).as(approval.toString()).isEqualTo(200);

        for (String department : List.of("CRIMINAL-INVESTIGATION", "PUBLIC-SECURITY")) {
            JsonNode visits = as("audit").get("/api/audit/events?type=JointVisitScheduled&year=" + YEAR
                                               + "&departmentId=" + department).body().path("events");
            assertThat(visits).as(department).hasSize(1);
            assertThat(visits.get(0).path("payload").path("departmentIds")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder("CRIMINAL-INVESTIGATION", "PUBLIC-SECURITY");
        }
        assertThat(as("audit").get("/api/audit/events?type=JointVisitScheduled&year=" + YEAR
                                   + "&departmentId=TRAFFIC").body().path("events"))
                .as("a department not in the visit").isEmpty();

        proposePlanItem(crim, YEAR, "PI-45-LATE", List.of(SHARED), "2045-06-01", "2045-06-30", "THEMATIC", "CRIM-45");
        var rejected = coord.post("/api/cycles/" + YEAR + "/plan-items/PI-45-LATE/reject",
                Map.of("reason", "One visit is enough"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        List<String> decisions = new ArrayList<>();
        as("audit").get("/api/audit/events?year=" + YEAR + "&stationId=" + SHARED).body().path("events")
                .forEach(event -> decisions.add(event.path("type").asText() + " "
                                                + event.path("payload").path("planItemId").asText()));
        assertThat(decisions).as("each item's decision is in its station's trail, as its proposal is")
                .contains("PlanItemApproved PI-45-CRIM", "PlanItemApproved PI-45-PUBSEC",
                        "PlanItemRejected PI-45-LATE");
    }

    @Test
    void aDocumentForEveryStationIsInTheTrailOfTheStationsItReached() {
        Api coord = as("coord");
        Api crim = as("crim");
        ensureDepartment("CRIMINAL-INVESTIGATION");
        ensureStation(SHARED, "URBAN");
        ensureStation(GONE, "RURAL");
        issueToEveryStation(crim, "D45-FIRST");
        ensureStation(LATE, "RURAL");
        var decommissioned = coord.post("/api/stations/" + GONE + "/decommission", Map.of("reason", "Merged"));
        assertThat(decommissioned.status()).as(decommissioned.toString()).isEqualTo(200);
        issueToEveryStation(crim, "D45-SECOND");

        assertThat(documentsInTrailOf(SHARED)).containsExactly("D45-FIRST", "D45-SECOND");
        assertThat(documentsInTrailOf(LATE)).as("registered after the first").containsExactly("D45-SECOND");
        assertThat(documentsInTrailOf(GONE)).as("decommissioned before the second").containsExactly("D45-FIRST");
        assertThat(documentsInTrailOf("SCOPE-45-NEVER")).as("a station never registered").isEmpty();
    }

    @Test
    void aTypeNoEventHasIsRefused() {
        var misspelt = as("audit").get("/api/audit/events?type=InspectionBlock");
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.text("code")).isEqualTo("invalid-request");
        assertThat(misspelt.text("detail")).contains("InspectionBlock ").contains("InspectionBlocked");
        assertThat(as("audit").get("/api/audit/export?type=Inspection").status()).isEqualTo(400);
        assertThat(as("audit").get("/api/audit/events?type=InspectionBlocked").status()).isEqualTo(200);
    }

    /**
     * A station, department or aggregate no event names, or a filter given twice, is refused: an empty or partial
     * trail would otherwise read as "nothing happened" to a question that was not the one asked.
     */
    @Test
    void aStationOrDepartmentTheTrailNeverNamesAndARepeatedFilterAreRefused() {
        ensureStation("AUD-45", "URBAN");
        ensureDepartment("CRIMINAL-INVESTIGATION");
        assertThat(as("audit").get("/api/audit/events?stationId=AUD-45").status()).isEqualTo(200);
        assertThat(as("audit").get("/api/audit/events?departmentId=CRIMINAL-INVESTIGATION").status()).isEqualTo(200);

        var misspelt = as("audit").get("/api/audit/events?stationId=AUD-54");
        assertThat(misspelt.status()).isEqualTo(404);
        assertThat(misspelt.text("code")).isEqualTo("unknown-station");
        assertThat(as("audit").get("/api/audit/events?departmentId=CRIMINAL-INVESTIGATON").text("code"))
                .isEqualTo("unknown-department");
        assertThat(as("audit").get("/api/audit/export?stationId=AUD-54").status()).isEqualTo(404);
        assertThat(as("audit").get("/api/audit/events?aggregateId=station:AUD-45").status()).isEqualTo(200);
        var withoutItsKind = as("audit").get("/api/audit/events?aggregateId=AUD-45");
        assertThat(withoutItsKind.status()).isEqualTo(404);
        assertThat(withoutItsKind.text("code")).isEqualTo("unknown-aggregate");
        assertThat(withoutItsKind.text("detail")).contains("station:<id>");

        var twice = as("audit").get("/api/audit/events?year=2025&year=2026");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.text("code")).isEqualTo("invalid-request");
        assertThat(twice.text("detail")).contains("year is given 2 times");
        assertThat(as("audit").get("/api/audit/export?stationId=AUD-45&stationId=SY-SH-HC").status()).isEqualTo(400);
    }

    @Test
    void aStationSummarysPublicationIsInItsStationsTrailAndTheJurisdictionsReportsAreNot() {
        ensureStation("AUD-45", "URBAN");
        var burden = as("coord").post("/api/reports/" + YEAR + "/burden/publish");
        assertThat(burden.status()).as(burden.toString()).isEqualTo(201);
        var summary = as("coord").post("/api/reports/" + YEAR + "/station-summary/publish?stationId=AUD-45");
        assertThat(summary.status()).as(summary.toString()).isEqualTo(201);

        var trail = as("audit").withHeader("X-Ledger-Position", summary.header("X-Ledger-Position"))
                .get("/api/audit/events?type=ReportPublished&year=" + YEAR + "&stationId=AUD-45");
        assertThat(trail.body().path("events").findValuesAsText("report")).containsExactly("STATION_SUMMARY");
    }

    private List<String> documentsInTrailOf(String stationId) {
        List<String> ids = new ArrayList<>();
        as("audit").get("/api/audit/events?type=DocumentIssued&year=" + YEAR + "&stationId=" + stationId).body()
                .path("events").forEach(event -> ids.add(event.path("payload").path("documentId").asText()));
        return ids;
    }

    private static void issueToEveryStation(Api department, String id) {
        var response = department.post("/api/burden/documents", Map.of("id", id, "title", "Circular " + id,
                "date", YEAR + "-05-05", "allStations", true));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }


}
