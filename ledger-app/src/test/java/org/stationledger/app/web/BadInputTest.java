package org.stationledger.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/** Bad input gets a clear problem+json with a stable code, never a 500, and writes no event. */
class BadInputTest extends IntegrationTest {

    @Test
    void missingFieldsWrongTypesAbsurdNumbersAndOverlongStringsAreRefusedWithoutWritingAnything() {
        long before = eventCount();
        Api coord = as("coord");

        assertInvalid(coord.post("/api/stations", Map.of("stationId", "X-1")), "invalid-request");
        assertInvalid(coord.post("/api/stations", "{\"stationId\": \"X-1\", \"officers\": \"many\"}"), "malformed-request");
        assertInvalid(coord.post("/api/stations", "{not json"), "malformed-request");
        assertInvalid(coord.post("/api/stations", Map.of("stationId", "X-1", "name", "x", "parent", "p",
                "kind", "SPACESHIP", "areaKm2", 1, "population", 1, "officers", 1, "auxiliaries", 1)), "malformed-request");
        assertInvalid(coord.post("/api/stations", Map.of("stationId", "X-1", "name", "x", "parent", "p",
                "kind", "URBAN", "areaKm2", 1, "population", -5, "officers", 1, "auxiliaries", 1)), "invalid-request");
        assertInvalid(coord.post("/api/stations", Map.of("stationId", "bad id with spaces", "name", "x", "parent", "p",
                "kind", "URBAN", "areaKm2", 1, "population", 1, "officers", 1, "auxiliaries", 1)), "invalid-request");
        assertInvalid(coord.post("/api/departments", Map.of("departmentId", "D-1", "name", "n".repeat(5000))),
                "invalid-request");
        assertInvalid(coord.post("/api/cycles", Map.of("year", 2033, "visitCap", 1000)), "invalid-request");
        assertInvalid(coord.post("/api/cycles", Map.of("year", 99999)), "invalid-request");
        assertInvalid(coord.post("/api/cycles", Map.of("year", 2033,
                "gradeBands", Map.of("level1", 80, "level2", 90, "level3", 70, "level4", 60))), "invalid-grade-bands");
        assertInvalid(as("crim").post("/api/inspections", Map.of("stationId", "SY-SH-ZJL", "date", "yesterday")),
                "malformed-request");
        assertInvalid(as("crim").post("/api/inspections", Map.of("stationId", "SY-SH-ZJL", "date", "2033-01-01",
                "planItemId", "P", "exception", Map.of("category", "MAJOR_INCIDENT", "justification", "x"))),
                "plan-item-or-exception");
        assertThat(as("crim").post("/api/inspections", Map.of("stationId", "NO-SUCH-STATION", "date", "2033-01-01"))
                .text("code")).isEqualTo("unknown-station");
        Api.Response unknownCycle = coord.post("/api/cycles/2099/publish");
        assertThat(unknownCycle.status()).isEqualTo(404);
        assertThat(unknownCycle.text("code")).isEqualTo("unknown-cycle");
        assertThat(coord.get("/api/cycles/not-a-year").status()).isEqualTo(400);

        assertThat(eventCount()).as("no refused request wrote an event").isEqualTo(before);
    }

    /**
     * What becomes an event can never be removed, and a read model that cannot store an event stops at it: a date in a
     * year PostgreSQL cannot hold, or text with U+0000, once written, would have stopped a projection for good. Such
     * input, and JSON that says one thing in two ways, is refused before any event.
     */
    @Test
    void inputNoReadModelCouldKeepIsRefusedBeforeItBecomesAnEvent() {
        long before = eventCount();
        Api coord = as("coord");
        Api crim = as("crim");

        for (String date : new String[] {"0000-04-01", "+99999-10-01", "-0001-10-01", "1999-12-31", "2101-01-01"}) {
            assertInvalid(crim.post("/api/inspections", Map.of("stationId", "SY-SH-ZJL", "date", date)),
                    "malformed-request");
        }
        assertInvalid(crim.post("/api/inspections", "{\"stationId\": \"SY-SH-ZJL\", \"date\": 1700000000}"),
                "malformed-request");
        assertInvalid(crim.post("/api/inspections/any/findings", Map.of("indicatorId", "CRIM-CASES", "deduction", "1",
                "note", "n", "observedAt", "-999999-04-21T10:00:00Z")), "malformed-request");
        assertInvalid(crim.post("/api/inspections/any/findings", Map.of("indicatorId", "CRIM-CASES", "deduction", "1",
                "note", "n", "observedAt", "1970-01-01T00:00:00Z")), "malformed-request");
        assertInvalid(coord.post("/api/departments", "{\"departmentId\": \"NUL-1\", \"name\": \"a\\u0000b\"}"),
                "malformed-request");
        assertInvalid(coord.post("/api/departments", "{\"departmentId\": \"NUL-2\", \"name\": \"a\\ud800b\"}"),
                "malformed-request");
        assertInvalid(crim.post("/api/burden/documents", "{\"id\": \"DOC-NUL\", \"title\": \"t\\u0001\", "
                + "\"date\": \"2026-11-01\", \"allStations\": true}"), "malformed-request");

        // No guessing at what was meant: text is text, whole numbers are whole, an enum is its name.
        assertInvalid(coord.post("/api/departments", "{\"departmentId\": 123, \"name\": \"n\"}"), "malformed-request");
        assertInvalid(coord.post("/api/departments", "{\"departmentId\": \"T-1\", \"name\": true}"), "malformed-request");
        assertInvalid(coord.post("/api/cycles", "{\"year\": 2034.5}"), "malformed-request");
        assertInvalid(coord.post("/api/stations", "{\"stationId\": \"T-2\", \"name\": \"n\", \"parent\": \"p\", "
                + "\"kind\": 0, \"areaKm2\": 1, \"population\": 1, \"officers\": 1, \"auxiliaries\": 1}"),
                "malformed-request");
        assertInvalid(coord.post("/api/stations", "{\"stationId\": \"T-3\", \"name\": \"n\", \"parent\": \"p\", "
                + "\"kind\": \"URBAN\", \"areaKm2\": 1, \"population\": 1, \"officers\": 3.7, \"auxiliaries\": 1}"),
                "malformed-request");
        assertInvalid(crim.post("/api/burden/documents", "{\"id\": \"DOC-1\", \"title\": \"t\", "
                + "\"date\": \"2026-11-01\", \"allStations\": 1}"), "malformed-request");
        // One key twice, or a second document after the first: which one was meant?
        assertInvalid(coord.post("/api/departments", "{\"departmentId\": \"T-4\", \"name\": \"x\", \"name\": \"y\"}"),
                "malformed-request");
        assertInvalid(coord.post("/api/departments", "{\"departmentId\": \"T-5\", \"name\": \"n\"}{\"a\": 1}"),
                "malformed-request");

        assertThat(eventCount()).as("no refused request wrote an event").isEqualTo(before);
    }

    /**
     * Only JSON is read into a command. The ledger holds a YAML reader (for its users file), and Spring would read a
     * YAML body with it, past every rule of a JSON body: text with U+0000, an unknown or repeated key, a number for
     * text, a date in 1990 — one such body stopped three read models for good.
     */
    @Test
    void aBodyInAnyFormatButJsonIsRefusedUnread() {
        long before = eventCount();
        String yaml = "departmentId: YAML-NUL\nname: \"a\\0b\"\n";
        for (String type : new String[] {"application/yaml", "application/x-yaml", "text/yaml", "application/cbor",
                "application/x-jackson-smile", "application/xml"}) {
            Api.Response refused = as("coord").post("/api/departments", type, yaml);
            assertThat(refused.status()).as(type).isEqualTo(415);
            assertThat(refused.text("code")).as(type).isEqualTo("unsupported-media-type");
            assertThat(refused.header("Accept")).as("what the endpoint takes instead").contains("application/json")
                    .doesNotContain("yaml");
        }
        Api.Response appeal = as("zjl").post("/api/stations/SY-SH-ZJL/ratings/2025/appeals", "application/yaml",
                "grounds: \"x\\0y\"\nfindingIds: [F-1]\n");
        assertThat(appeal.status()).isEqualTo(415);

        assertThat(eventCount()).as("no refused request wrote an event").isEqualTo(before);
    }

    @Test
    void aRefusedBodyIsExplainedInTheClientsTermsWithoutTheLedgersClassNames() {
        Api coord = as("coord");
        Api.Response unknownKind = coord.post("/api/stations", Map.of("stationId", "T-6", "name", "x", "parent", "p",
                "kind", "SPACESHIP", "areaKm2", 1, "population", 1, "officers", 1, "auxiliaries", 1));
        assertThat(unknownKind.text("detail")).contains("field kind", "SPACESHIP", "URBAN");
        Api.Response unknownField = coord.post("/api/departments", Map.of("departmentId", "T-7", "name", "n", "zzz", 1));
        assertThat(unknownField.text("detail")).contains("unknown field zzz", "departmentId, name");
        Api.Response noBody = coord.post("/api/departments", "");
        assertThat(noBody.text("detail")).contains("needs a JSON body");
        Api.Response badDate = as("crim").post("/api/inspections", Map.of("stationId", "SY-SH-ZJL", "date", "0000-04-01"));
        assertThat(badDate.text("detail")).contains("field date", "2000 to 2100");
        Api.Response noSuchDay = as("crim").post("/api/inspections", Map.of("stationId", "SY-SH-ZJL",
                "date", "2031-02-30", "planItemId", "PI-X"));
        assertInvalid(noSuchDay, "malformed-request");
        assertThat(noSuchDay.text("detail")).contains("field date", "2031-02-30");
        for (Api.Response refused : new Api.Response[] {unknownKind, unknownField, noBody, badDate, noSuchDay}) {
            assertThat(refused.text("detail")).doesNotContain("org.stationledger", "java.", "Controller", "$");
        }
    }

    @Test
    void queryParametersNoValueOfTheLedgerHoldsAreRefusedNotFailed() {
        Api coord = as("coord");
        Api audit = as("audit");
        for (String path : new String[] {"/api/inspections?stationId=%00", "/api/inspections?departmentId=a%01",
                "/api/burden/2026?stationLimit=1&stationAfter=%00", "/api/cycles/2026?stationId=%00"}) {
            assertInvalid(coord.get(path), "bad-request");
        }
        assertInvalid(audit.get("/api/audit/events?type=%00"), "bad-request");
        // A parameter not of its type is bad-request, whether it stands alone or among a query's parameters.
        assertInvalid(audit.get("/api/audit/events?limit=abc"), "bad-request");
        // A parameter given twice is refused, not read as its first value (or as both joined), wherever in the API.
        Api.Response twice = coord.get("/api/reports/2026/burden?asOf=1&asOf=2");
        assertInvalid(twice, "invalid-request");
        assertThat(twice.text("detail")).contains("asOf is given 2 times");
        assertThat(coord.get("/api/inspections?year=2025&year=2026").text("detail")).contains("year is given 2 times");
        assertInvalid(coord.get("/api/burden/2026/demands?kind=DOCUMENT&kind=MEETING"), "invalid-request");
        // A parameter the read does not take is refused, not ignored: a misspelt filter would answer unfiltered.
        Api.Response misspelt = audit.get("/api/audit/events?station=SY-SH-ZJL");
        assertInvalid(misspelt, "invalid-request");
        assertThat(misspelt.text("detail")).contains("no parameter station").contains("stationId");
        assertInvalid(coord.get("/api/inspections?stationid=SY-SH-ZJL"), "invalid-request");
        assertInvalid(coord.get("/api/me?verbose=true"), "invalid-request");
        assertInvalid(coord.get("/api/inspections?principal=crim"), "invalid-request");
        // The operators' metrics take a tag per dimension, repeated (a GET answered 200 has been timed).
        assertThat(coord.get("/api/me").status()).isEqualTo(200);
        assertThat(coord.get("/actuator/metrics/http.server.requests?tag=method:GET&tag=status:200").status())
                .isEqualTo(200);
        Api.Response notAYear = audit.get("/api/audit/events?year=abc");
        assertInvalid(notAYear, "bad-request");
        assertThat(notAYear.body().path("errors").findValuesAsText("field")).containsExactly("year");
        assertInvalid(audit.get("/api/audit/events?from=%2B999999999-01-01T00:00:00Z"), "invalid-request");
        // A year the ledger cannot hold, as every endpoint with a year refuses it, not an empty trail.
        assertInvalid(audit.get("/api/audit/events?year=1999"), "invalid-request");
        assertInvalid(audit.get("/api/audit/stations/SY-SH-ZJL/ratings/2025?asOf=%2B999999999-12-07T14:24:50Z"),
                "invalid-request");
        Api.Response noMoment = audit.get("/api/audit/stations/SY-SH-ZJL/ratings/2025");
        assertInvalid(noMoment, "invalid-request");
        assertThat(noMoment.text("detail")).contains("asOf is required");
    }

    /**
     * Errors raised before the ledger's handlers — by Tomcat, by Spring Security's firewall, by the role table — are
     * problems too, each with the status that says what happened.
     */
    @Test
    void requestsRefusedBeforeTheLedgerAreProblemsWithTheRightStatus() {
        Api coord = as("coord");
        for (String target : new String[] {"/api/stations/a%2Fb", "/api/stations/a%5Cb", "/api/stations/%2e%2e",
                "/api/stations/a;b=c"}) {
            Api.Response refused = coord.raw("GET", target, "");
            assertThat(refused.status()).as(target).isEqualTo(400);
            assertThat(refused.isProblem()).as(target + ": " + refused.contentType()).isTrue();
            assertThat(refused.text("code")).as(target).isEqualTo("bad-request");
            assertThat(refused.text("instance")).as(target).startsWith("/api/stations/");
        }
        Api.Response controlInHeader = coord.raw("GET", "/api/me", "X-Note: a\u0001b\r\n");
        assertThat(controlInHeader.status()).isEqualTo(400);
        assertThat(controlInHeader.isProblem()).as(controlInHeader.contentType()).isTrue();
        // A command's headers are read when its body is: a value the firewall refuses is a refusal, not a failure.
        Api.Response foreignHeader = coord.raw("POST", "/api/departments",
                "Content-Type: application/json\r\nX-Correlation-Id: ключ\r\n");
        assertThat(foreignHeader.status()).isEqualTo(400);
        assertThat(foreignHeader.isProblem()).isTrue();

        // A body larger than the ledger takes is refused on its announced length, before a byte of it is read.
        Api.Response tooLarge = coord.raw("POST", "/api/departments",
                "Content-Type: application/json\r\nContent-Length: 9000000\r\n");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.text("code")).isEqualTo("payload-too-large");
        assertThat(tooLarge.text("instance")).as("the problem names the request, as every problem does")
                .isEqualTo("/api/departments");
        Api.Response notJson = coord.raw("POST", "/api/departments", "Content-Type: text/plain\r\n");
        assertThat(notJson.status()).isEqualTo(415);
        assertThat(notJson.text("code")).isEqualTo("unsupported-media-type");
        assertThat(notJson.text("detail")).contains("application/json");
        Api.Response foreignKey = coord.raw("POST", "/api/departments",
                "Content-Type: application/json\r\nIdempotency-Key: ключ\r\n");
        assertThat(foreignKey.status()).as(foreignKey.toString()).isEqualTo(400);
        assertThat(foreignKey.isProblem()).as(foreignKey.contentType()).isTrue();

        // The servlet error page answers problems too; asked for directly, it is no endpoint.
        Api.Response errorPage = anonymous().get("/error");
        assertThat(errorPage.status()).isEqualTo(404);
        assertThat(errorPage.isProblem()).as(errorPage.contentType()).isTrue();
        assertThat(errorPage.text("code")).isEqualTo("not-found");

        Api.Response wrongMethod = coord.delete("/api/departments");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.text("code")).isEqualTo("method-not-allowed");
        assertThat(wrongMethod.text("instance")).isEqualTo("/api/departments");
        assertThat(wrongMethod.header("Allow")).contains("GET", "POST");
        assertThat(coord.post("/api/me").status()).isEqualTo(405);
        Api.Response noEndpoint = coord.get("/api/no-such-thing");
        assertThat(noEndpoint.text("code")).isEqualTo("not-found");
        assertThat(noEndpoint.text("detail")).isEqualTo("The ledger has no such endpoint.");
        assertThat(coord.get("/").status()).as("outside /api too").isEqualTo(404);
        assertThat(coord.get("/no-such-page").text("code")).isEqualTo("not-found");
        assertThat(as("zjl").get("/actuator/metrics").text("code")).as("the actuator, another role's")
                .isEqualTo("forbidden-role");
        Api.Response otherRole = as("zjl").post("/api/cycles", Map.of("year", 2035));
        assertThat(otherRole.text("code")).isEqualTo("forbidden-role");
        assertThat(otherRole.text("instance")).isEqualTo("/api/cycles");
        assertThat(coord.raw("HEAD", "/api/departments", "").status()).isEqualTo(200);

        Api.Response wrongPassword = coord.withHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString("coord:wrong".getBytes(StandardCharsets.UTF_8))).get("/api/me");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.header("WWW-Authenticate")).startsWith("Basic realm=");
    }

    /** Two registrations of the same station at the same moment: one is the station, the other a duplicate. */
    @Test
    void aRaceToRegisterTheSameStationEndsInOneStationAndDuplicatesNeverAFailure() throws Exception {
        Api coord = as("coord");
        Map<String, Object> station = Map.of("stationId", "RACE-1", "name", "Raced", "parent", "p", "kind", "URBAN",
                "areaKm2", 1, "population", 1, "officers", 1, "auxiliaries", 1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> coord.post("/api/stations", station)));
            }
            List<String> statuses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get();
                statuses.add(response.status() + " " + response.text("code"));
            }
            assertThat(statuses).containsOnlyOnce("201 null")
                    .allMatch(status -> status.equals("201 null") || status.equals("409 duplicate-station"));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A refusal is an answer, not a failure of the ledger: the operator's log stays quiet about it. Axon logs a
     * command refused while it creates an aggregate as a warning with a stack trace unless told not to.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aRefusedCommandIsAnsweredWithoutAWarningInTheLog(CapturedOutput log) {
        Map<String, Object> department = Map.of("departmentId", "LOGGED-ONCE", "name", "Logged once");
        as("coord").post("/api/departments", department);
        long before = eventCount();

        Api.Response again = as("coord").post("/api/departments", department);

        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.text("detail")).contains("LOGGED-ONCE");
        assertThat(eventCount()).isEqualTo(before);
        assertThat(log.getOut()).doesNotContain("LOGGED-ONCE is already registered")
                .doesNotContain("trying to create an aggregate");
    }

    private static void assertInvalid(Api.Response response, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("code")).isEqualTo(code);
    }
}
