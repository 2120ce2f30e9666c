package org.stationledger.app.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/**
 * The visit cap with its default of 4: a plan that would send a fifth visit to a station is refused whole, and
 * approved once the coordinator rejects an item; approved exceptions stay outside the cap.
 */
class VisitCapTest extends IntegrationTest {

    private static final int YEAR = 2035;
    private static final String STATION = "CAP-35";

    @Test
    void aFifthVisitRefusesTheWholePlanAndExceptionsStayOutsideTheCap() {
        Api coord = as("coord");
        Api crim = as("crim");
        ensureDepartment("CRIMINAL-INVESTIGATION");
        ensureStation(STATION, "URBAN");
        assertThat(coord.post("/api/cycles", Map.of("year", YEAR)).status()).isEqualTo(201);
        var cycle = coord.get("/api/cycles/" + YEAR).body();
        assertThat(cycle.path("visitCap").asInt()).as("the default cap").isEqualTo(4);
        assertThat(cycle.path("commentWindowDays").asInt()).as("the default comment window").isEqualTo(10);

        proposeIndicator(crim, YEAR, "CRIM-35", 100, "SCORED");
        assertThat(coord.post("/api/cycles/" + YEAR + "/publish").status()).isEqualTo(200);
        for (int month = 1; month <= 5; month++) {
            String from = String.format("%d-%02d-01", YEAR, month);
            String to = String.format("%d-%02d-20", YEAR, month);
            proposePlanItem(crim, YEAR, "PI-35-" + month, List.of(STATION), from, to, "THEMATIC", "CRIM-35");
        }

        long before = eventCount();
        var overCap = coord.post("/api/cycles/" + YEAR + "/plan/approve", Map.of());
        assertThat(overCap.status()).as(overCap.toString()).isEqualTo(422);
        assertThat(overCap.text("code")).isEqualTo("visit-cap-exceeded");
        assertThat(overCap.text("detail")).contains(STATION);
        assertThat(eventCount()).as("refused whole: nothing approved").isEqualTo(before);
        assertThat(coord.get("/api/cycles/" + YEAR).body().path("planApproved").asBoolean()).isFalse();

        var approved = coord.post("/api/cycles/" + YEAR + "/plan/approve",
                Map.of("rejected", List.of(Map.of("planItemId", "PI-35-5", "reason", "Four visits are enough"))));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.body().path("jointVisits")).hasSize(4);
        var rejectedAgain = coord.post("/api/cycles/" + YEAR + "/plan-items/PI-35-5/approve");
        assertThat(rejectedAgain.status()).as("a decided item, though its visit would exceed the cap too")
                .isEqualTo(409);
        assertThat(rejectedAgain.text("code")).isEqualTo("plan-item-decided");

        var exception = crim.post("/api/inspections", Map.of("stationId", STATION, "date", YEAR + "-06-02",
                "exception", Map.of("category", "MAJOR_INCIDENT", "justification", "A fire in the holding cells.")));
        assertThat(exception.text("status")).as(exception.toString()).isEqualTo("PENDING_EXCEPTION");
        var decided = coord.post("/api/inspections/" + exception.text("inspectionId") + "/exception-decision",
                Map.of("approve", true, "reason", "Confirmed by the fire brigade"));
        assertThat(decided.text("status")).as("a fifth inspection, outside the cap").isEqualTo("AUTHORISED");
    }
}
