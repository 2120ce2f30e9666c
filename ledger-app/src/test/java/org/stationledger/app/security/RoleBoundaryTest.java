package org.stationledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/** Who may do what: 401 without valid credentials, 403 for the wrong role or scope, problem+json every time. */
class RoleBoundaryTest extends IntegrationTest {

    private static final int YEAR = 2032;

    @BeforeEach
    void registry() {
        ensureDepartment("CRIMINAL-INVESTIGATION");
        ensureDepartment("TRAFFIC");
        ensureStation("SY-SH-ZJL", "URBAN");
        ensureStation("SY-SH-HC", "SCENIC_AREA");
    }

    @Test
    void noOrWrongCredentialsAre401() {
        assertProblem(anonymous().get("/api/stations"), 401, "unauthenticated");
        assertProblem(withPassword("coord", "not-the-password").get("/api/stations"), 401, "unauthenticated");
        assertProblem(withPassword("nobody", "x").post("/api/departments", Map.of("departmentId", "X", "name", "X")),
                401, "unauthenticated");
    }

    @Test
    void everyCallerCanAskWhoTheLedgerTakesThemFor() {
        var coordinator = as("coord").get("/api/me");
        assertThat(coordinator.status()).isEqualTo(200);
        assertThat(coordinator.text("principal")).isEqualTo("coord");
        assertThat(coordinator.text("role")).isEqualTo("COORDINATOR");
        assertThat(coordinator.body().has("departmentId")).isFalse();
        assertThat(coordinator.body().has("stationId")).isFalse();

        var department = as("crim").get("/api/me");
        assertThat(department.text("role")).isEqualTo("DEPARTMENT");
        assertThat(department.text("departmentId")).isEqualTo("CRIMINAL-INVESTIGATION");

        var station = as("zjl").get("/api/me");
        assertThat(station.text("role")).isEqualTo("STATION");
        assertThat(station.text("stationId")).isEqualTo("SY-SH-ZJL");
        assertThat(as("audit").get("/api/me").text("role")).isEqualTo("AUDITOR");

        assertProblem(anonymous().get("/api/me"), 401, "unauthenticated");
        assertProblem(withPassword("zjl", "not-the-password").get("/api/me"), 401, "unauthenticated");
    }

    @Test
    void eachRoleIsRefusedWhatIsNotItsToDo() {
        Map<String, Object> department = Map.of("departmentId", "ROGUE", "name", "Rogue");
        assertProblem(as("crim").post("/api/departments", department), 403, "forbidden-role");
        assertProblem(as("zjl").post("/api/departments", department), 403, "forbidden-role");
        assertProblem(as("audit").post("/api/departments", department), 403, "forbidden-role");
        assertProblem(as("crim").post("/api/cycles", Map.of("year", YEAR)), 403, "forbidden-role");
        assertProblem(as("coord").post("/api/inspections", Map.of("stationId", "SY-SH-ZJL", "date", "2032-01-10")),
                403, "forbidden-role");
        assertProblem(as("zjl").post("/api/inspections", Map.of("stationId", "SY-SH-ZJL", "date", "2032-01-10")),
                403, "forbidden-role");
        assertProblem(as("audit").post("/api/cycles/" + YEAR + "/publish"), 403, "forbidden-role");
        assertProblem(as("crim").get("/api/audit/events"), 403, "forbidden-role");
        assertProblem(as("zjl").get("/api/audit/events"), 403, "forbidden-role");
        assertThat(as("audit").get("/api/audit/events?limit=1").status()).isEqualTo(200);
        assertThat(as("coord").get("/api/audit/events?limit=1").status()).isEqualTo(200);
    }

    @Test
    void aDepartmentActsOnlyAsItself() {
        as("coord").post("/api/cycles", Map.of("year", YEAR));
        // The owner is the caller's department; naming another one in the body is refused, not obeyed.
        var impersonation = as("crim").post("/api/cycles/" + YEAR + "/indicators", Map.of("indicatorId", "X-32",
                "title", "x", "maxPoints", 10, "kind", "SCORED", "departmentId", "TRAFFIC"));
        assertThat(impersonation.status()).isEqualTo(400);

        var own = as("crim").post("/api/cycles/" + YEAR + "/indicators",
                Map.of("indicatorId", "CRIM-32", "title", "Case quality", "maxPoints", 10, "kind", "SCORED"));
        assertThat(own.text("departmentId")).isEqualTo("CRIMINAL-INVESTIGATION");
        var indicators = as("traffic").get("/api/cycles/" + YEAR).body().path("indicators");
        assertThat(indicators.get(0).path("departmentId").asText()).isEqualTo("CRIMINAL-INVESTIGATION");
    }

    @Test
    void aStationReadsOnlyItsOwnDetail() {
        var own = as("zjl").get("/api/stations/SY-SH-ZJL");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().has("officers")).isTrue();
        var other = as("zjl").get("/api/stations/SY-SH-HC");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body().has("name")).isTrue();
        assertThat(other.body().has("officers")).as("beyond the name, another station's details are not shown").isFalse();
        assertThat(as("crim").get("/api/stations/SY-SH-HC").body().has("officers")).isTrue();
        assertProblem(as("zjl").get("/api/inspections?stationId=SY-SH-HC"), 403, "forbidden-scope");
    }

    @Test
    void theApiDescriptionIsOpenToRead() {
        var description = anonymous().get("/v3/api-docs");
        assertThat(description.status()).isEqualTo(200);
        assertThat(description.body().path("paths").has("/api/inspections")).isTrue();
        assertThat(description.body().path("paths").has("/api/stations/{stationId}/ratings/{year}")).isTrue();
    }

    @Test
    void probesAreOpenAndMetricsAreForTheOfficeAndAuditors() {
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
        assertProblem(anonymous().get("/actuator/metrics"), 401, "unauthenticated");
        assertProblem(as("crim").get("/actuator/metrics"), 403, "forbidden-role");
        assertProblem(as("zjl").get("/actuator/prometheus"), 403, "forbidden-role");
        assertThat(as("audit").get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(as("coord").get("/actuator/metrics/http.server.requests").status()).isEqualTo(200);
    }

    /**
     * The auditors see the read models' positions and rebuilds, the evidence that they follow the events; only the
     * office starts a rebuild or moves a segment.
     */
    @Test
    void auditorsReadTheProjectionsUpkeepAndTheOfficeRunsIt() {
        assertThat(as("audit").get("/api/admin/projections").body().path("projections").isArray()).isTrue();
        assertThat(as("coord").get("/api/admin/projections").status()).isEqualTo(200);
        assertProblem(as("audit").post("/api/admin/projections/cycles/rebuild"), 403, "forbidden-role");
        assertProblem(as("audit").post("/api/admin/projections/cycles/segments/0/release"), 403, "forbidden-role");
        assertProblem(as("crim").get("/api/admin/projections"), 403, "forbidden-role");
        assertProblem(as("zjl").get("/api/admin/projections"), 403, "forbidden-role");
    }

    /**
     * The role table closes what it does not name; the refusal says why: no such endpoint, or not this method. A
     * refusal changes nothing.
     */
    @Test
    void aPathTheRoleTableDoesNotNameIsRefused() {
        long before = eventCount();
        assertProblem(as("coord").post("/api/departments/", Map.of("departmentId", "X", "name", "X")), 404,
                "not-found");
        assertProblem(as("coord").delete("/api/stations/SY-SH-ZJL"), 405, "method-not-allowed");
        assertThat(as("coord").get("/api/stations/SY-SH-ZJL").status()).isEqualTo(200);
        assertThat(eventCount()).isEqualTo(before);
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.contentType()).isTrue();
        assertThat(response.text("code")).isEqualTo(code);
    }
}
