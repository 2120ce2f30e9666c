package org.stationledger.app.burden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stationledger.app.burden.DashboardAgainstTrail.assertInspections;
import static org.stationledger.app.burden.DashboardAgainstTrail.assertStation;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;
import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionCategory;
import org.stationledger.events.rating.Grade;

/**
 * A generated year (a seeded Random: six departments, twelve stations, a plan merged into joint visits, requests
 * of every outcome, findings, final and draft ratings, documents and meetings, one station registered and one
 * decommissioned while documents go out) played through the HTTP API. Then every figure of the burden dashboard
 * and of every report is counted again straight from the event trail and compared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BurdenLedgerTest extends IntegrationTest {

    private static final int YEAR = 2021;
    /** The year of the 69%, 70% and 71% departments. */
    private static final int BOUNDARY_YEAR = 2022;
    /** Department id to its user, as in application.yml. */
    private static final Map<String, String> USERS = new LinkedHashMap<>();
    /** Department id to its 2018 baseline: documents, meetings. */
    private static final Map<String, int[]> BASELINES = new LinkedHashMap<>();
    private static final String LATE_STATION = "B45-07";
    private static final String CLOSED_STATION = "B45-06";
    private static final List<String> DRAFT_STATIONS = List.of("ZW-MTH", "XM-HT", "B45-03");
    private static final String[][] SLOTS = {{"2021-03-01", "2021-03-31"}, {"2021-06-01", "2021-06-30"},
            {"2021-09-01", "2021-09-30"}};

    static {
        USERS.put("COMMAND-CENTRE", "command");
        USERS.put("CRIMINAL-INVESTIGATION", "crim");
        USERS.put("DISCIPLINE-INSPECTION", "disc");
        USERS.put("LEGAL-AFFAIRS", "legal");
        USERS.put("PUBLIC-SECURITY", "pubsec");
        USERS.put("TRAFFIC", "traffic");
        BASELINES.put("COMMAND-CENTRE", new int[]{8, 5});
        BASELINES.put("CRIMINAL-INVESTIGATION", new int[]{100, 40});
        BASELINES.put("DISCIPLINE-INSPECTION", new int[]{12, 6});
        BASELINES.put("LEGAL-AFFAIRS", new int[]{20, 10});
        BASELINES.put("PUBLIC-SECURITY", new int[]{100, 40});
        BASELINES.put("TRAFFIC", new int[]{100, 40});
    }

    private final Random random = new Random(YEAR);
    private final Map<String, String> kinds = new LinkedHashMap<>();
    /** Plan item id to its department and stations. */
    private final Map<String, List<String>> itemStations = new LinkedHashMap<>();
    private final Map<String, String> itemDepartment = new LinkedHashMap<>();
    private final Map<String, String> itemSlot = new HashMap<>();
    private final List<String[]> authorised = new ArrayList<>();
    private Api coord;

    @BeforeAll
    void aGeneratedYear() {
        coord = as("coord");
        USERS.keySet().forEach(this::ensureDepartment);
        kinds.put("SY-SH-ZJL", "URBAN");
        kinds.put("SY-SH-HC", "SCENIC_AREA");
        kinds.put("SY-SB-SFS", "RURAL");
        kinds.put("ZW-MTH", "RURAL");
        kinds.put("XM-HT", "RURAL");
        String[] moreKinds = {"URBAN", "SUBURBAN", "RURAL", "BORDER", "SUBURBAN", "URBAN", "OTHER"};
        for (int i = 1; i <= 7; i++) {
            kinds.put(String.format("B45-%02d", i), moreKinds[i - 1]);
        }
        kinds.forEach((station, kind) -> {
            if (!station.equals(LATE_STATION)) {
                ensureStation(station, kind);
            }
        });
        BASELINES.forEach((department, baseline) -> created(coord.post("/api/burden/baselines",
                Map.of("departmentId", department, "documents", baseline[0], "meetings", baseline[1]))));

        schemeAndPlan();
        requests();
        documentsAndMeetings();
        ok(coord.post("/api/cycles/" + YEAR + "/close"));
        for (String station : kinds.keySet()) {
            // The station decommissioned during the year has no draft, and so nothing to finalise.
            if (!DRAFT_STATIONS.contains(station) && !station.equals(CLOSED_STATION)) {
                ok(coord.post("/api/stations/" + station + "/ratings/" + YEAR + "/finalise"));
            }
        }
    }

    private void schemeAndPlan() {
        created(coord.post("/api/cycles", Map.of("year", YEAR, "visitCap", SLOTS.length)));
        indicator("CRIMINAL-INVESTIGATION", 25, "SCORED");
        indicator("PUBLIC-SECURITY", 25, "SCORED");
        indicator("TRAFFIC", 10, "SCORED");
        indicator("LEGAL-AFFAIRS", 20, "SCORED");
        indicator("COMMAND-CENTRE", 20, "SCORED");
        indicator("DISCIPLINE-INSPECTION", 0, "VETO");
        ok(coord.post("/api/cycles/" + YEAR + "/publish"));
        List<String> early = kinds.keySet().stream().filter(station -> !station.equals(LATE_STATION)).toList();
        for (String department : USERS.keySet()) {
            planItem(department, "P45-" + department + "-A", "COMPREHENSIVE", pick(early, 3, 6), random.nextInt(3));
        }
        for (String department : List.of("CRIMINAL-INVESTIGATION", "PUBLIC-SECURITY", "LEGAL-AFFAIRS")) {
            planItem(department, "P45-" + department + "-B", "THEMATIC", pick(early, 2, 4), random.nextInt(3));
        }
        ok(coord.post("/api/cycles/" + YEAR + "/plan/approve", Map.of("rejected",
                List.of(Map.of("planItemId", "P45-LEGAL-AFFAIRS-B", "reason", "One legal visit a year is enough")))));
        // Proposed after the approval and never approved: requests citing it wait for nothing.
        planItem("TRAFFIC", "P45-TRAFFIC-LATE", "THEMATIC", pick(early, 1, 2), 2);
    }

    private void requests() {
        for (var item : itemStations.entrySet()) {
            String department = itemDepartment.get(item.getKey());
            if (item.getKey().equals("P45-LEGAL-AFFAIRS-B") || item.getKey().endsWith("-LATE")) {
                continue;
            }
            String[] slot = SLOTS[Integer.parseInt(itemSlot.get(item.getKey()))];
            for (String station : item.getValue()) {
                if (random.nextInt(10) < 8) {
                    String date = slot[0].substring(0, 8) + String.format("%02d", 1 + random.nextInt(28));
                    var answer = request(department, Map.of("stationId", station, "date", date, "planItemId", item.getKey()));
                    if (answer.status() == 201) {
                        authorised.add(new String[]{department, answer.text("inspectionId")});
                    }
                    if (random.nextInt(10) < 3) {
                        request(department, Map.of("stationId", station, "date", date, "planItemId", item.getKey()));
                    }
                }
                if (random.nextInt(10) < 2) {
                    request(department, Map.of("stationId", station, "date", "2021-12-15", "planItemId", item.getKey()));
                }
            }
        }
        List<String> stations = List.copyOf(kinds.keySet()).subList(0, 11);
        List<String> departments = List.copyOf(USERS.keySet());
        for (int i = 0; i < 6; i++) {
            request(any(departments), Map.of("stationId", any(stations), "date", date()));
        }
        for (int i = 0; i < 3; i++) {
            request("LEGAL-AFFAIRS", Map.of("stationId", any(itemStations.get("P45-LEGAL-AFFAIRS-B")), "date", date(),
                    "planItemId", "P45-LEGAL-AFFAIRS-B"));
            request("TRAFFIC", Map.of("stationId", any(itemStations.get("P45-TRAFFIC-LATE")), "date", date(),
                    "planItemId", "P45-TRAFFIC-LATE"));
        }
        for (int i = 0; i < 4; i++) {
            String item = "P45-" + any(departments) + "-A";
            String other = departments.stream().filter(d -> !d.equals(itemDepartment.get(item))).toList()
                    .get(random.nextInt(departments.size() - 1));
            request(other, Map.of("stationId", any(itemStations.get(item)), "date", date(), "planItemId", item));
            String own = "P45-" + any(departments) + "-A";
            List<String> outside = stations.stream().filter(s -> !itemStations.get(own).contains(s)).toList();
            request(itemDepartment.get(own), Map.of("stationId", any(outside), "date", date(), "planItemId", own));
        }
        ExceptionCategory[] categories = ExceptionCategory.values();
        for (int i = 0; i < 9; i++) {
            var pending = request(any(departments), Map.of("stationId", any(stations), "date", date(),
                    "exception", Map.of("category", categories[random.nextInt(categories.length)].name(),
                            "justification", "Grounds number " + i)));
            if (i % 3 < 2) {
                ok(coord.post("/api/inspections/" + pending.text("inspectionId") + "/exception-decision",
                        Map.of("approve", i % 3 == 0, "reason", "Decision " + i)));
            }
        }
        for (int i = 0; i < 3; i++) {
            request(any(departments), Map.of("stationId", any(stations), "date", date(),
                    "exception", Map.of("category", "ROUTINE_CHECK", "justification", "Just looking")));
        }
        findings();
    }

    private void findings() {
        Map<String, String> indicators = new HashMap<>();
        USERS.keySet().forEach(department -> indicators.put(department, "I45-" + department));
        List<String> recorded = new ArrayList<>();
        for (String[] inspection : authorised) {
            if (random.nextBoolean()) {
                boolean veto = inspection[0].equals("DISCIPLINE-INSPECTION");
                var answer = as(USERS.get(inspection[0])).post("/api/inspections/" + inspection[1] + "/findings",
                        Map.of("indicatorId", indicators.get(inspection[0]),
                                "deduction", veto ? "0" : List.of("0.5", "1", "2", "3.5", "5", "8").get(random.nextInt(6)),
                                "note", "Finding", "observedAt", Instant.now().minusSeconds(3600).toString()));
                created(answer);
                recorded.add(inspection[0] + "/" + answer.text("findingId"));
            }
        }
        String[] withdrawn = recorded.get(0).split("/");
        ok(as(USERS.get(withdrawn[0])).post("/api/findings/" + withdrawn[1] + "/withdraw",
                Map.of("reason", "Recorded against the wrong station")));
    }

    /** Documents and meetings in a shuffled order; a station is registered and another decommissioned meanwhile. */
    private void documentsAndMeetings() {
        int[][] documentRange = {{3, 8}, {3, 8}, {5, 12}, {8, 18}, {3, 8}, {3, 8}};
        int[][] meetingRange = {{2, 5}, {1, 4}, {2, 6}, {3, 9}, {1, 4}, {1, 4}};
        List<String[]> demands = new ArrayList<>();
        int d = 0;
        for (String department : USERS.keySet()) {
            int documents = between(documentRange[d]);
            for (int i = 0; i < documents; i++) {
                demands.add(new String[]{department, "documents", "D45-" + department + "-" + i});
            }
            int meetings = between(meetingRange[d++]);
            for (int i = 0; i < meetings; i++) {
                demands.add(new String[]{department, "meetings", "M45-" + department + "-" + i});
            }
        }
        Collections.shuffle(demands, random);
        List<String> registered = new ArrayList<>(kinds.keySet());
        registered.remove(LATE_STATION);
        for (int i = 0; i < demands.size(); i++) {
            if (i == demands.size() / 2) {
                ensureStation(LATE_STATION, kinds.get(LATE_STATION));
                registered.add(LATE_STATION);
            }
            if (i == demands.size() * 3 / 4) {
                ok(coord.post("/api/stations/" + CLOSED_STATION + "/decommission", Map.of("reason", "Merged")));
                registered.remove(CLOSED_STATION);
            }
            String[] demand = demands.get(i);
            Map<String, Object> body = new HashMap<>(Map.of("id", demand[2], "title", "Notice " + demand[2], "date", date()));
            if (random.nextInt(10) < 3) {
                body.put("allStations", true);
            } else {
                body.put("stationIds", pick(registered, 1, 4));
            }
            created(as(USERS.get(demand[0])).post("/api/burden/" + demand[1], body));
        }
    }

    @Test
    @Order(1)
    void refusedRecordsWriteNothingAndSayWhy() {
        long before = eventCount();
        Api crim = as("crim");
        assertProblem(coord.post("/api/burden/baselines", Map.of("departmentId", "TRAFFIC", "documents", 1, "meetings", 1)),
                409, "duplicate-baseline");
        assertProblem(coord.post("/api/burden/baselines", Map.of("departmentId", "NOBODY", "documents", 1, "meetings", 1)),
                422, "unknown-department");
        assertProblem(coord.post("/api/burden/baselines", Map.of("departmentId", "TRAFFIC", "documents", -1, "meetings", 1)),
                400, "invalid-request");
        assertProblem(crim.post("/api/burden/baselines", Map.of("departmentId", "TRAFFIC", "documents", 1, "meetings", 1)),
                403, "forbidden-role");
        String existing = "D45-CRIMINAL-INVESTIGATION-0";
        assertProblem(crim.post("/api/burden/documents", Map.of("id", existing, "title", "Again", "date", "2021-05-05",
                "allStations", true)), 409, "duplicate-document");
        assertProblem(crim.post("/api/burden/documents", Map.of("id", "D45-X", "title", "To nobody", "date", "2021-05-05",
                "stationIds", List.of("SY-SH-ZJL", "NO-SUCH-STATION"))), 422, "unknown-station");
        assertProblem(crim.post("/api/burden/documents", Map.of("id", "D45-X", "title", "To a closed station",
                "date", "2021-05-05", "stationIds", List.of(CLOSED_STATION))), 422, "unknown-station");
        assertProblem(crim.post("/api/burden/documents", Map.of("id", "D45-X", "title", "Both", "date", "2021-05-05",
                "allStations", true, "stationIds", List.of("SY-SH-ZJL"))), 400, "stations-or-all");
        assertProblem(crim.post("/api/burden/meetings", Map.of("id", "M45-X", "title", "Neither", "date", "2021-05-05")),
                400, "stations-or-all");
        assertProblem(crim.post("/api/burden/meetings", Map.of("id", "M45-X", "title", "Baseline year",
                "date", "2018-05-05", "allStations", true)), 422, "date-out-of-range");
        assertProblem(crim.post("/api/burden/meetings", Map.of("id", "M45-X", "title", "x", "date", "not a date",
                "allStations", true)), 400, "malformed-request");
        assertProblem(crim.post("/api/burden/meetings", Map.of("id", "bad id", "title", "x", "date", "2021-05-05",
                "allStations", true)), 400, "invalid-request");
        assertProblem(crim.post("/api/burden/documents", Map.of("id", "D45-Y", "title", "x", "date", "2021-05-05",
                "allStations", true, "departmentId", "TRAFFIC")), 400, "malformed-request");
        assertProblem(coord.post("/api/burden/documents", Map.of("id", "D45-Z", "title", "x", "date", "2021-05-05",
                "allStations", true)), 403, "forbidden-role");
        assertProblem(as("zjl").post("/api/burden/meetings", Map.of("id", "M45-Z", "title", "x", "date", "2021-05-05",
                "allStations", true)), 403, "forbidden-role");
        assertProblem(coord.post("/api/reports/" + YEAR + "/no-such-report/publish"), 404, "unknown-report");
        assertProblem(as("audit").post("/api/reports/" + YEAR + "/burden/publish"), 403, "forbidden-role");
        assertThat(eventCount()).as("no refused request wrote an event").isEqualTo(before);
    }

    @Test
    @Order(2)
    void theYearHasEveryKindOfOutcome() {
        EventTrail trail = new EventTrail(jdbc, YEAR);
        assertThat(trail.requests(null, null, null, null, null)).isGreaterThanOrEqualTo(60);
        assertThat(trail.requests(null, null, "AUTHORISED", null, null)).isPositive();
        assertThat(trail.requests(null, null, "PENDING_EXCEPTION", null, null)).isPositive();
        for (String reason : List.of("NOT_IN_PLAN", "PLAN_NOT_APPROVED", "NOT_ITEM_OWNER", "STATION_NOT_IN_ITEM",
                "OUTSIDE_WINDOW", "VISIT_ALREADY_USED", "NO_EXEMPTION_GROUNDS", "EXCEPTION_REFUSED")) {
            assertThat(trail.requests(null, null, "BLOCKED", reason, null)).as(reason).isPositive();
        }
        assertThat(trail.jointVisits()).isPositive();
        assertThat(trail.count("DocumentIssued")).isGreaterThan(20);
        assertThat(trail.count("MeetingConvened")).isGreaterThan(10);
        assertThat(trail.count("AppealUpheld")).as("the trail's own grading below leaves appeals out").isZero();
    }

    @Test
    @Order(3)
    void everyFigureOfTheDashboardIsTheEventTrailsCount() {
        EventTrail trail = new EventTrail(jdbc, YEAR);
        for (String reader : List.of("coord", "audit")) {
            JsonNode dashboard = json(as(reader).get("/api/burden/" + YEAR));
            assertThat(dashboard.path("baseYear").asInt()).isEqualTo(2018);
            assertThat(dashboard.path("visitCap").asInt()).isEqualTo(SLOTS.length);
            Map<String, String> departments = trail.departments();
            assertThat(dashboard.path("departments")).extracting(row -> row.path("departmentId").asText())
                    .containsExactlyElementsOf(departments.keySet());
            for (JsonNode row : dashboard.path("departments")) {
                assertDepartment(trail, row);
            }
            assertThat(dashboard.path("stations")).extracting(row -> row.path("stationId").asText())
                    .containsExactlyElementsOf(trail.stationKinds().keySet());
            for (JsonNode row : dashboard.path("stations")) {
                assertStation(trail, row);
            }
            assertTotals(trail, dashboard.path("totals"));
        }
    }

    @Test
    @Order(4)
    void eachCallerSeesItsOwnRowAndTheTotals() {
        JsonNode all = json(coord.get("/api/burden/" + YEAR));
        JsonNode crim = json(as("crim").get("/api/burden/" + YEAR));
        assertThat(crim.path("departments")).hasSize(1);
        assertThat(crim.path("departments").get(0).path("departmentId").asText()).isEqualTo("CRIMINAL-INVESTIGATION");
        assertThat(crim.path("stations")).isEmpty();
        assertThat(crim.path("totals")).isEqualTo(all.path("totals"));
        JsonNode zjl = json(as("zjl").get("/api/burden/" + YEAR));
        assertThat(zjl.path("departments")).isEmpty();
        assertThat(zjl.path("stations")).hasSize(1);
        assertThat(zjl.path("stations").get(0).path("stationId").asText()).isEqualTo("SY-SH-ZJL");
        assertThat(zjl.path("totals")).isEqualTo(all.path("totals"));
        assertProblem(coord.get("/api/burden/1999"), 400, "invalid-request");
    }

    @Test
    @Order(5)
    void everyReportReconcilesWithTheEventTrail() {
        EventTrail trail = new EventTrail(jdbc, YEAR);

        CsvReport inspections = csv(coord, "inspections-by-department", "");
        for (String department : trail.departments().keySet()) {
            Map<String, String> row = inspections.row("Requests by department", department);
            assertThat(row.get("requests")).isEqualTo(n(trail.requests(department, null, null, null, null)));
            assertThat(row.get("authorised")).isEqualTo(n(trail.requests(department, null, "AUTHORISED", null, null)));
            assertThat(row.get("blocked")).isEqualTo(n(trail.requests(department, null, "BLOCKED", null, null)));
            assertThat(row.get("pending exceptions"))
                    .isEqualTo(n(trail.requests(department, null, "PENDING_EXCEPTION", null, null)));
            assertThat(row.get("exceptions")).isEqualTo(n(trail.exceptions(department)));
            assertThat(row.get("joint visits")).isEqualTo(n(trail.jointVisitsByDepartment().getOrDefault(department, 0L)));
        }
        Map<String, String> all = inspections.row("Requests by department", "all");
        assertThat(all.get("requests")).isEqualTo(n(trail.requests(null, null, null, null, null)));
        assertThat(all.get("joint visits")).isEqualTo(n(trail.jointVisits()));
        for (Map<String, String> row : inspections.table("Exceptions by category")) {
            String department = row.get("department").equals("all") ? null : row.get("department");
            String category = row.get("category");
            assertThat(row.get("requested")).isEqualTo(n(trail.requests(department, null, null, null, category)));
            assertThat(row.get("approved")).isEqualTo(n(trail.requests(department, null, "AUTHORISED", null, category)));
            assertThat(row.get("refused")).isEqualTo(n(trail.requests(department, null, "BLOCKED", null, category)));
            assertThat(row.get("pending")).isEqualTo(n(trail.requests(department, null, "PENDING_EXCEPTION", null, category)));
        }

        CsvReport blocked = csv(coord, "blocked-attempts", "");
        for (Map<String, String> row : blocked.table("Blocked attempts by department and reason")) {
            String department = row.get("department").equals("all") ? null : row.get("department");
            for (BlockReason reason : BlockReason.values()) {
                assertThat(row.get(reason.name())).as(department + " " + reason)
                        .isEqualTo(n(trail.requests(department, null, "BLOCKED", reason.name(), null)));
            }
            assertThat(row.get("blocked")).isEqualTo(n(trail.requests(department, null, "BLOCKED", null, null)));
        }
        assertThat(blocked.table("Blocked attempts by department and reason")).hasSize(trail.departments().size() + 1);

        CsvReport burden = csv(coord, "burden", "");
        Map<String, long[]> baselines = trail.baselines();
        for (String title : List.of("Documents requiring station action", "Meetings requiring station attendance")) {
            int measure = title.startsWith("Documents") ? 0 : 1;
            Map<String, Long> issued = trail.issued(measure == 0 ? "DocumentIssued" : "MeetingConvened");
            long count = 0;
            long baseline = 0;
            for (String department : trail.departments().keySet()) {
                Map<String, String> row = burden.row(title, department);
                long own = issued.getOrDefault(department, 0L);
                assertMeasure(row, own, baselines.get(department)[measure]);
                count += own;
                baseline += baselines.get(department)[measure];
            }
            assertMeasure(burden.row(title, "all"), count, baseline);
        }
        Map<String, Long> documents = trail.addressed("DocumentIssued");
        Map<String, Long> meetings = trail.addressed("MeetingConvened");
        Map<String, Long> visits = trail.visitsByStation();
        for (String station : trail.stationKinds().keySet()) {
            Map<String, String> row = burden.row("Stations", station);
            assertThat(row.get("visits")).isEqualTo(n(visits.getOrDefault(station, 0L)));
            assertThat(row.get("visit cap")).isEqualTo(n(SLOTS.length));
            assertThat(row.get("requests")).isEqualTo(n(trail.requests(null, station, null, null, null)));
            assertThat(row.get("authorised")).isEqualTo(n(trail.requests(null, station, "AUTHORISED", null, null)));
            assertThat(row.get("blocked")).isEqualTo(n(trail.requests(null, station, "BLOCKED", null, null)));
            assertThat(row.get("documents")).as(station).isEqualTo(n(documents.getOrDefault(station, 0L)));
            assertThat(row.get("meetings")).as(station).isEqualTo(n(meetings.getOrDefault(station, 0L)));
        }

        CsvReport ratings = csv(coord, "ratings-distribution", "");
        Map<String, EventTrail.Grade> grades = trail.grades();
        Map<String, Map<String, Long>> byKind = new TreeMap<>();
        Map<String, Long> byBasis = new HashMap<>();
        grades.values().forEach(grade -> {
            byKind.computeIfAbsent(grade.kind(), kind -> new HashMap<>()).merge(grade.grade(), 1L, Long::sum);
            byKind.computeIfAbsent("all", kind -> new HashMap<>()).merge(grade.grade(), 1L, Long::sum);
            byBasis.merge(grade.basis(), 1L, Long::sum);
        });
        assertThat(ratings.table("Grade by station kind")).hasSize(byKind.size());
        byKind.forEach((kind, counts) -> {
            Map<String, String> row = ratings.row("Grade by station kind", kind);
            for (Grade grade : Grade.values()) {
                assertThat(row.get(grade.name())).as(kind + " " + grade).isEqualTo(n(counts.getOrDefault(grade.name(), 0L)));
            }
        });
        assertThat(ratings.row("How the grades were reached", "FINAL").get("stations"))
                .isEqualTo(n(byBasis.getOrDefault("FINAL", 0L)));
        assertThat(ratings.row("How the grades were reached", "DRAFT").get("stations"))
                .isEqualTo(n(byBasis.getOrDefault("DRAFT", 0L)));
        assertThat(byBasis.get("DRAFT")).as("the stations left unfinalised, at least").isGreaterThanOrEqualTo(DRAFT_STATIONS.size());

        for (String station : kinds.keySet()) {
            CsvReport summary = csv(coord, "station-summary", "&stationId=" + station);
            assertThat(summary.heading().get("station")).isEqualTo(station);
            assertThat(summary.row("Station", "kind").get("value")).isEqualTo(trail.stationKinds().get(station));
            assertThat(summary.row("Station", "grade").get("value"))
                    .isEqualTo(grades.containsKey(station) ? grades.get(station).grade() : "");
            assertThat(summary.row("Station", "requests").get("value")).isEqualTo(n(trail.requests(null, station, null, null, null)));
            assertThat(summary.row("Station", "visits").get("value")).isEqualTo(n(visits.getOrDefault(station, 0L)));
            assertThat(summary.row("Station", "documents").get("value")).isEqualTo(n(documents.getOrDefault(station, 0L)));
            assertThat(summary.row("Station", "meetings").get("value")).isEqualTo(n(meetings.getOrDefault(station, 0L)));
            for (BlockReason reason : BlockReason.values()) {
                assertThat(summary.row("Blocked requests by reason", reason.name()).get("requests"))
                        .isEqualTo(n(trail.requests(null, station, "BLOCKED", reason.name(), null)));
            }
            for (Map<String, String> row : summary.table("By department")) {
                String department = row.get("department");
                assertThat(row.get("requests")).isEqualTo(n(requestsOf(trail, department, station, null)));
                assertThat(row.get("blocked")).isEqualTo(n(requestsOf(trail, department, station, "BLOCKED")));
                assertThat(row.get("documents")).isEqualTo(n(trail.addressed("DocumentIssued", station, department)));
                assertThat(row.get("meetings")).isEqualTo(n(trail.addressed("MeetingConvened", station, department)));
            }
        }
    }

    @Test
    @Order(6)
    void theWorkbookAndThePdfOpenWithTheirOwnLibrariesAndCarryTheNumbers() throws Exception {
        EventTrail trail = new EventTrail(jdbc, YEAR);
        long documents = trail.count("DocumentIssued");
        long requests = trail.requests(null, null, null, null, null);

        var xlsx = coord.download("/api/reports/" + YEAR + "/burden?format=xlsx");
        assertThat(xlsx.status()).as(xlsx.toString()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(xlsx.content()))) {
            Sheet about = workbook.getSheet("Report");
            assertThat(about.getRow(0).getCell(1).getStringCellValue()).isEqualTo("burden");
            Sheet sheet = workbook.getSheet("Documents requiring station act");
            Row header = sheet.getRow(0);
            Row total = sheet.getRow(sheet.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("all");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("count");
            assertThat((long) total.getCell(3).getNumericCellValue()).isEqualTo(documents);
            Sheet stations = workbook.getSheet("Stations");
            assertThat(stations.getLastRowNum()).isEqualTo(trail.stationKinds().size());
        }

        var pdf = coord.download("/api/reports/" + YEAR + "/inspections-by-department?format=pdf");
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        String text = pdfText(pdf.content());
        assertThat(text).contains("Inspections by department", "position " + pdf.position(), "CRIMINAL-INVESTIGATION");
        assertThat(text.split("\\s+")).contains(Long.toString(requests));

        var burdenPdf = coord.download("/api/reports/" + YEAR + "/burden?format=pdf");
        String burdenText = pdfText(burdenPdf.content());
        assertThat(burdenText).contains("Burden on stations against the 2018 baseline", "Documents requiring station action");
        assertThat(burdenText.split("\\s+")).contains(Long.toString(documents));
        for (String report : List.of("ratings-distribution", "blocked-attempts")) {
            var rendition = coord.download("/api/reports/" + YEAR + "/" + report + "?format=pdf");
            assertThat(rendition.status()).isEqualTo(200);
            assertThat(pdfText(rendition.content())).contains("year " + YEAR);
        }
        var summary = as("zjl").download("/api/reports/" + YEAR + "/station-summary?format=pdf");
        assertThat(pdfText(summary.content())).contains("Station summary: SY-SH-ZJL");
    }

    @Test
    @Order(7)
    void reportsShowEachCallerOnlyItsOwnRows() {
        CsvReport crim = csv(as("crim"), "blocked-attempts", "");
        assertThat(crim.table("Blocked attempts by department and reason"))
                .extracting(row -> row.get("department")).containsExactly("CRIMINAL-INVESTIGATION", "all");
        CsvReport station = csv(as("hc"), "burden", "");
        assertThat(station.table("Stations")).extracting(row -> row.get("station")).containsExactly("SY-SH-HC");
        assertThat(station.table("Documents requiring station action")).extracting(row -> row.get("department"))
                .containsExactly("all");
        CsvReport own = csv(as("hc"), "station-summary", "");
        assertThat(own.heading().get("station")).isEqualTo("SY-SH-HC");
        assertThat(as("hc").download("/api/reports/" + YEAR + "/station-summary?stationId=SY-SH-ZJL").status()).isEqualTo(403);
        assertThat(as("crim").download("/api/reports/" + YEAR + "/station-summary?stationId=SY-SH-ZJL").status()).isEqualTo(403);
        assertThat(coord.download("/api/reports/" + YEAR + "/station-summary").problem().path("code").asText())
                .isEqualTo("invalid-request");
        assertThat(coord.download("/api/reports/" + YEAR + "/station-summary?stationId=NOPE").problem().path("code").asText())
                .isEqualTo("unknown-station");
        assertThat(coord.download("/api/reports/" + YEAR + "/no-such-report").problem().path("code").asText())
                .isEqualTo("unknown-report");
        assertThat(coord.download("/api/reports/" + YEAR + "/burden?format=docx").status()).isEqualTo(400);
        assertThat(coord.download("/api/reports/" + YEAR + "/burden?asOf=-1").status()).isEqualTo(400);
        assertThat(coord.download("/api/reports/" + YEAR + "/burden?asOf=" + Long.MAX_VALUE).problem().path("code")
                .asText()).isEqualTo("position-not-reached");
    }

    /** A baseline of 100 documents: at 69 and at 70 the department is on track, at 71 over, in the dashboard and the report. */
    @Test
    @Order(8)
    void sixtyNineAndSeventyPercentAreOnTrackAndSeventyOneIsOver() {
        String department = "CRIMINAL-INVESTIGATION";
        assertThat(BASELINES.get(department)[0]).isEqualTo(100);
        Api crim = as(USERS.get(department));
        int issued = 0;
        for (var share : List.of(Map.entry(69, "ON_TRACK"), Map.entry(70, "ON_TRACK"), Map.entry(71, "OVER"))) {
            for (; issued < share.getKey(); issued++) {
                created(crim.post("/api/burden/documents", Map.of("id", "D46-" + issued, "title", "Circular " + issued,
                        "date", "2022-04-01", "allStations", true)));
            }
            JsonNode row = departmentRow(json(coord.get("/api/burden/" + BOUNDARY_YEAR)), department);
            assertThat(row.path("documents").path("count").asInt()).isEqualTo(share.getKey());
            assertThat(row.path("documents").path("target").asLong()).isEqualTo(70);
            assertThat(row.path("documents").path("percentOfBaseline").decimalValue())
                    .isEqualByComparingTo(String.valueOf(share.getKey()));
            assertThat(row.path("documents").path("status").asText()).as(share.getKey() + "%").isEqualTo(share.getValue());
            assertThat(row.path("status").asText()).isEqualTo(share.getValue());
            assertThat(csv(coord, "burden", "", BOUNDARY_YEAR).row("Documents requiring station action", department)
                    .get("status")).isEqualTo(share.getValue());
        }
    }

    private static JsonNode departmentRow(JsonNode dashboard, String department) {
        for (JsonNode row : dashboard.path("departments")) {
            if (row.path("departmentId").asText().equals(department)) {
                return row;
            }
        }
        throw new AssertionError("No row for " + department);
    }

    private void assertDepartment(EventTrail trail, JsonNode row) {
        String department = row.path("departmentId").asText();
        long[] baseline = trail.baselines().get(department);
        assertThat(row.path("name").asText()).isEqualTo(trail.departments().get(department));
        assertMeasure(row.path("documents"), trail.issued("DocumentIssued").getOrDefault(department, 0L), baseline[0]);
        assertMeasure(row.path("meetings"), trail.issued("MeetingConvened").getOrDefault(department, 0L), baseline[1]);
        JsonNode inspections = row.path("inspections");
        assertInspections(trail, department, inspections);
        assertThat(inspections.path("jointVisits").asLong())
                .isEqualTo(trail.jointVisitsByDepartment().getOrDefault(department, 0L));
    }

    private void assertTotals(EventTrail trail, JsonNode totals) {
        long baselineDocuments = trail.baselines().values().stream().mapToLong(b -> b[0]).sum();
        long baselineMeetings = trail.baselines().values().stream().mapToLong(b -> b[1]).sum();
        assertMeasure(totals.path("documents"), trail.count("DocumentIssued"), baselineDocuments);
        assertMeasure(totals.path("meetings"), trail.count("MeetingConvened"), baselineMeetings);
        assertThat(totals.path("documents").path("reductionPercent").decimalValue()).isEqualByComparingTo(
                BigDecimal.valueOf(100).subtract(EventTrail.percent(trail.count("DocumentIssued"), baselineDocuments)));
        assertInspections(trail, null, totals.path("inspections"));
        assertThat(totals.path("inspections").path("jointVisits").asLong()).isEqualTo(trail.jointVisits());
        assertThat(totals.path("visits").asLong()).isEqualTo(trail.visits());
    }

    /** A year that is over (as one not begun): over 70% is OVER, anything else ON_TRACK; no pace to judge. */
    private static void assertMeasure(JsonNode measure, long count, long baseline) {
        assertThat(measure.path("count").asLong()).isEqualTo(count);
        assertThat(measure.path("baseline").asLong()).isEqualTo(baseline);
        assertThat(measure.path("target").asLong()).isEqualTo(baseline * 70 / 100);
        assertThat(measure.path("percentOfBaseline").decimalValue()).isEqualByComparingTo(EventTrail.percent(count, baseline));
        assertThat(measure.path("status").asText()).isEqualTo(count * 100 > baseline * 70 ? "OVER" : "ON_TRACK");
    }

    private static void assertMeasure(Map<String, String> row, long count, long baseline) {
        assertThat(row.get("count")).isEqualTo(n(count));
        assertThat(row.get("2018 baseline")).isEqualTo(n(baseline));
        assertThat(row.get("target (70%)")).isEqualTo(n(baseline * 70 / 100));
        assertThat(row.get("% of baseline")).isEqualTo(EventTrail.percent(count, baseline).toPlainString());
        assertThat(row.get("status")).isEqualTo(count * 100 > baseline * 70 ? "OVER" : "ON_TRACK");
    }

    private static long requestsOf(EventTrail trail, String department, String station, String status) {
        return trail.requests(department, station, status, null, null);
    }

    private CsvReport csv(Api caller, String report, String parameters) {
        return csv(caller, report, parameters, YEAR);
    }

    private CsvReport csv(Api caller, String report, String parameters, int year) {
        var download = caller.download("/api/reports/" + year + "/" + report + "?format=csv" + parameters);
        assertThat(download.status()).as(download.toString()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("text/csv");
        CsvReport parsed = CsvReport.parse(download.text());
        assertThat(parsed.heading().get("position")).isEqualTo(Long.toString(download.position()));
        return parsed;
    }

    private static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    private Api.Response request(String department, Map<String, Object> body) {
        var answer = as(USERS.get(department)).post("/api/inspections", body);
        assertThat(answer.status()).as(answer.toString()).isIn(201, 403);
        return answer;
    }

    private void indicator(String department, int points, String kind) {
        created(as(USERS.get(department)).post("/api/cycles/" + YEAR + "/indicators", Map.of("indicatorId",
                "I45-" + department, "title", "Indicator of " + department, "maxPoints", points, "kind", kind)));
    }

    private void planItem(String department, String id, String kind, List<String> stations, int slot) {
        created(as(USERS.get(department)).post("/api/cycles/" + YEAR + "/plan-items", Map.of("planItemId", id,
                "stationIds", stations, "from", SLOTS[slot][0], "to", SLOTS[slot][1], "kind", kind,
                "indicatorIds", List.of("I45-" + department))));
        itemStations.put(id, stations);
        itemDepartment.put(id, department);
        itemSlot.put(id, Integer.toString(slot));
    }

    private List<String> pick(List<String> from, int least, int most) {
        List<String> shuffled = new ArrayList<>(from);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, least + random.nextInt(most - least + 1)));
    }

    private <T> T any(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private int between(int[] range) {
        return range[0] + random.nextInt(range[1] - range[0] + 1);
    }

    private String date() {
        return LocalDate.of(YEAR, 1, 1).plusDays(random.nextInt(365)).toString();
    }

    private static String n(long value) {
        return Long.toString(value);
    }

    private static JsonNode json(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static void created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("code")).isEqualTo(code);
    }
}
