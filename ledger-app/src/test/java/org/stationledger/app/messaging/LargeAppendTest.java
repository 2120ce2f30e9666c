package org.stationledger.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/**
 * A unit of work that stores many events (a plan's approval: the tests count four or more as many, a deployment a
 * thousand) holds back every other append until it has committed. Otherwise another command could commit an event
 * above its uncommitted ones, and a projection that read that event would wait for the positions below only as far
 * back as the maximum gap offset: nationally, most of a plan's visits would never reach a read model.
 */
class LargeAppendTest extends IntegrationTest {

    private static final int YEAR = 2061;
    private static final List<String> STATIONS = List.of("LA-61-1", "LA-61-2", "LA-61-3");

    @Test
    void aCommandSentWhileAPlansApprovalIsStoredCommitsAfterIt() throws Exception {
        ensureDepartment("CRIMINAL-INVESTIGATION");
        STATIONS.forEach(station -> ensureStation(station, "URBAN"));
        ok(as("coord").post("/api/cycles", Map.of("year", YEAR)));
        proposeIndicator(as("crim"), YEAR, "CRIM-61", 100, "SCORED");
        ok(as("coord").post("/api/cycles/" + YEAR + "/publish"));
        proposePlanItem(as("crim"), YEAR, "PI-61", STATIONS, YEAR + "-03-01", YEAR + "-03-31", "COMPREHENSIVE",
                "CRIM-61");

        CompletableFuture<Api.Response> approval;
        CompletableFuture<Api.Response> department;
        try (Connection holder = dataSource.getConnection()) {
            // The approval's look-up of the plan's status comes after its events are written, before its commit:
            // holding the year's row keeps the approval there, its events stored and not committed.
            holder.setAutoCommit(false);
            holder.createStatement().execute("SELECT 1 FROM cmd_cycle WHERE year = " + YEAR + " FOR UPDATE");
            approval = meanwhile(() -> as("coord").post("/api/cycles/" + YEAR + "/plan/approve", Map.of()));
            awaitCount("the approval waiting, its events written", 1, """
                    SELECT count(*) FROM pg_stat_activity
                    WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE cmd_cycle SET plan_approved%'""");

            department = meanwhile(() -> as("coord").post("/api/departments",
                    Map.of("departmentId", "LARGE-APPEND-61", "name", "Registered during an approval")));
            awaitCount("the registration waiting for the approval's commit", 1, """
                    SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                      AND classid = ? AND objid = 0
                      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""",
                    APPEND_LOCK);
            assertThat(department).as("no event is committed while the approval's are not").isNotDone();
            holder.rollback();
        }

        ok(approval.get(60, TimeUnit.SECONDS));
        ok(department.get(60, TimeUnit.SECONDS));
        long registered = jdbc.queryForObject("""
                SELECT globalindex FROM domainevententry
                WHERE payloadtype LIKE '%DepartmentRegistered' AND convert_from(payload, 'UTF8') LIKE '%LARGE-APPEND-61%'
                """, Long.class);
        long lastVisit = jdbc.queryForObject("""
                SELECT max(globalindex) FROM domainevententry
                WHERE payloadtype LIKE '%JointVisitScheduled' AND convert_from(payload, 'UTF8') LIKE '%LA-61-%'
                """, Long.class);
        assertThat(registered).as("stored after every event of the approval").isGreaterThan(lastVisit);
        assertThat(as("coord").get("/api/cycles/" + YEAR).body().path("jointVisits").size())
                .as("every visit reached the read model").isEqualTo(STATIONS.size());
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }
}
