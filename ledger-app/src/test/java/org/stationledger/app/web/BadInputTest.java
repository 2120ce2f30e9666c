package org.stationledger.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
        assertThat(coord.post("/api/cycles/2099/publish").status()).isEqualTo(404);
        assertThat(coord.get("/api/cycles/not-a-year").status()).isEqualTo(400);

        assertThat(eventCount()).as("no refused request wrote an event").isEqualTo(before);
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
