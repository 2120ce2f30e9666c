package org.stationledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stationledger.events.Actor;
import org.stationledger.events.assessment.CycleClosed;
import org.stationledger.events.assessment.CycleOpened;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.assessment.IndicatorProposed;
import org.stationledger.events.assessment.PlanApproved;
import org.stationledger.events.assessment.SchemePublished;
import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionApproved;
import org.stationledger.events.inspection.ExceptionCategory;
import org.stationledger.events.inspection.ExceptionRefused;
import org.stationledger.events.inspection.ExceptionRequested;
import org.stationledger.events.inspection.InspectionAuthorised;
import org.stationledger.events.inspection.InspectionBlocked;
import org.stationledger.events.inspection.JointVisitJoined;
import org.stationledger.events.inspection.JointVisitScheduled;
import org.stationledger.events.inspection.PlanItemApproved;
import org.stationledger.events.inspection.PlanItemKind;
import org.stationledger.events.inspection.PlanItemProposed;
import org.stationledger.events.inspection.PlanItemRejected;
import org.stationledger.events.station.DepartmentRegistered;
import org.stationledger.events.station.StationDecommissioned;
import org.stationledger.events.station.StationDetailsChanged;
import org.stationledger.events.station.StationKind;
import org.stationledger.events.station.StationRegistered;

/**
 * One small year of events, appended to the JDBC event store and projected by the pooled processors, then read
 * over HTTP as each role. Ends by rebuilding every read model and comparing the answers.
 */
class ReadModelsIntegrationTest extends ReadModelTestSupport {

    private static final Actor COORDINATOR = Actor.coordinator("coord");
    private static final Actor AUDITOR = Actor.auditor("audit");
    private static final Actor TRAFFIC = Actor.department("traffic", "TRAFFIC");
    private static final Actor LEGAL = Actor.department("legal", "LEGAL-AFFAIRS");
    private static final Actor ZJL = Actor.station("zjl", "SY-SH-ZJL");
    private static final Actor HT = Actor.station("ht", "XM-HT");

    @Autowired
    private ObjectMapper json;

    private Instant beforeTheYear;

    @BeforeAll
    void recordTheYear() throws InterruptedException {
        // The store keeps an event's time to the millisecond: so must the bound, or an event of the same
        // millisecond would fall before it.
        beforeTheYear = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        append("department:TRAFFIC", COORDINATOR, new DepartmentRegistered("TRAFFIC", "Traffic police"));
        append("department:LEGAL-AFFAIRS", COORDINATOR, new DepartmentRegistered("LEGAL-AFFAIRS", "Legal affairs"));
        append("station:SY-SH-ZJL", COORDINATOR, new StationRegistered("SY-SH-ZJL", "Zhongjielu", "Shenhe",
                StationKind.URBAN, 3.2, 41_000, 30, 45));
        append("station:XM-HT", COORDINATOR, new StationRegistered("XM-HT", "Haitian", "Xiamen", StationKind.SUBURBAN,
                12.5, 28_000, 18, 20));
        append("station:SY-SH-ZJL", COORDINATOR, new StationDetailsChanged("SY-SH-ZJL", "Zhongjielu", "Shenhe",
                StationKind.URBAN, 3.2, 41_500, 32, 45));
        append("station:XM-HT", COORDINATOR, new StationDecommissioned("XM-HT", "merged into a neighbour"));

        append("cycle:2025", COORDINATOR, new CycleOpened(2025, 4, GradeBands.DEFAULT, 10));
        append("cycle:2025", COORDINATOR, new CycleClosed(2025));
        append("cycle:2026", COORDINATOR, new CycleOpened(2026, 3, new GradeBands(90, 80, 70, 60), 14));
        append("cycle:2026", TRAFFIC, new IndicatorProposed(2026, "T1", "Road safety", "TRAFFIC", 60, IndicatorKind.SCORED));
        append("cycle:2026", LEGAL, new IndicatorProposed(2026, "L1", "Case files", "LEGAL-AFFAIRS", 40, IndicatorKind.SCORED));
        append("cycle:2026", LEGAL, new IndicatorProposed(2026, "L2", "Wrongful detention", "LEGAL-AFFAIRS", 0, IndicatorKind.VETO));
        append("cycle:2026", LEGAL, new IndicatorProposed(2026, "L3", "Left out", "LEGAL-AFFAIRS", 10, IndicatorKind.SCORED));
        append("cycle:2026", COORDINATOR, new SchemePublished(2026, List.of("T1", "L1", "L2")));

        proposePlanItem("p-traffic", TRAFFIC, List.of("SY-SH-ZJL", "XM-HT"), "2026-04-01", "2026-04-30",
                PlanItemKind.COMPREHENSIVE, "T1");
        proposePlanItem("p-legal", LEGAL, List.of("SY-SH-ZJL"), "2026-04-15", "2026-05-15", PlanItemKind.THEMATIC, "L1");
        proposePlanItem("p-legal-ht", LEGAL, List.of("XM-HT"), "2026-06-01", "2026-06-10", PlanItemKind.THEMATIC, "L1");
        append("plan-item:p-traffic", COORDINATOR, new PlanItemApproved("p-traffic", 2026, "TRAFFIC"));
        append("plan-item:p-legal", COORDINATOR, new PlanItemApproved("p-legal", 2026, "LEGAL-AFFAIRS"));
        append("plan-item:p-legal-ht", COORDINATOR, new PlanItemRejected("p-legal-ht", 2026, "LEGAL-AFFAIRS", "over the cap"));
        append("visit:v-zjl", COORDINATOR, new JointVisitScheduled("v-zjl", 2026, "SY-SH-ZJL", date("2026-04-15"),
                date("2026-04-30"), List.of("p-traffic", "p-legal"), List.of("TRAFFIC", "LEGAL-AFFAIRS")));
        append("visit:v-ht", COORDINATOR, new JointVisitScheduled("v-ht", 2026, "XM-HT", date("2026-04-01"),
                date("2026-04-30"), List.of("p-traffic"), List.of("TRAFFIC")));
        append("cycle:2026", COORDINATOR, new PlanApproved(2026, List.of("p-traffic", "p-legal"), List.of("p-legal-ht"), 2));
        proposePlanItem("p-late", LEGAL, List.of("XM-HT"), "2026-04-10", "2026-04-20", PlanItemKind.THEMATIC, "L1");
        append("plan-item:p-late", COORDINATOR, new PlanItemApproved("p-late", 2026, "LEGAL-AFFAIRS"));
        append("visit:v-ht", COORDINATOR, new JointVisitJoined("v-ht", 2026, "XM-HT", "p-late", "LEGAL-AFFAIRS",
                date("2026-04-10"), date("2026-04-20")));

        append("inspection:i-1", TRAFFIC, new InspectionAuthorised("i-1", 2026, "SY-SH-ZJL", "TRAFFIC",
                date("2026-04-20"), "p-traffic", "v-zjl"));
        append("inspection:i-2", TRAFFIC, new InspectionBlocked("i-2", 2026, "XM-HT", "TRAFFIC", date("2026-07-01"),
                null, null, BlockReason.NOT_IN_PLAN, "No approved plan item covers this visit."));
        append("inspection:i-3", LEGAL, new ExceptionRequested("i-3", 2026, "SY-SH-ZJL", "LEGAL-AFFAIRS",
                date("2026-08-02"), ExceptionCategory.MAJOR_INCIDENT, "Fire at the holding cells"));
        append("inspection:i-3", COORDINATOR, new ExceptionApproved("i-3", 2026, "SY-SH-ZJL", "LEGAL-AFFAIRS", "Justified"));
        append("inspection:i-4", TRAFFIC, new ExceptionRequested("i-4", 2026, "XM-HT", "TRAFFIC", date("2026-08-03"),
                ExceptionCategory.PUBLIC_COMPLAINT, "A complaint about parking"));
        append("inspection:i-4", COORDINATOR, new ExceptionRefused("i-4", 2026, "XM-HT", "TRAFFIC", "Not urgent"));
        append("inspection:i-5", LEGAL, new ExceptionRequested("i-5", 2026, "XM-HT", "LEGAL-AFFAIRS", date("2026-08-04"),
                ExceptionCategory.SAFETY_EMERGENCY, "Gas leak"));
        awaitProjections();
    }

    @Test
    void theRegistryShowsCurrentDetailsToEveryoneButAStationSeesOnlyTheNamesOfOthers() throws Exception {
        read("/api/stations", COORDINATOR).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].stationId", contains("SY-SH-ZJL", "XM-HT")))
                .andExpect(jsonPath("$[0].officers").value(32))
                .andExpect(jsonPath("$[0].population").value(41_500))
                .andExpect(jsonPath("$[0].version").value(2))
                .andExpect(jsonPath("$[0].history").doesNotExist())
                .andExpect(jsonPath("$[1].decommissioned").value(true))
                .andExpect(jsonPath("$[1].kind").value("SUBURBAN"));

        read("/api/stations", ZJL).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].officers").value(32))
                .andExpect(jsonPath("$[1].name").value("Haitian"))
                .andExpect(jsonPath("$[1].parent").doesNotExist())
                .andExpect(jsonPath("$[1].officers").doesNotExist());

        read("/api/departments", HT).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].departmentId", contains("LEGAL-AFFAIRS", "TRAFFIC")))
                .andExpect(jsonPath("$[1].name").value("Traffic police"));
    }

    @Test
    void aStationsHistoryKeepsEveryVersion() throws Exception {
        read("/api/stations/XM-HT", AUDITOR).andExpect(status().isOk())
                .andExpect(jsonPath("$.decommissioned").value(true))
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.history[*].change", contains("REGISTERED", "DECOMMISSIONED")))
                .andExpect(jsonPath("$.history[1].officers").value(18))
                .andExpect(jsonPath("$.history[1].reason").value("merged into a neighbour"))
                .andExpect(jsonPath("$.history[0].recordedBy").value("coord"))
                .andExpect(jsonPath("$.history[0].recordedAt").isString());

        read("/api/stations/XM-HT", ZJL).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Haitian"))
                .andExpect(jsonPath("$.history").doesNotExist())
                .andExpect(jsonPath("$.population").doesNotExist());

        read("/api/stations/SY-SH-ZJL", ZJL).andExpect(status().isOk())
                .andExpect(jsonPath("$.history[*].officers", contains(30, 32)));

        read("/api/stations/NOWHERE", COORDINATOR).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));
    }

    @Test
    void aCycleShowsItsSchemePlanAndVisits() throws Exception {
        read("/api/cycles", TRAFFIC).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].year", contains(2025, 2026)))
                .andExpect(jsonPath("$[*].status", contains("CLOSED", "OPEN")));

        read("/api/cycles/2026", TRAFFIC).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.visitCap").value(3))
                .andExpect(jsonPath("$.commentWindowDays").value(14))
                .andExpect(jsonPath("$.closedAt").doesNotExist())
                .andExpect(jsonPath("$.appealsUntil").doesNotExist())
                .andExpect(jsonPath("$.gradeBands.level1").value(90.0))
                .andExpect(jsonPath("$.schemePublished").value(true))
                .andExpect(jsonPath("$.schemeTotalPoints").value(100))
                .andExpect(jsonPath("$.indicators[*].indicatorId", contains("L1", "L2", "T1")))
                .andExpect(jsonPath("$.planApproved").value(true))
                .andExpect(jsonPath("$.planItems[*].planItemId", contains("p-traffic", "p-legal", "p-legal-ht", "p-late")))
                .andExpect(jsonPath("$.planItems[*].status", contains("APPROVED", "APPROVED", "REJECTED", "APPROVED")))
                .andExpect(jsonPath("$.planItems[2].rejectionReason").value("over the cap"))
                .andExpect(jsonPath("$.planItems[0].rejectionReason").doesNotExist())
                .andExpect(jsonPath("$.planItems[0].stationIds", contains("SY-SH-ZJL", "XM-HT")))
                .andExpect(jsonPath("$.planItems[0].from").value("2026-04-01"))
                .andExpect(jsonPath("$.jointVisits[*].visitId", contains("v-zjl", "v-ht")))
                .andExpect(jsonPath("$.jointVisits[1].planItemIds", contains("p-traffic", "p-late")))
                .andExpect(jsonPath("$.jointVisits[1].departmentIds", contains("TRAFFIC", "LEGAL-AFFAIRS")))
                .andExpect(jsonPath("$.jointVisits[1].from").value("2026-04-10"))
                .andExpect(jsonPath("$.jointVisits[1].to").value("2026-04-20"))
                .andExpect(jsonPath("$.jointVisits[*].joint", everyItem(is(true))));

        // A station reads when the year closed and until when it may appeal: the close and the window's 10 days.
        JsonNode closed = json.readTree(read("/api/cycles/2025", ZJL).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(Instant.parse(closed.path("appealsUntil").asText()))
                .isEqualTo(Instant.parse(closed.path("closedAt").asText()).plus(Duration.ofDays(10)));

        read("/api/cycles/2025", COORDINATOR).andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators", empty()))
                .andExpect(jsonPath("$.schemeTotalPoints").value(0));
        read("/api/cycles/2031", COORDINATOR).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));
    }

    @Test
    void aStationSeesOnlyThePlanThatConcernsIt() throws Exception {
        read("/api/cycles/2026", ZJL).andExpect(status().isOk())
                .andExpect(jsonPath("$.planItems[*].planItemId", contains("p-traffic", "p-legal")))
                .andExpect(jsonPath("$.planItems[0].stationIds", contains("SY-SH-ZJL")))
                .andExpect(jsonPath("$.jointVisits[*].visitId", contains("v-zjl")));
        read("/api/cycles/2026", LEGAL).andExpect(jsonPath("$.planItems[0].stationIds",
                contains("SY-SH-ZJL", "XM-HT")));
        read("/api/cycles/2026?stationId=XM-HT", ZJL).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden-scope"));
        read("/api/cycles/2026?stationId=XM-HT", LEGAL).andExpect(status().isOk())
                .andExpect(jsonPath("$.planItems[*].planItemId", contains("p-traffic", "p-legal-ht", "p-late")))
                .andExpect(jsonPath("$.jointVisits[*].visitId", contains("v-ht")));
    }

    @Test
    void inspectionsAreListedNewestFirstWithTheirOutcome() throws Exception {
        read("/api/inspections", AUDITOR).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].inspectionId", contains("i-5", "i-4", "i-3", "i-2", "i-1")))
                .andExpect(jsonPath("$[*].status",
                        contains("PENDING_EXCEPTION", "BLOCKED", "AUTHORISED", "BLOCKED", "AUTHORISED")));

        read("/api/inspections/i-4", COORDINATOR).andExpect(status().isOk())
                .andExpect(jsonPath("$.reasonCode").value("EXCEPTION_REFUSED"))
                .andExpect(jsonPath("$.decisionReason").value("Not urgent"))
                .andExpect(jsonPath("$.decidedBy").value("coord"))
                .andExpect(jsonPath("$.decidedAt").isString())
                .andExpect(jsonPath("$.exceptionCategory").value("PUBLIC_COMPLAINT"))
                .andExpect(jsonPath("$.justification").value("A complaint about parking"))
                .andExpect(jsonPath("$.requestedBy").value("traffic"))
                .andExpect(jsonPath("$.date").value("2026-08-03"));
        read("/api/inspections/i-3", COORDINATOR).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("AUTHORISED"))
                .andExpect(jsonPath("$.exceptionCategory").value("MAJOR_INCIDENT"))
                .andExpect(jsonPath("$.decisionReason").value("Justified"))
                .andExpect(jsonPath("$.decidedBy").value("coord"))
                .andExpect(jsonPath("$.reasonCode").doesNotExist());
        read("/api/inspections/i-2", COORDINATOR).andExpect(status().isOk())
                .andExpect(jsonPath("$.reasonCode").value("NOT_IN_PLAN"))
                .andExpect(jsonPath("$.explanation").value("No approved plan item covers this visit."));
        read("/api/inspections/i-1", COORDINATOR).andExpect(status().isOk())
                .andExpect(jsonPath("$.planItemId").value("p-traffic"))
                .andExpect(jsonPath("$.visitId").value("v-zjl"))
                .andExpect(jsonPath("$.requestedAt").isString())
                .andExpect(jsonPath("$.decidedBy").doesNotExist());
        read("/api/inspections/i-9", COORDINATOR).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));
    }

    @Test
    void inspectionsAreConfinedToTheCallersDepartmentOrStation() throws Exception {
        read("/api/inspections", TRAFFIC).andExpect(jsonPath("$[*].inspectionId", contains("i-4", "i-2", "i-1")));
        read("/api/inspections?stationId=XM-HT", TRAFFIC).andExpect(jsonPath("$[*].inspectionId", contains("i-4", "i-2")));
        read("/api/inspections?departmentId=LEGAL-AFFAIRS", TRAFFIC).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden-scope"));

        // The station sees every request made of it, the blocked and refused ones too.
        read("/api/inspections", HT).andExpect(jsonPath("$[*].inspectionId", contains("i-5", "i-4", "i-2")));
        read("/api/inspections?departmentId=TRAFFIC", HT).andExpect(jsonPath("$[*].inspectionId", contains("i-4", "i-2")));
        read("/api/inspections?stationId=SY-SH-ZJL", HT).andExpect(status().isForbidden());

        read("/api/inspections/i-2", HT).andExpect(status().isOk());
        read("/api/inspections/i-2", ZJL).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forbidden-scope"));
        read("/api/inspections/i-3", TRAFFIC).andExpect(status().isForbidden());
    }

    @Test
    void inspectionsFilterAndPage() throws Exception {
        read("/api/inspections?status=AUTHORISED&year=2026", COORDINATOR)
                .andExpect(jsonPath("$[*].inspectionId", contains("i-3", "i-1")));
        read("/api/inspections?year=2025", COORDINATOR).andExpect(jsonPath("$", empty()));
        read("/api/inspections?limit=2&offset=1", COORDINATOR)
                .andExpect(jsonPath("$[*].inspectionId", contains("i-4", "i-3")));
        read("/api/inspections?status=authorised", COORDINATOR).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-request"));
        read("/api/inspections?limit=5001", COORDINATOR).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-request"));
    }

    @Test
    void theTrailShowsEveryEventAsStoredInGlobalOrder() throws Exception {
        JsonNode all = trail("/api/audit/events?limit=1000", AUDITOR);
        assertThat(all.get("events")).hasSize(eventCount());
        List<Long> sequences = new ArrayList<>();
        all.get("events").forEach(event -> sequences.add(event.get("globalSequence").asLong()));
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        assertThat(all.get("nextAfter").asLong()).isEqualTo(sequences.get(sequences.size() - 1));

        read("/api/audit/events?type=InspectionBlocked", COORDINATOR).andExpect(status().isOk())
                .andExpect(jsonPath("$.events", hasSize(1)))
                .andExpect(jsonPath("$.events[0].type").value("InspectionBlocked"))
                .andExpect(jsonPath("$.events[0].payloadType").value(InspectionBlocked.class.getName()))
                .andExpect(jsonPath("$.events[0].revision").value("1"))
                .andExpect(jsonPath("$.events[0].aggregateId").value("inspection:i-2"))
                .andExpect(jsonPath("$.events[0].aggregateSequence").value(0))
                .andExpect(jsonPath("$.events[0].payload.reasonCode").value("NOT_IN_PLAN"))
                .andExpect(jsonPath("$.events[0].metadata.principal").value("traffic"))
                .andExpect(jsonPath("$.events[0].metadata.departmentId").value("TRAFFIC"))
                .andExpect(jsonPath("$.events[0].eventId").isString())
                .andExpect(jsonPath("$.events[0].timestamp").isString());

        read("/api/audit/events?aggregateId=inspection:i-4", AUDITOR)
                .andExpect(jsonPath("$.events[*].type", contains("ExceptionRequested", "ExceptionRefused")))
                .andExpect(jsonPath("$.events[*].aggregateSequence", contains(0, 1)));
        read("/api/audit/events?type=InspectionBlocked&limit=1", TRAFFIC).andExpect(status().isForbidden());
    }

    @Test
    void theTrailFiltersByStationDepartmentYearAndTime() throws Exception {
        // A plan item naming several stations is found under each of them.
        read("/api/audit/events?stationId=XM-HT&type=PlanItemProposed", AUDITOR)
                .andExpect(jsonPath("$.events[*].payload.planItemId", contains("p-traffic", "p-legal-ht", "p-late")));
        read("/api/audit/events?stationId=SY-SH-ZJL&year=2026", AUDITOR)
                .andExpect(jsonPath("$.events[*].type", not(hasItem("StationDetailsChanged"))))
                .andExpect(jsonPath("$.events[*].type", hasItem("JointVisitScheduled")));
        read("/api/audit/events?departmentId=TRAFFIC&year=2026&type=ExceptionRequested", AUDITOR)
                .andExpect(jsonPath("$.events[*].aggregateId", contains("inspection:i-4")));
        // Without a department in the payload, the acting department counts.
        read("/api/audit/events?departmentId=LEGAL-AFFAIRS&type=IndicatorProposed", AUDITOR)
                .andExpect(jsonPath("$.events[*].payload.indicatorId", contains("L1", "L2", "L3")));
        read("/api/audit/events?year=2025", AUDITOR)
                .andExpect(jsonPath("$.events[*].type", contains("CycleOpened", "CycleClosed")));

        read("/api/audit/events?to=" + beforeTheYear, AUDITOR).andExpect(jsonPath("$.events", empty()))
                .andExpect(jsonPath("$.nextAfter").value(nullValue()));
        read("/api/audit/events?limit=1000&from=" + beforeTheYear + "&to=" + Instant.now().plusSeconds(60), AUDITOR)
                .andExpect(jsonPath("$.events", hasSize(eventCount())));
        read("/api/audit/events?from=yesterday", AUDITOR).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-request"));
        read("/api/audit/events?limit=1001", AUDITOR).andExpect(status().isBadRequest());
        read("/api/audit/events?from=2026-12-08T00:00:00Z&to=2026-12-07T00:00:00Z", AUDITOR)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-request"));
    }

    @Test
    void theTrailPagesWithAfter() throws Exception {
        List<String> paged = new ArrayList<>();
        String after = "";
        for (int page = 0; page < eventCount(); page++) {
            JsonNode events = trail("/api/audit/events?limit=7" + after, COORDINATOR);
            events.get("events").forEach(event -> paged.add(event.get("eventId").asText()));
            if (events.get("nextAfter").isNull()) {
                break;
            }
            after = "&after=" + events.get("nextAfter").asLong();
        }
        List<String> all = new ArrayList<>();
        trail("/api/audit/events?limit=1000", COORDINATOR).get("events")
                .forEach(event -> all.add(event.get("eventId").asText()));
        assertThat(paged).hasSize(eventCount()).isEqualTo(all);
    }

    @Test
    void everyReadModelRebuildsToTheSameAnswers() throws Exception {
        assertRebuildingAnswersTheSame(AUDITOR, List.of("/api/stations", "/api/stations/XM-HT", "/api/departments",
                "/api/cycles", "/api/cycles/2026", "/api/inspections", "/api/audit/events?limit=1000"));
    }

    private void proposePlanItem(String planItemId, Actor department, List<String> stationIds, String from, String to,
                                 PlanItemKind kind, String indicatorId) {
        append("plan-item:" + planItemId, department, new PlanItemProposed(planItemId, 2026,
                department.departmentId(), stationIds, date(from), date(to), kind, List.of(indicatorId)));
    }

    private JsonNode trail(String url, Actor caller) throws Exception {
        return json.readTree(body(url, caller));
    }
}
