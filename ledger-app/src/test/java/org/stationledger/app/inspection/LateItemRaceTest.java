package org.stationledger.app.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/**
 * A late item whose window encloses a visit of its department joins that visit only while the department has not
 * used it. An inspection using the visit at the moment of the item's approval is waited for: the item then gets a
 * visit of its own, rather than joining one already used, in which it could never be inspected.
 */
class LateItemRaceTest extends IntegrationTest {

    private static final int YEAR = 2059;
    private static final String STATION = "RACE-59";
    private static final String DEPARTMENT = "CRIMINAL-INVESTIGATION";

    @Test
    void aLateItemApprovedWhileTheVisitIsBeingUsedGetsAVisitOfItsOwn() throws Exception {
        Api coord = as("coord");
        Api crim = as("crim");
        ensureDepartment(DEPARTMENT);
        ensureStation(STATION, "URBAN");
        ok(coord.post("/api/cycles", Map.of("year", YEAR)));
        proposeIndicator(crim, YEAR, "CRIM-59", 100, "SCORED");
        ok(coord.post("/api/cycles/" + YEAR + "/publish"));
        proposePlanItem(crim, YEAR, "PI-59", List.of(STATION), YEAR + "-03-01", YEAR + "-03-31", "COMPREHENSIVE",
                "CRIM-59");
        ok(coord.post("/api/cycles/" + YEAR + "/plan/approve", Map.of()));
        proposePlanItem(crim, YEAR, "PI-59-LATE", List.of(STATION), YEAR + "-02-15", YEAR + "-04-15", "THEMATIC",
                "CRIM-59");
        String visit = jdbc.queryForObject("SELECT visit_id FROM cmd_visit WHERE year = ? AND station_id = ?",
                String.class, YEAR, STATION);

        try (Connection blocker = dataSource.getConnection()) {
            // Holds the department's use of the visit, uncommitted: the inspection below stops as it records its own
            // use, having decided, and waits until this ends.
            blocker.setAutoCommit(false);
            try (PreparedStatement use = blocker.prepareStatement(
                    "INSERT INTO cmd_visit_usage (visit_id, department_id, inspection_id) VALUES (?, ?, 'blocker')")) {
                use.setString(1, visit);
                use.setString(2, DEPARTMENT);
                use.executeUpdate();
            }
            CompletableFuture<Api.Response> inspection = meanwhile(() -> crim.post(
                    "/api/inspections", Map.of("stationId", STATION, "date", YEAR + "-03-15", "planItemId", "PI-59")));
            awaitWaitingSessions(1);
            CompletableFuture<Api.Response> approval = meanwhile(() ->
                    coord.post("/api/cycles/" + YEAR + "/plan-items/PI-59-LATE/approve", Map.of()));
            awaitWaitingSessions(2);
            assertThat(approval).as("the approval waits for the inspection using the visit").isNotDone();
            blocker.rollback();

            Api.Response used = inspection.get(30, TimeUnit.SECONDS);
            assertThat(used.text("status")).as(used.toString()).isEqualTo("AUTHORISED");
            Api.Response approved = approval.get(30, TimeUnit.SECONDS);
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            assertThat(approved.body().path("jointVisits").findValuesAsText("visitId"))
                    .as("a visit of its own").hasSize(1).doesNotContain(visit);
        }
        var lateItemsVisit = crim.post("/api/inspections",
                Map.of("stationId", STATION, "date", YEAR + "-04-10", "planItemId", "PI-59-LATE"));
        assertThat(lateItemsVisit.text("status")).as(lateItemsVisit.toString()).isEqualTo("AUTHORISED");
    }

    /** Until {@code count} sessions of this test's database wait for a lock. */
    private void awaitWaitingSessions(int count) {
        awaitCount(count + " sessions waiting for a lock", count, """
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'""");
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }
}
