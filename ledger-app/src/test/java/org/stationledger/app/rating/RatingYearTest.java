package org.stationledger.app.rating;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/**
 * A whole year for two stations over HTTP: findings (one a veto), withdrawal, close, appeals upheld and dismissed,
 * final ratings, a late appeal and a correction as revisions — and every number of the rating history checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RatingYearTest extends IntegrationTest {

    /** A past year, so that every observation lies before the moment it is recorded. */
    private static final int YEAR = 2024;
    private static final String ZJL = "SY-SH-ZJL";
    private static final String HC = "SY-SH-HC";
    private static final String RATINGS = "/api/stations/%s/ratings/" + YEAR;
    /** Findings are observed before they are recorded, by the ledger's clock (today's: the year is only a label). */
    private static final String OBSERVED = Instant.now().minus(Duration.ofHours(1)).toString();

    private Api coord;
    private Api crim;
    private Api pubsec;
    private Api disc;
    private String crimAtZjl;
    private String crimAtHc;
    private String pubsecAtZjl;
    private String discAtHc;
    private String f1;
    private String f2;
    private String f3;
    private String f4;
    /** What the live view showed, and when: point-in-time answers must match these exactly. */
    private final Map<Instant, JsonNode> liveViews = new LinkedHashMap<>();

    @BeforeAll
    void aPublishedSchemeAndAnApprovedPlan() {
        coord = as("coord");
        crim = as("crim");
        pubsec = as("pubsec");
        disc = as("disc");
        List.of("CRIMINAL-INVESTIGATION", "PUBLIC-SECURITY", "DISCIPLINE-INSPECTION", "TRAFFIC")
                .forEach(this::ensureDepartment);
        ensureStation(ZJL, "URBAN");
        ensureStation(HC, "SCENIC_AREA");
        ok(coord.post("/api/cycles", Map.of("year", YEAR, "commentWindowDays", 10)));
        ok(crim.post("/api/cycles/" + YEAR + "/indicators", indicator("CRIM-24", 60, "SCORED")));
        ok(pubsec.post("/api/cycles/" + YEAR + "/indicators", indicator("PS-24", 40, "SCORED")));
        ok(disc.post("/api/cycles/" + YEAR + "/indicators", indicator("DISC-VETO-24", 0, "VETO")));
        ok(coord.post("/api/cycles/" + YEAR + "/publish"));
        ok(crim.post("/api/cycles/" + YEAR + "/plan-items", item("PI-24-CRIM", List.of(ZJL, HC), "03-01", "03-31",
                "COMPREHENSIVE", "CRIM-24")));
        ok(pubsec.post("/api/cycles/" + YEAR + "/plan-items", item("PI-24-PS", List.of(ZJL, HC), "03-10", "04-10",
                "THEMATIC", "PS-24")));
        ok(disc.post("/api/cycles/" + YEAR + "/plan-items", item("PI-24-DISC", List.of(HC), "05-01", "05-31",
                "THEMATIC", "DISC-VETO-24")));
        ok(coord.post("/api/cycles/" + YEAR + "/plan/approve", Map.of()));
        crimAtZjl = inspect(crim, ZJL, "03-15", "PI-24-CRIM");
        crimAtHc = inspect(crim, HC, "03-16", "PI-24-CRIM");
        pubsecAtZjl = inspect(pubsec, ZJL, "03-15", "PI-24-PS");
        discAtHc = inspect(disc, HC, "05-05", "PI-24-DISC");
    }

    @Test
    @Order(1)
    void departmentsRecordFindingsOnlyInTheirOwnAuthorisedInspectionsAndOwnIndicators() {
        f1 = finding(crim, crimAtZjl, "CRIM-24", "3", "Case files incomplete");
        f2 = finding(crim, crimAtZjl, "CRIM-24", "2.5", "Evidence log unsigned");
        f3 = finding(pubsec, pubsecAtZjl, "PS-24", "4", "Community visits not logged");
        f4 = finding(crim, crimAtHc, "CRIM-24", "10", "Unregistered case at the scenic area");
        finding(disc, discAtHc, "DISC-VETO-24", "0", "Auxiliary officer took money from a vendor");

        long before = eventCount();
        refused(crim.post("/api/inspections/" + pubsecAtZjl + "/findings", body("CRIM-24", "1")), 403, "not-inspection-owner");
        refused(crim.post("/api/inspections/" + crimAtZjl + "/findings", body("PS-24", "1")), 403, "not-indicator-owner");
        refused(crim.post("/api/inspections/" + crimAtZjl + "/findings", body("CRIM-24", "61")), 422, "deduction-out-of-range");
        refused(crim.post("/api/inspections/" + crimAtZjl + "/findings", Map.of("indicatorId", "CRIM-24",
                "deduction", 1, "note", "seen tomorrow", "observedAt", Instant.now().plus(Duration.ofDays(1)).toString())),
                422, "observed-in-future");
        var blocked = crim.post("/api/inspections", Map.of("stationId", HC, "date", YEAR + "-09-01"));
        refused(crim.post("/api/inspections/" + blocked.text("inspectionId") + "/findings", body("CRIM-24", "1")),
                409, "inspection-not-authorised");
        refused(pubsec.post("/api/findings/" + f1 + "/withdraw", Map.of("reason", "not mine")), 403, "not-finding-owner");
        assertThat(eventCount()).as("only the blocked request was recorded").isEqualTo(before + 1);

        ok(crim.post("/api/findings/" + f2 + "/withdraw", Map.of("reason", "The log was signed after all")));
        refused(crim.post("/api/findings/" + f2 + "/withdraw", Map.of("reason", "again")), 409, "finding-withdrawn");
    }

    @Test
    @Order(2)
    void theLiveRatingShowsScoreBandVetoBreakdownFindingsAndWhatNobodyInspected() {
        JsonNode zjl = coord.get(RATINGS.formatted(ZJL)).body();
        assertThat(zjl.path("status").asText()).isEqualTo("PROVISIONAL");
        assertThat(zjl.path("score").decimalValue()).isEqualByComparingTo("93");
        assertThat(zjl.path("eligibleGrade").asText()).isEqualTo("LEVEL_2");
        assertThat(zjl.path("veto").asBoolean()).isFalse();
        JsonNode cases = indicatorOf(zjl, "CRIM-24");
        assertThat(cases.path("maxPoints").asInt()).isEqualTo(60);
        assertThat(cases.path("deductions").decimalValue()).isEqualByComparingTo("3");
        assertThat(cases.path("score").decimalValue()).isEqualByComparingTo("57");
        assertThat(indicatorOf(zjl, "PS-24").path("score").decimalValue()).isEqualByComparingTo("36");
        assertThat(zjl.path("unassessedIndicators")).extracting(JsonNode::asText).containsExactly("DISC-VETO-24");
        assertThat(departmentOf(zjl, "CRIMINAL-INVESTIGATION").path("score").decimalValue()).isEqualByComparingTo("57");
        assertThat(zjl.path("findings")).hasSize(3);
        JsonNode withdrawn = findingOf(zjl, f2);
        assertThat(withdrawn.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.path("inspectionId").asText()).isEqualTo(crimAtZjl);
        assertThat(withdrawn.path("observedAt").asText()).isNotBlank();
        assertThat(withdrawn.path("recordedAt").asText()).isNotBlank();
        assertThat(zjl.path("inspections")).hasSize(2);

        JsonNode hc = coord.get(RATINGS.formatted(HC)).body();
        assertThat(hc.path("score").decimalValue()).isEqualByComparingTo("90");
        assertThat(hc.path("veto").asBoolean()).isTrue();
        assertThat(hc.path("eligibleGrade").asText()).isEqualTo("LEVEL_5");
        assertThat(hc.path("unassessedIndicators")).extracting(JsonNode::asText).containsExactly("PS-24");
        rememberLiveView();
    }

    @Test
    @Order(3)
    void eachCallerSeesOnlyTheRatingsItMay() {
        assertThat(as("zjl").get(RATINGS.formatted(ZJL)).status()).isEqualTo(200);
        assertThat(as("zjl").get(RATINGS.formatted(HC)).status()).as("station A cannot read station B").isEqualTo(403);
        assertThat(as("zjl").get("/api/stations/" + HC + "/ratings").status()).isEqualTo(403);
        assertThat(pubsec.get(RATINGS.formatted(ZJL)).status()).as("it inspected ZJL this year").isEqualTo(200);
        assertThat(as("traffic").get(RATINGS.formatted(ZJL)).status()).as("it inspected nothing").isEqualTo(403);
        assertThat(as("audit").get(RATINGS.formatted(HC)).status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void closingFreezesFindingsAndMakesDrafts() {
        ok(coord.post("/api/cycles/" + YEAR + "/close"));
        refused(crim.post("/api/inspections/" + crimAtZjl + "/findings", body("CRIM-24", "1")), 409, "cycle-closed");
        refused(crim.post("/api/findings/" + f1 + "/withdraw", Map.of("reason", "late")), 409, "cycle-closed");
        JsonNode zjl = as("zjl").get(RATINGS.formatted(ZJL)).body();
        assertThat(zjl.path("status").asText()).isEqualTo("DRAFT");
        assertThat(zjl.path("draft").path("score").decimalValue()).isEqualByComparingTo("93");
        assertThat(zjl.path("draft").path("eligibleGrade").asText()).isEqualTo("LEVEL_2");
        rememberLiveView();
    }

    @Test
    @Order(5)
    void appealsAreUpheldOrDismissedAndFinalisingWaitsForThem() {
        var appeal = as("zjl").post(RATINGS.formatted(ZJL) + "/appeals",
                Map.of("grounds", "The case files were complete; the inspector missed a binder.", "findingIds", List.of(f1)));
        assertThat(appeal.status()).as(appeal.toString()).isEqualTo(201);
        refused(as("zjl").post(RATINGS.formatted(HC) + "/appeals", Map.of("grounds", "x", "findingIds", List.of(f4))),
                403, "forbidden-scope");
        assertThat(as("zjl").get(RATINGS.formatted(ZJL)).body().path("status").asText()).isEqualTo("UNDER_APPEAL");
        refused(coord.post(RATINGS.formatted(ZJL) + "/finalise", Map.of()), 409, "appeal-pending");
        refused(coord.post(RATINGS.formatted(ZJL) + "/appeals/" + appeal.text("appealId") + "/decision",
                Map.of("uphold", true, "withdrawFindingIds", List.of(f3), "reason", "x")), 422, "finding-not-disputed");
        ok(coord.post(RATINGS.formatted(ZJL) + "/appeals/" + appeal.text("appealId") + "/decision",
                Map.of("uphold", true, "reduce", List.of(Map.of("findingId", f1, "deduction", 1)),
                        "reason", "One binder was missed; the deduction is reduced to 1")));

        var hcAppeal = as("hc").post(RATINGS.formatted(HC) + "/appeals",
                Map.of("grounds", "The case was registered the next day.", "findingIds", List.of(f4)));
        ok(coord.post(RATINGS.formatted(HC) + "/appeals/" + hcAppeal.text("appealId") + "/decision",
                Map.of("uphold", false, "reason", "Registration must be immediate")));

        JsonNode zjl = as("zjl").get(RATINGS.formatted(ZJL)).body();
        assertThat(zjl.path("status").asText()).isEqualTo("DRAFT");
        assertThat(zjl.path("score").decimalValue()).isEqualByComparingTo("95");
        assertThat(zjl.path("eligibleGrade").asText()).isEqualTo("LEVEL_1");
        JsonNode reduced = findingOf(zjl, f1);
        assertThat(reduced.path("status").asText()).isEqualTo("REDUCED");
        assertThat(reduced.path("deduction").decimalValue()).isEqualByComparingTo("1");
        assertThat(reduced.path("originalDeduction").decimalValue()).isEqualByComparingTo("3");
        assertThat(zjl.path("appeals").get(0).path("status").asText()).isEqualTo("UPHELD");
        rememberLiveView();
    }

    @Test
    @Order(6)
    void exactlyOneFinalRatingWithTheEligibleGradeOrALowerOneNeverHigher() {
        ok(coord.post(RATINGS.formatted(ZJL) + "/finalise", Map.of("grade", "LEVEL_1")));
        refused(coord.post(RATINGS.formatted(ZJL) + "/finalise", Map.of()), 409, "already-final");
        refused(coord.post(RATINGS.formatted(HC) + "/finalise", Map.of("grade", "LEVEL_4", "reason", "generous")),
                422, "grade-above-eligible");
        ok(coord.post(RATINGS.formatted(HC) + "/finalise", Map.of()));

        JsonNode hc = as("hc").get(RATINGS.formatted(HC)).body();
        assertThat(hc.path("status").asText()).isEqualTo("FINAL");
        assertThat(hc.path("grade").asText()).isEqualTo("LEVEL_5");
        assertThat(hc.path("final").path("score").decimalValue()).isEqualByComparingTo("90");
        assertThat(hc.path("final").path("veto").asBoolean()).isTrue();
        rememberLiveView();
    }

    @Test
    @Order(7)
    void laterChangesAreRevisionsCitingTheirCause() {
        var lateAppeal = as("zjl").post(RATINGS.formatted(ZJL) + "/appeals",
                Map.of("grounds", "Visits were logged on paper.", "findingIds", List.of(f3)));
        assertThat(lateAppeal.status()).isEqualTo(201);
        ok(coord.post(RATINGS.formatted(ZJL) + "/appeals/" + lateAppeal.text("appealId") + "/decision",
                Map.of("uphold", true, "withdrawFindingIds", List.of(f3), "reason", "Paper log accepted")));
        assertThat(as("zjl").get(RATINGS.formatted(ZJL)).body().path("grade").asText())
                .as("an upheld late appeal changes nothing until the revision").isEqualTo("LEVEL_1");
        refused(coord.post(RATINGS.formatted(ZJL) + "/revise", Map.of("cause", "UPHELD_APPEAL", "reason", "no appeal named")),
                422, "no-upheld-late-appeal");
        ok(coord.post(RATINGS.formatted(ZJL) + "/revise", Map.of("cause", "UPHELD_APPEAL",
                "appealId", lateAppeal.text("appealId"), "reason", "Finding withdrawn on appeal")));
        ok(coord.post(RATINGS.formatted(ZJL) + "/revise", Map.of("cause", "CORRECTION", "grade", "LEVEL_2",
                "reason", "Ordered by the bureau: a disciplinary matter came to light")));

        clock.advance(Duration.ofDays(11));
        try {
            refused(as("hc").post(RATINGS.formatted(HC) + "/appeals",
                    Map.of("grounds", "late", "findingIds", List.of(f4))), 409, "comment-window-closed");
        } finally {
            clock.reset();
        }
    }

    @Test
    @Order(8)
    void theRatingHistoryHoldsEveryVersion() {
        JsonNode history = as("zjl").get("/api/stations/" + ZJL + "/ratings").body();
        JsonNode year = null;
        for (JsonNode entry : history) {
            if (entry.path("year").asInt() == YEAR) {
                year = entry;
            }
        }
        assertThat(year).as(history.toString()).isNotNull();
        assertThat(year.path("status").asText()).isEqualTo("REVISED");
        assertThat(year.path("score").decimalValue()).isEqualByComparingTo("99");
        assertThat(year.path("grade").asText()).isEqualTo("LEVEL_2");
        JsonNode revisions = year.path("revisions");
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(0).path("revision").asInt()).isEqualTo(1);
        assertThat(revisions.get(0).path("cause").asText()).isEqualTo("UPHELD_APPEAL");
        assertThat(revisions.get(0).path("score").decimalValue()).isEqualByComparingTo("99");
        assertThat(revisions.get(0).path("grade").asText()).isEqualTo("LEVEL_1");
        assertThat(revisions.get(1).path("cause").asText()).isEqualTo("CORRECTION");
        assertThat(revisions.get(1).path("grade").asText()).isEqualTo("LEVEL_2");
        assertThat(revisions.get(1).path("eligibleGrade").asText()).isEqualTo("LEVEL_1");

        JsonNode detail = as("zjl").get(RATINGS.formatted(ZJL)).body();
        assertThat(detail.path("final").path("grade").asText()).isEqualTo("LEVEL_1");
        assertThat(detail.path("final").path("score").decimalValue()).isEqualByComparingTo("95");
        assertThat(detail.path("draft").path("score").decimalValue()).isEqualByComparingTo("93");
        assertThat(detail.path("revisions")).hasSize(2);
        assertThat(detail.path("appeals")).hasSize(2);

        JsonNode hcHistory = as("hc").get("/api/stations/" + HC + "/ratings").body();
        assertThat(hcHistory.toString()).contains("\"status\":\"FINAL\"").contains("LEVEL_5");
    }

    @Test
    @Order(9)
    void anAuditorSeesTheRatingExactlyAsItStoodAtAnyPastMoment() {
        Api audit = as("audit");
        assertThat(liveViews).hasSize(4);
        liveViews.forEach((moment, shown) -> {
            var then = audit.get("/api/audit/stations/" + ZJL + "/ratings/" + YEAR + "?asOf=" + moment);
            assertThat(then.status()).as(then.toString()).isEqualTo(200);
            assertThat(then.body()).as("as of " + moment).isEqualTo(shown);
        });
        Instant beforeTheYear = liveViews.keySet().iterator().next().minus(Duration.ofDays(3650));
        assertThat(audit.get("/api/audit/stations/" + ZJL + "/ratings/" + YEAR + "?asOf=" + beforeTheYear).status())
                .isEqualTo(404);
        assertThat(as("zjl").get("/api/audit/stations/" + ZJL + "/ratings/" + YEAR + "?asOf=" + Instant.now()).status())
                .isEqualTo(403);
        assertThat(audit.get("/api/audit/stations/" + ZJL + "/ratings/" + YEAR + "?asOf=yesterday").status())
                .isEqualTo(400);
    }

    private void rememberLiveView() {
        JsonNode shown = coord.get(RATINGS.formatted(ZJL)).body();
        liveViews.put(Instant.now(), shown);
    }

    private String inspect(Api department, String station, String monthDay, String planItemId) {
        var response = department.post("/api/inspections",
                Map.of("stationId", station, "date", YEAR + "-" + monthDay, "planItemId", planItemId));
        assertThat(response.text("status")).as(response.toString()).isEqualTo("AUTHORISED");
        return response.text("inspectionId");
    }

    private String finding(Api department, String inspectionId, String indicator, String deduction, String note) {
        var response = department.post("/api/inspections/" + inspectionId + "/findings",
                Map.of("indicatorId", indicator, "deduction", deduction, "note", note, "evidenceRef", "photo-" + note.length(),
                        "observedAt", OBSERVED));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.text("findingId");
    }

    private static Map<String, Object> body(String indicator, String deduction) {
        return Map.of("indicatorId", indicator, "deduction", deduction, "note", "n", "observedAt", OBSERVED);
    }

    private static Map<String, Object> indicator(String id, int points, String kind) {
        return Map.of("indicatorId", id, "title", "Indicator " + id, "maxPoints", points, "kind", kind);
    }

    private static Map<String, Object> item(String id, List<String> stations, String from, String to, String kind,
                                            String indicator) {
        return Map.of("planItemId", id, "stationIds", stations, "from", YEAR + "-" + from, "to", YEAR + "-" + to,
                "kind", kind, "indicatorIds", List.of(indicator));
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }

    private static void refused(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("code")).isEqualTo(code);
    }

    private static JsonNode indicatorOf(JsonNode rating, String id) {
        return find(rating.path("indicators"), "indicatorId", id);
    }

    private static JsonNode departmentOf(JsonNode rating, String id) {
        return find(rating.path("departments"), "departmentId", id);
    }

    private static JsonNode findingOf(JsonNode rating, String id) {
        return find(rating.path("findings"), "findingId", id);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.path(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }
}
