package org.stationledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.stationledger.events.Actor;
import org.stationledger.events.assessment.CycleClosed;
import org.stationledger.events.assessment.CycleOpened;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.assessment.IndicatorProposed;
import org.stationledger.events.burden.BaselineRecorded;
import org.stationledger.events.burden.DocumentIssued;
import org.stationledger.events.burden.MeetingConvened;
import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionApproved;
import org.stationledger.events.inspection.ExceptionCategory;
import org.stationledger.events.inspection.ExceptionRequested;
import org.stationledger.events.inspection.FindingRecorded;
import org.stationledger.events.inspection.FindingWithdrawn;
import org.stationledger.events.inspection.InspectionAuthorised;
import org.stationledger.events.inspection.InspectionBlocked;
import org.stationledger.events.inspection.JointVisitJoined;
import org.stationledger.events.inspection.JointVisitScheduled;
import org.stationledger.events.rating.Grade;
import org.stationledger.events.rating.RatingFinalised;
import org.stationledger.events.station.DepartmentRegistered;
import org.stationledger.events.station.StationDecommissioned;
import org.stationledger.events.station.StationKind;
import org.stationledger.events.station.StationRegistered;

/**
 * A report at the head is folded on from its year's last report rather than from the first event
 * ({@code YearFolds}). What a user downloads must not depend on that: every report folded on is compared, byte for
 * byte, with the same report folded afresh from the first event. One year's fold is kept, so a report of another
 * year drops it.
 */
@TestPropertySource(properties = "ledger.reports.folded-years=1")
class ReportFoldsIntegrationTest extends ReadModelTestSupport {

    private static final int YEAR = 2026;
    private static final Actor COORDINATOR = Actor.coordinator("coord");
    private static final Actor TRAFFIC = Actor.department("traffic", "TRAFFIC");
    private static final Actor LEGAL = Actor.department("legal", "LEGAL-AFFAIRS");
    private static final List<String> REPORTS = List.of("ratings-distribution", "inspections-by-department",
            "blocked-attempts", "burden", "station-summary?stationId=S-1", "station-summary?stationId=S-2");

    @Test
    void aReportFoldedOnFromTheYearsLastReportIsTheReportFoldedAfresh() throws Exception {
        recordTheFirstHalfOfTheYear();
        Map<String, MockHttpServletResponse> spring = downloadEach("");
        long springPosition = position(spring);

        recordTheSecondHalfOfTheYear();
        Map<String, MockHttpServletResponse> autumn = downloadEach("");
        long autumnPosition = position(autumn);
        assertThat(autumnPosition).isGreaterThan(springPosition);
        for (String report : REPORTS) {
            assertThat(tables(autumn, report)).as("%s counts the second half", report)
                    .isNotEqualTo(tables(spring, report));
        }

        // Before the kept fold: folded afresh, as downloaded then.
        Map<String, MockHttpServletResponse> springAgain = downloadEach("asOf=" + springPosition);
        for (String report : REPORTS) {
            assertThat(body(springAgain, report)).as(report).isEqualTo(body(spring, report));
        }

        // Another year's report drops this year's fold: the reports of autumn, folded afresh, are the same bytes.
        read("/api/reports/2025/burden", COORDINATOR).andExpect(status().isOk());
        Map<String, MockHttpServletResponse> autumnAfresh = downloadEach("asOf=" + autumnPosition);
        for (String report : REPORTS) {
            assertThat(body(autumnAfresh, report)).as(report).isEqualTo(body(autumn, report));
        }
    }

    private void recordTheFirstHalfOfTheYear() {
        station("S-1", StationKind.URBAN);
        station("S-2", StationKind.RURAL);
        station("S-3", StationKind.SUBURBAN);
        append("department:TRAFFIC", COORDINATOR, new DepartmentRegistered("TRAFFIC", "Traffic police"));
        append("department:LEGAL-AFFAIRS", COORDINATOR, new DepartmentRegistered("LEGAL-AFFAIRS", "Legal affairs"));
        append("baseline:TRAFFIC", COORDINATOR, new BaselineRecorded("TRAFFIC", 2018, 20, 10));
        append("cycle:" + YEAR, COORDINATOR, new CycleOpened(YEAR, 2, GradeBands.DEFAULT, 10));
        append("indicator:T1", TRAFFIC, new IndicatorProposed(YEAR, "T1", "Road safety", "TRAFFIC", 60,
                IndicatorKind.SCORED));
        append("indicator:L1", LEGAL, new IndicatorProposed(YEAR, "L1", "Case files", "LEGAL-AFFAIRS", 40,
                IndicatorKind.SCORED));
        append("visit:v-1", COORDINATOR, new JointVisitScheduled("v-1", YEAR, "S-1", date("2026-04-01"),
                date("2026-04-03"), List.of("p-traffic"), List.of("TRAFFIC")));
        append("inspection:i-1", TRAFFIC, new InspectionAuthorised("i-1", YEAR, "S-1", "TRAFFIC",
                date("2026-04-02"), "p-traffic", "v-1"));
        append("inspection:i-2", LEGAL, new InspectionBlocked("i-2", YEAR, "S-2", "LEGAL-AFFAIRS",
                date("2026-04-10"), null, null, BlockReason.NOT_IN_PLAN, "No approved plan item covers this visit."));
        finding("f-1", "i-1", "S-1", TRAFFIC, "T1", "5");
        append("document:d-1", TRAFFIC, new DocumentIssued("d-1", YEAR, "TRAFFIC", "Spring checks",
                date("2026-03-01"), true, List.of()));
    }

    private void recordTheSecondHalfOfTheYear() {
        append("visit:v-1", COORDINATOR, new JointVisitJoined("v-1", YEAR, "S-1", "p-legal", "LEGAL-AFFAIRS",
                date("2026-04-01"), date("2026-04-03")));
        append("inspection:i-3", LEGAL, new ExceptionRequested("i-3", YEAR, "S-2", "LEGAL-AFFAIRS",
                date("2026-08-01"), ExceptionCategory.PUBLIC_COMPLAINT, "A complaint about case files"));
        append("inspection:i-3", COORDINATOR, new ExceptionApproved("i-3", YEAR, "S-2", "LEGAL-AFFAIRS",
                "The complaint is serious"));
        finding("f-2", "i-3", "S-2", LEGAL, "L1", "8");
        finding("f-3", "i-1", "S-1", TRAFFIC, "T1", "2");
        append("inspection:i-1", TRAFFIC, new FindingWithdrawn("f-1", "i-1", YEAR, "S-1", "TRAFFIC",
                "Recorded against the wrong station"));
        append("meeting:m-1", LEGAL, new MeetingConvened("m-1", YEAR, "LEGAL-AFFAIRS", "Case file review",
                date("2026-09-01"), false, List.of("S-1", "S-2")));
        append("inspection:i-4", TRAFFIC, new InspectionBlocked("i-4", YEAR, "S-1", "TRAFFIC",
                date("2026-10-01"), "p-traffic", null, BlockReason.VISIT_ALREADY_USED, "The visit was used in April."));
        append("station:S-3", COORDINATOR, new StationDecommissioned("S-3", "Merged into S-2"));
        append("cycle:" + YEAR, COORDINATOR, new CycleClosed(YEAR));
        append("rating:S-2:" + YEAR, COORDINATOR, new RatingFinalised(YEAR, "S-2", new BigDecimal("92"), false,
                Grade.LEVEL_2, Grade.LEVEL_2, null));
    }

    private void station(String stationId, StationKind kind) {
        append("station:" + stationId, COORDINATOR, new StationRegistered(stationId, "Station " + stationId, "City",
                kind, 5.0, 20_000, 12, 6));
    }

    private void finding(String findingId, String inspectionId, String stationId, Actor department,
                         String indicatorId, String deduction) {
        append("inspection:" + inspectionId, department, new FindingRecorded(findingId, inspectionId, YEAR,
                stationId, department.departmentId(), indicatorId, new BigDecimal(deduction), "Seen on the visit",
                null, Instant.parse("2026-05-01T09:00:00Z")));
    }

    /** Each report of the year as a CSV file, with the query given (empty: at the head). */
    private Map<String, MockHttpServletResponse> downloadEach(String query) throws Exception {
        Map<String, MockHttpServletResponse> downloads = new LinkedHashMap<>();
        for (String report : REPORTS) {
            String separator = report.contains("?") ? "&" : "?";
            String url = "/api/reports/" + YEAR + "/" + report + (query.isEmpty() ? "" : separator + query);
            downloads.put(report, read(url, COORDINATOR).andExpect(status().isOk()).andReturn().getResponse());
        }
        return downloads;
    }

    /** The position every download of one round was built from. */
    private static long position(Map<String, MockHttpServletResponse> downloads) {
        List<String> positions = downloads.values().stream().map(response -> response.getHeader("X-Ledger-Position"))
                .distinct().toList();
        assertThat(positions).hasSize(1);
        return Long.parseLong(positions.get(0));
    }

    private static String body(Map<String, MockHttpServletResponse> downloads, String report) throws Exception {
        return downloads.get(report).getContentAsString();
    }

    /** The report's tables: what follows the heading (which names the position) and its blank line. */
    private static String tables(Map<String, MockHttpServletResponse> downloads, String report) throws Exception {
        String csv = body(downloads, report);
        return csv.substring(csv.indexOf("\r\n\r\n"));
    }
}
