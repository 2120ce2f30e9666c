package org.stationledger.app.burden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/**
 * What documents and meetings ask of stations, listed: a station reads those that concern it (naming it, or for
 * every station while it was registered), a department its own, the co-ordinating office all of them.
 */
class DemandListTest extends IntegrationTest {

    private static final String ZJL = "SY-SH-ZJL";
    private static final String OTHER = "DEMANDS-33";
    private static final String DEMANDS = "/api/burden/2033/demands";

    @Test
    void eachCallerReadsWhatIsAskedWithinItsScope() {
        ensureDepartment("CRIMINAL-INVESTIGATION");
        ensureDepartment("PUBLIC-SECURITY");
        ensureStation(ZJL, "URBAN");
        ensureStation(OTHER, "RURAL");
        Api crim = as("crim");
        Api pubsec = as("pubsec");
        issue(crim, "documents", "D33-ZJL", "Report last quarter's detentions",
                Map.of("stationIds", List.of(ZJL, OTHER)));
        issue(pubsec, "documents", "D33-OTHER", "Check the village patrol log", Map.of("stationIds", List.of(OTHER)));
        issue(crim, "meetings", "M33-ALL", "Year-end case review", Map.of("allStations", true));

        JsonNode ownStation = as("zjl").get(DEMANDS).body();
        assertThat(ids(ownStation)).containsExactly("D33-ZJL", "M33-ALL");
        assertThat(ownStation.path("demands").get(0).path("title").asText()).isEqualTo("Report last quarter's detentions");
        assertThat(ownStation.path("demands").get(0).path("kind").asText()).isEqualTo("DOCUMENT");
        assertThat(ownStation.path("demands").get(0).path("stationIds")).extracting(JsonNode::asText)
                .as("not which other stations it names").containsExactly(ZJL);
        assertThat(ownStation.path("demands").get(1).path("allStations").asBoolean()).isTrue();
        assertThat(as("zjl").get(DEMANDS + "?stationId=" + OTHER).text("code")).isEqualTo("forbidden-scope");

        assertThat(ids(pubsec.get(DEMANDS).body())).as("a department's own").containsExactly("D33-OTHER");
        assertThat(ids(as("coord").get(DEMANDS).body())).containsExactly("D33-ZJL", "D33-OTHER", "M33-ALL");
        assertThat(ids(as("coord").get(DEMANDS + "?stationId=" + OTHER).body()))
                .containsExactly("D33-ZJL", "D33-OTHER", "M33-ALL");
        assertThat(as("coord").get(DEMANDS).body().path("demands").get(0).path("stationIds")).hasSize(2);
        assertThat(ids(as("audit").get(DEMANDS + "?kind=MEETING").body())).containsExactly("M33-ALL");
        assertThat(as("coord").get(DEMANDS + "?kind=MEMO").status()).isEqualTo(400);

        JsonNode first = as("coord").get(DEMANDS + "?limit=2").body();
        assertThat(ids(first)).containsExactly("D33-ZJL", "D33-OTHER");
        JsonNode rest = as("coord").get(DEMANDS + "?limit=2&after=" + first.path("nextAfter").asLong()).body();
        assertThat(ids(rest)).containsExactly("M33-ALL");
    }

    private static void issue(Api department, String kind, String id, String title, Map<String, Object> addressed) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("id", id, "title", title, "date", "2033-05-05"));
        body.putAll(addressed);
        var response = department.post("/api/burden/" + kind, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("demands").forEach(demand -> ids.add(demand.path("id").asText()));
        return ids;
    }
}
