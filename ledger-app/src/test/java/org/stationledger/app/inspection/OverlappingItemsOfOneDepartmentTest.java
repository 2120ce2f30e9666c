package org.stationledger.app.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/**
 * Two approved items of one department that overlap at a station are merged into one visit, which the department
 * inspects once: that inspection assesses the indicators of both items, so neither item's indicators are left
 * impossible to assess.
 */
class OverlappingItemsOfOneDepartmentTest extends IntegrationTest {

    private static final int YEAR = 2023;
    private static final String STATION = "OVERLAP-36";
    private static final String ELSEWHERE = "OVERLAP-36-B";

    @Test
    void theOneInspectionOfTheMergedVisitAssessesTheIndicatorsOfBothItems() {
        Api coord = as("coord");
        Api crim = as("crim");
        ensureDepartment("CRIMINAL-INVESTIGATION");
        ensureStation(STATION, "URBAN");
        ensureStation(ELSEWHERE, "RURAL");
        assertThat(coord.post("/api/cycles", Map.of("year", YEAR)).status()).isEqualTo(201);
        proposeIndicator(crim, YEAR, "CRIM-36-CASES", 60, "SCORED");
        proposeIndicator(crim, YEAR, "CRIM-36-CUSTODY", 30, "SCORED");
        proposeIndicator(crim, YEAR, "CRIM-36-TRAINING", 10, "SCORED");
        assertThat(coord.post("/api/cycles/" + YEAR + "/publish").status()).isEqualTo(200);
        proposePlanItem(crim, YEAR, "PI-36-COMP", List.of(STATION), "2023-03-01", "2023-03-31", "COMPREHENSIVE",
                "CRIM-36-CASES");
        proposePlanItem(crim, YEAR, "PI-36-CUSTODY", List.of(STATION), "2023-03-15", "2023-04-15", "THEMATIC",
                "CRIM-36-CUSTODY");
        proposePlanItem(crim, YEAR, "PI-36-TRAINING", List.of(ELSEWHERE), "2023-03-15", "2023-04-15", "THEMATIC",
                "CRIM-36-TRAINING");
        var approval = coord.post("/api/cycles/" + YEAR + "/plan/approve", Map.of());
        assertThat(approval.status()).as(approval.toString()).isEqualTo(200);

        var inspection = crim.post("/api/inspections",
                Map.of("stationId", STATION, "date", "2023-03-20", "planItemId", "PI-36-COMP"));
        assertThat(inspection.text("status")).as(inspection.toString()).isEqualTo("AUTHORISED");
        var secondAttempt = crim.post("/api/inspections",
                Map.of("stationId", STATION, "date", "2023-03-21", "planItemId", "PI-36-CUSTODY"));
        assertThat(secondAttempt.text("reasonCode")).as("one visit, used once").isEqualTo("VISIT_ALREADY_USED");

        String findings = "/api/inspections/" + inspection.text("inspectionId") + "/findings";
        assertThat(crim.post(findings, finding("CRIM-36-CASES")).status()).isEqualTo(201);
        var rating = coord.get("/api/stations/" + STATION + "/ratings/" + YEAR).body();
        assertThat(rating.path("unassessedIndicators")).extracting(JsonNode::asText)
                .as("the other item's indicator was assessed in the visit, with nothing found yet")
                .containsExactly("CRIM-36-TRAINING");
        var otherItemsIndicator = crim.post(findings, finding("CRIM-36-CUSTODY"));
        assertThat(otherItemsIndicator.status()).as(otherItemsIndicator.toString()).isEqualTo(201);
        var itemElsewhere = crim.post(findings, finding("CRIM-36-TRAINING"));
        assertThat(itemElsewhere.status()).as("an item of the department visiting another station")
                .isEqualTo(422);
        assertThat(itemElsewhere.text("code")).isEqualTo("indicator-not-in-item");
    }



    private static Map<String, Object> finding(String indicatorId) {
        return Map.of("indicatorId", indicatorId, "deduction", "1", "note", "Files incomplete",
                "evidenceRef", "photo-1", "observedAt", Instant.now().minusSeconds(60).toString());
    }
}
