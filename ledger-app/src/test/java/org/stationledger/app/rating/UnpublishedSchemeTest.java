package org.stationledger.app.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/**
 * A year is rated once its scheme is published. Before, a station's rating would be 0 points and LEVEL_5 (no
 * indicators), or full marks of indicators still being proposed: neither is a rating, so no view, history or report
 * shows one.
 */
class UnpublishedSchemeTest extends IntegrationTest {

    private static final int YEAR = 2057;
    private static final String STATION = "UNPUBLISHED-57";

    @Test
    void aYearIsRatedOnceItsSchemeIsPublished() {
        Api coord = as("coord");
        ensureDepartment("CRIMINAL-INVESTIGATION");
        ensureStation(STATION, "URBAN");
        assertThat(coord.post("/api/cycles", Map.of("year", YEAR)).status()).isEqualTo(201);
        proposeIndicator(as("crim"), YEAR, "CRIM-57", 100, "SCORED");

        var view = coord.get(rating());
        assertThat(view.status()).as(view.toString()).isEqualTo(404);
        assertThat(view.text("detail")).contains("scheme is published");
        assertThat(coord.get("/api/stations/" + STATION + "/ratings").body().findValuesAsText("year"))
                .as("nor a year in the station's history").doesNotContain(String.valueOf(YEAR));
        assertThat(gradesOfEveryStation()).as("nor a grade in the year's distribution").containsOnly(0L);

        assertThat(coord.post("/api/cycles/" + YEAR + "/publish").status()).isEqualTo(200);
        var published = coord.get(rating());
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.text("eligibleGrade")).isEqualTo("LEVEL_1");
        assertThat(published.body().path("score").asDouble()).isEqualTo(100.0);
        assertThat(coord.get("/api/stations/" + STATION + "/ratings").body().findValuesAsText("year"))
                .contains(String.valueOf(YEAR));
        List<Long> graded = gradesOfEveryStation();
        assertThat(graded.get(5)).as("every station registered is rated: %s", graded).isPositive();
        assertThat(graded.get(0)).as("at full marks, LEVEL_1").isEqualTo(graded.get(5));
    }

    /** The "all" row of the distribution's grades by station kind: LEVEL_1 to LEVEL_5, then the total. */
    private List<Long> gradesOfEveryStation() {
        var download = as("coord").download("/api/reports/" + YEAR + "/ratings-distribution?format=csv");
        assertThat(download.status()).as(download.toString()).isEqualTo(200);
        String all = download.text().lines().filter(line -> line.startsWith("all,")).findFirst().orElseThrow();
        return Arrays.stream(all.substring("all,".length()).split(",")).map(Long::valueOf).toList();
    }

    private static String rating() {
        return "/api/stations/" + STATION + "/ratings/" + YEAR;
    }
}
