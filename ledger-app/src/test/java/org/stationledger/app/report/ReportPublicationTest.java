package org.stationledger.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/**
 * Publishing a report records its SHA-256 and the position it was built from; regenerating it at that position
 * gives the same bytes, however much the ledger has recorded since. The monthly publication does the same, once a
 * month per report.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportPublicationTest extends IntegrationTest {

    private static final int YEAR = 2047;
    private static final int SCHEDULED_YEAR = 2048;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private MonthlyPublication monthly;

    private Api coord;
    private Api crim;

    @BeforeAll
    void aFewDocumentsAndMeetings() {
        coord = as("coord");
        crim = as("crim");
        ensureDepartment("CRIMINAL-INVESTIGATION");
        ensureDepartment("TRAFFIC");
        ensureStation("SY-SH-ZJL", "URBAN");
        ensureStation("SY-SH-HC", "SCENIC_AREA");
        demand(crim, "documents", "D47-1", YEAR, List.of("SY-SH-ZJL"));
        demand(crim, "documents", "D47-2", YEAR, null);
        demand(as("traffic"), "meetings", "M47-1", YEAR, List.of("SY-SH-HC"));
        demand(crim, "documents", "D48-1", SCHEDULED_YEAR, null);
    }

    @Test
    @Order(1)
    void aPublicationRecordsTheHashAndPositionAndRegeneratingThereGivesTheSameFile() throws Exception {
        var published = coord.post("/api/reports/" + YEAR + "/burden/publish");
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        long position = published.body().path("position").asLong();
        String sha256 = published.body().path("sha256").asText();
        String href = published.body().path("href").asText();
        assertThat(href).isEqualTo("/api/reports/" + YEAR + "/burden?format=csv&asOf=" + position);

        JsonNode event = publications(YEAR).get(0);
        assertThat(event.path("report").asText()).isEqualTo("BURDEN");
        assertThat(event.path("position").asLong()).isEqualTo(position);
        assertThat(event.path("sha256").asText()).isEqualTo(sha256).matches("[0-9a-f]{64}");
        assertThat(event.path("format").asText()).isEqualTo("csv");
        assertThat(event.path("trigger").asText()).isEqualTo("ON_DEMAND");
        assertThat(position).as("built from every event stored before it").isEqualTo(lastIndexBefore(event));

        var regenerated = coord.download(href);
        assertThat(regenerated.position()).isEqualTo(position);
        assertThat(sha256(regenerated.content())).isEqualTo(sha256);
        assertThat(regenerated.text()).contains("position," + position, "Documents requiring station action");

        demand(crim, "documents", "D47-3", YEAR, null);
        var live = coord.download("/api/reports/" + YEAR + "/burden?format=csv");
        assertThat(live.position()).isGreaterThan(position);
        assertThat(sha256(live.content())).isNotEqualTo(sha256);
        var again = coord.download(href);
        assertThat(again.content()).as("byte for byte, whatever was recorded since").isEqualTo(regenerated.content());

        var workbook = coord.download("/api/reports/" + YEAR + "/burden?format=xlsx&asOf=" + position);
        assertThat(workbook.status()).isEqualTo(200);
        assertThat(workbook.position()).isEqualTo(position);
    }

    @Test
    @Order(2)
    void theListShowsEachCallerThePublicationsItMayRead() throws Exception {
        var summary = coord.post("/api/reports/" + YEAR + "/station-summary/publish?stationId=SY-SH-ZJL");
        assertThat(summary.status()).as(summary.toString()).isEqualTo(201);
        assertThat(summary.body().path("href").asText()).endsWith("&stationId=SY-SH-ZJL");
        var zjlSummary = as("zjl").download(summary.body().path("href").asText());
        assertThat(sha256(zjlSummary.content())).as("the station regenerates its own published summary")
                .isEqualTo(summary.body().path("sha256").asText());

        JsonNode all = coord.get("/api/reports/" + YEAR + "/publications").body();
        assertThat(all).extracting(p -> p.path("report").asText()).containsExactly("burden", "station-summary");
        assertThat(all.get(0).path("publishedBy").asText()).isEqualTo("coord");
        assertThat(all.get(0).path("href").asText()).startsWith("/api/reports/" + YEAR + "/burden?format=csv&asOf=");
        assertThat(as("audit").get("/api/reports/" + YEAR + "/publications").body()).hasSize(2);
        assertThat(as("zjl").get("/api/reports/" + YEAR + "/publications").body()).hasSize(2);
        assertThat(as("hc").get("/api/reports/" + YEAR + "/publications").body()).extracting(p -> p.path("report").asText())
                .containsExactly("burden");
        assertThat(crim.get("/api/reports/" + YEAR + "/publications").body()).hasSize(1);

        // A department or a station reads only its own rows of the burden report: not the published file, so no
        // hash or link it could not reproduce; a station's own summary it reads whole.
        JsonNode departments = crim.get("/api/reports/" + YEAR + "/publications").body().get(0);
        assertThat(departments.path("report").asText()).isEqualTo("burden");
        assertThat(departments.has("sha256")).isFalse();
        assertThat(departments.has("href")).isFalse();
        JsonNode zjls = as("zjl").get("/api/reports/" + YEAR + "/publications").body();
        assertThat(zjls.get(0).has("sha256")).as("the burden report, narrowed for the station").isFalse();
        assertThat(zjls.get(1).path("sha256").asText()).isEqualTo(summary.body().path("sha256").asText());
    }

    @Test
    @Order(3)
    void theMonthlyPublicationPublishesEachJurisdictionReportOnceAMonth() throws Exception {
        assertThat(monthly.publishFor(YearMonth.of(SCHEDULED_YEAR, 5))).isEqualTo(4);
        assertThat(monthly.publishFor(YearMonth.of(SCHEDULED_YEAR, 5))).as("once per month").isZero();
        assertThat(monthly.publishFor(YearMonth.of(SCHEDULED_YEAR, 6))).isEqualTo(4);

        List<JsonNode> scheduled = publications(SCHEDULED_YEAR);
        assertThat(scheduled).hasSize(8);
        assertThat(scheduled).extracting(p -> p.path("report").asText()).containsExactly("RATINGS_DISTRIBUTION",
                "INSPECTIONS_BY_DEPARTMENT", "BLOCKED_ATTEMPTS", "BURDEN", "RATINGS_DISTRIBUTION",
                "INSPECTIONS_BY_DEPARTMENT", "BLOCKED_ATTEMPTS", "BURDEN");
        assertThat(scheduled).extracting(p -> p.path("period").asText()).containsExactly("2048-05", "2048-05",
                "2048-05", "2048-05", "2048-06", "2048-06", "2048-06", "2048-06");
        assertThat(scheduled).allSatisfy(p -> assertThat(p.path("trigger").asText()).isEqualTo("SCHEDULED"));
        List<Map<String, Object>> metadata = jdbc.queryForList("""
                SELECT convert_from(metadata, 'UTF8')::jsonb->>'principal' AS principal,
                       convert_from(metadata, 'UTF8')::jsonb->>'role' AS role
                FROM domainevententry WHERE payloadtype = 'org.stationledger.events.burden.ReportPublished'
                  AND (convert_from(payload, 'UTF8')::jsonb->>'year')::int = ?""", SCHEDULED_YEAR);
        assertThat(metadata).allSatisfy(row -> {
            assertThat(row.get("principal")).isEqualTo(MonthlyPublication.PRINCIPAL);
            assertThat(row.get("role")).isEqualTo("COORDINATOR");
        });
        for (JsonNode publication : coord.get("/api/reports/" + SCHEDULED_YEAR + "/publications").body()) {
            var file = coord.download(publication.path("href").asText());
            assertThat(sha256(file.content())).as(publication.toString()).isEqualTo(publication.path("sha256").asText());
        }
    }

    @Test
    @Order(4)
    void refusedPublicationsWriteNothing() {
        long before = eventCount();
        assertProblem(crim.post("/api/reports/" + YEAR + "/burden/publish"), 403, "forbidden-role");
        assertProblem(coord.post("/api/reports/" + YEAR + "/station-summary/publish"), 400, "station-required");
        assertProblem(coord.post("/api/reports/" + YEAR + "/station-summary/publish?stationId=NOPE"), 422, "unknown-station");
        assertProblem(coord.post("/api/reports/" + YEAR + "/burden/publish?stationId=SY-SH-ZJL"), 400, "station-not-allowed");
        assertProblem(coord.post("/api/reports/1999/burden/publish"), 400, "invalid-request");
        assertThat(eventCount()).isEqualTo(before);
    }

    /** The ReportPublished events of a year, oldest first, as stored. */
    private List<JsonNode> publications(int year) throws Exception {
        List<String> payloads = jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8') FROM domainevententry
                WHERE payloadtype = 'org.stationledger.events.burden.ReportPublished'
                  AND (convert_from(payload, 'UTF8')::jsonb->>'year')::int = ?
                ORDER BY globalindex""", String.class, year);
        List<JsonNode> events = new ArrayList<>();
        for (String payload : payloads) {
            events.add(JSON.readTree(payload));
        }
        return events;
    }

    /** The global index of the last event stored before the publication that names {@code event}'s position. */
    private long lastIndexBefore(JsonNode event) {
        return jdbc.queryForObject("""
                SELECT max(globalindex) FROM domainevententry
                WHERE globalindex < (SELECT globalindex FROM domainevententry
                                     WHERE payloadtype = 'org.stationledger.events.burden.ReportPublished'
                                       AND (convert_from(payload, 'UTF8')::jsonb->>'position')::bigint = ?)""",
                Long.class, event.path("position").asLong());
    }

    private static void demand(Api department, String kind, String id, int year, List<String> stations) {
        Map<String, Object> body = stations == null
                ? Map.of("id", id, "title", "Notice " + id, "date", year + "-03-01", "allStations", true)
                : Map.of("id", id, "title", "Notice " + id, "date", year + "-03-01", "stationIds", stations);
        var response = department.post("/api/burden/" + kind, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("code")).isEqualTo(code);
    }
}
