package org.stationledger.app.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/**
 * Only a station registered before the year's close has a draft, and so a rating for that year: a station
 * registered after it cannot be finalised (nor appealed: StationRatingFixtureTest), as its rating view says.
 */
class StationsWithoutADraftTest extends IntegrationTest {

    private static final int YEAR = 2034;
    private static final String KNOWN_AT_CLOSE = "DRAFTED-34";
    private static final String REGISTERED_LATER = "LATE-34";

    @Test
    void aStationRegisteredAfterTheCloseHasNoRatingForThatYear() {
        Api coord = as("coord");
        ensureDepartment("CRIMINAL-INVESTIGATION");
        ensureStation(KNOWN_AT_CLOSE, "URBAN");
        assertThat(coord.post("/api/cycles", Map.of("year", YEAR)).status()).isEqualTo(201);
        assertThat(coord.post("/api/cycles/" + YEAR + "/close").text("code"))
                .as("no close before the scheme is published").isEqualTo("scheme-not-published");
        proposeIndicator(as("crim"), YEAR, "CRIM-34", 100, "SCORED");
        assertThat(coord.post("/api/cycles/" + YEAR + "/publish").status()).isEqualTo(200);
        assertThat(coord.post("/api/cycles/" + YEAR + "/close").status()).isEqualTo(200);
        ensureStation(REGISTERED_LATER, "RURAL");

        long before = eventCount();
        var lateFinal = coord.post(ratings(REGISTERED_LATER) + "/finalise", Map.of());
        assertThat(lateFinal.status()).as(lateFinal.toString()).isEqualTo(409);
        assertThat(lateFinal.text("code")).isEqualTo("no-draft");
        assertThat(eventCount()).isEqualTo(before);
        var lateView = coord.get(ratings(REGISTERED_LATER));
        assertThat(lateView.status()).as("nor has it a rating view for that year: " + lateView).isEqualTo(404);
        assertThat(coord.get("/api/stations/" + REGISTERED_LATER + "/ratings").body().findValuesAsText("year"))
                .as("nor a year in its history").doesNotContain(String.valueOf(YEAR));

        var finalRating = coord.post(ratings(KNOWN_AT_CLOSE) + "/finalise", Map.of());
        assertThat(finalRating.status()).as(finalRating.toString()).isEqualTo(200);
        var knownView = coord.get(ratings(KNOWN_AT_CLOSE)).body().path("draft");
        assertThat(knownView.path("score").asDouble()).as(knownView.toString()).isEqualTo(100.0);
    }

    private static String ratings(String stationId) {
        return "/api/stations/" + stationId + "/ratings/" + YEAR;
    }
}
