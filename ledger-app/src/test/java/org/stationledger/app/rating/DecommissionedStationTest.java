package org.stationledger.app.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/**
 * A decommissioned station is in no rating of a year that has not closed, gets no new visit, and nothing more is
 * recorded against it; one decommissioned after a year's close keeps that year's draft and is finalised as any other.
 * The rating view, the commands and the statistics reports count it the same way.
 */
class DecommissionedStationTest extends IntegrationTest {

    private static final int YEAR = 2017;
    private static final String OBSERVED = YEAR + "-05-10T10:00:00Z";

    @Test
    void aStationDecommissionedBeforeTheCloseIsNotRatedAndOneDecommissionedAfterItIs() {
        ensureDepartment("CRIMINAL-INVESTIGATION");
        for (String station : List.of("DS-17-A", "DS-17-B", "DS-17-C", "DS-17-D", "DS-17-E")) {
            ensureStation(station, "URBAN");
        }
        ok(as("coord").post("/api/cycles", Map.of("year", YEAR)));
        proposeIndicator(as("crim"), YEAR, "CRIM-17", 100, "SCORED");
        ok(as("coord").post("/api/cycles/" + YEAR + "/publish"));

        // An item proposed for two stations, one of them decommissioned before the approval: one visit.
        proposePlanItem(as("crim"), YEAR, "PI-17", List.of("DS-17-A", "DS-17-B"), YEAR + "-03-01", YEAR + "-03-31",
                "COMPREHENSIVE", "CRIM-17");
        decommission("DS-17-B");
        ok(as("coord").post("/api/cycles/" + YEAR + "/plan/approve", Map.of()));
        assertThat(as("coord").get("/api/cycles/" + YEAR).body().path("jointVisits").findValuesAsText("stationId"))
                .containsExactly("DS-17-A");

        // An exception still pending when its station goes can only be refused.
        String pending = exception("DS-17-C");
        decommission("DS-17-C");
        refused(as("coord").post("/api/inspections/" + pending + "/exception-decision",
                Map.of("approve", true, "reason", "Confirmed")), "station-decommissioned");
        ok(as("coord").post("/api/inspections/" + pending + "/exception-decision",
                Map.of("approve", false, "reason", "The station is closed")));

        // Findings count while the station stands; none are recorded after, and the year no longer rates it.
        String authorised = exception("DS-17-D");
        ok(as("coord").post("/api/inspections/" + authorised + "/exception-decision",
                Map.of("approve", true, "reason", "Confirmed")));
        ok(finding(authorised, "5"));
        assertThat(as("coord").get("/api/stations/DS-17-D/ratings/" + YEAR).status()).isEqualTo(200);
        decommission("DS-17-D");
        refused(finding(authorised, "3"), "station-decommissioned");
        assertThat(as("coord").get("/api/stations/DS-17-D/ratings/" + YEAR).status()).isEqualTo(404);
        assertThat(summary("DS-17-D", "grade basis")).isEmpty();
        assertThat(summary("DS-17-E", "grade basis")).isEqualTo("PROVISIONAL");

        ok(as("coord").post("/api/cycles/" + YEAR + "/close"));
        decommission("DS-17-E");

        refused(as("coord").post("/api/stations/DS-17-D/ratings/" + YEAR + "/finalise", Map.of()), "no-draft");
        assertThat(as("coord").get("/api/stations/DS-17-D/ratings").body().findValuesAsText("year"))
                .doesNotContain(String.valueOf(YEAR));
        assertThat(summary("DS-17-D", "grade basis")).isEmpty();

        Api.Response kept = as("coord").get("/api/stations/DS-17-E/ratings/" + YEAR);
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(kept.body().path("draft").path("score").decimalValue()).isEqualByComparingTo("100");
        assertThat(summary("DS-17-E", "grade basis")).isEqualTo("DRAFT");
        ok(as("coord").post("/api/stations/DS-17-E/ratings/" + YEAR + "/finalise", Map.of()));
        assertThat(summary("DS-17-E", "grade basis")).isEqualTo("FINAL");
    }

    private void decommission(String station) {
        ok(as("coord").post("/api/stations/" + station + "/decommission", Map.of("reason", "Merged")));
    }

    /** A pending exception of the criminal investigation department's at {@code station}; its inspection id. */
    private String exception(String station) {
        Api.Response requested = exceptionRequest(station, YEAR + "-05-10");
        ok(requested);
        return requested.text("inspectionId");
    }

    private Api.Response finding(String inspectionId, String deduction) {
        return finding(inspectionId, "CRIM-17", deduction, OBSERVED);
    }

    /** One item of the station's summary report for the year, as its CSV gives it. */
    private String summary(String station, String item) {
        Api.Download csv = as("coord").download("/api/reports/" + YEAR + "/station-summary?format=csv&stationId="
                                                + station);
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        return csv.text().lines().filter(line -> line.startsWith(item + ",")).findFirst()
                .map(line -> line.substring(item.length() + 1)).orElseThrow();
    }

    private static void refused(Api.Response response, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.text("code")).isEqualTo(code);
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }
}
