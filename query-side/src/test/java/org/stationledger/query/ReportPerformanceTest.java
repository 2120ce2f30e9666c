package org.stationledger.query;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
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
import org.stationledger.events.inspection.InspectionAuthorised;
import org.stationledger.events.inspection.InspectionBlocked;
import org.stationledger.events.inspection.JointVisitScheduled;
import org.stationledger.events.rating.Grade;
import org.stationledger.events.rating.RatingFinalised;
import org.stationledger.events.station.DepartmentRegistered;
import org.stationledger.events.station.StationKind;
import org.stationledger.events.station.StationRegistered;

/**
 * How long the reports of a province's year take: 1,500 stations, 30 departments, two years of about 35,000
 * events each. Run on demand ({@code -Dledger.performance=true}); it prints its measurements.
 */
@EnabledIfSystemProperty(named = "ledger.performance", matches = "true")
class ReportPerformanceTest extends ReadModelTestSupport {

    private static final int STATIONS = 1500;
    private static final int DEPARTMENTS = 30;
    private static final Actor COORDINATOR = Actor.coordinator("coord");

    private final Random random = new Random(1500);

    @BeforeAll
    void twoYearsOfAProvince() throws InterruptedException {
        List<Object> registry = new ArrayList<>();
        for (int d = 0; d < DEPARTMENTS; d++) {
            registry.add(new DepartmentRegistered(department(d), "Department " + d));
            registry.add(new BaselineRecorded(department(d), 2018, 140, 70));
        }
        StationKind[] kinds = StationKind.values();
        for (int s = 0; s < STATIONS; s++) {
            registry.add(new StationRegistered(station(s), "Station " + s, "Bureau " + s / 100, kinds[s % kinds.length],
                    10, 20_000, 20, 10));
        }
        appendAll(COORDINATOR, registry);
        long started = System.nanoTime();
        year(2025, true);
        year(2026, false);
        System.out.printf("Appended %d events in %d ms%n", eventCount(), (System.nanoTime() - started) / 1_000_000);
        started = System.nanoTime();
        awaitProjections(Duration.ofMinutes(10));
        System.out.printf("Projections caught up in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    private void year(int year, boolean closed) {
        List<Object> events = new ArrayList<>();
        events.add(new CycleOpened(year, 4, GradeBands.DEFAULT, 10));
        for (int d = 0; d < DEPARTMENTS; d++) {
            events.add(new IndicatorProposed(year, "I" + department(d).substring(1), "Indicator " + d, department(d), d < 20 ? 5 : 0,
                    d < 20 ? IndicatorKind.SCORED : IndicatorKind.VETO));
        }
        int inspection = 0;
        for (int s = 0; s < STATIONS; s++) {
            for (int v = 0; v < 4; v++) {
                String visit = year + "-" + station(s) + "-" + v;
                LocalDate from = LocalDate.of(year, 1 + v * 3, 1);
                List<String> departments = new ArrayList<>();
                for (int d = 0, n = 1 + random.nextInt(3); d < n; d++) {
                    String department = department(random.nextInt(DEPARTMENTS));
                    if (!departments.contains(department)) {
                        departments.add(department);
                    }
                }
                events.add(new JointVisitScheduled(visit, year, station(s), from, from.plusDays(20), List.of("P"), departments));
                for (String department : departments) {
                    String id = year + "-" + inspection++;
                    events.add(new InspectionAuthorised(id, year, station(s), department, from, "P", visit));
                    if (random.nextInt(10) < 8) {
                        events.add(new FindingRecorded("F" + id, id, year, station(s), department,
                                "I" + department.substring(1), BigDecimal.valueOf(random.nextInt(3)), "n", null,
                                Instant.parse(year + "-06-01T00:00:00Z")));
                    }
                    if (random.nextInt(10) < 2) {
                        events.add(new InspectionBlocked(year + "-" + inspection++, year, station(s), department, from,
                                "P", null, BlockReason.values()[random.nextInt(6)], "blocked"));
                    }
                }
            }
            if (s % 3 == 0) {
                String id = year + "-" + inspection++;
                events.add(new ExceptionRequested(id, year, station(s), department(s % DEPARTMENTS), LocalDate.of(year, 5, 5),
                        ExceptionCategory.MAJOR_INCIDENT, "incident"));
                events.add(new ExceptionApproved(id, year, station(s), department(s % DEPARTMENTS), "ok"));
            }
        }
        for (int d = 0; d < DEPARTMENTS; d++) {
            for (int i = 0; i < 150; i++) {
                boolean all = random.nextInt(10) < 3;
                List<String> stations = all ? List.of() : stations(1 + random.nextInt(30));
                LocalDate date = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
                events.add(i < 100
                        ? new DocumentIssued("D" + year + "-" + d + "-" + i, year, department(d), "Document", date, all, stations)
                        : new MeetingConvened("M" + year + "-" + d + "-" + i, year, department(d), "Meeting", date, all, stations));
            }
        }
        if (closed) {
            events.add(new CycleClosed(year));
            for (int s = 0; s < STATIONS; s++) {
                events.add(new RatingFinalised(year, station(s), BigDecimal.valueOf(90), false, Grade.LEVEL_2, Grade.LEVEL_2, null));
            }
        }
        for (int from = 0; from < events.size(); from += 5000) {
            appendAll(COORDINATOR, events.subList(from, Math.min(events.size(), from + 5000)));
        }
    }

    @Test
    void measureTheReportsOfAYear() throws Exception {
        List<String> urls = List.of("/api/burden/2026", "/api/reports/2026/burden?format=csv",
                "/api/reports/2026/ratings-distribution?format=csv", "/api/reports/2026/inspections-by-department?format=csv",
                "/api/reports/2026/blocked-attempts?format=csv", "/api/reports/2026/burden?format=xlsx",
                "/api/reports/2026/burden?format=pdf", "/api/reports/2026/station-summary?format=pdf&stationId=S0042",
                "/api/reports/2025/ratings-distribution?format=csv");
        for (String url : urls) {
            read(url, COORDINATOR).andExpect(status().isOk());
            long fastest = Long.MAX_VALUE;
            for (int run = 0; run < 3; run++) {
                long started = System.nanoTime();
                read(url, COORDINATOR).andExpect(status().isOk());
                fastest = Math.min(fastest, System.nanoTime() - started);
            }
            // A measurement, not a verdict: the machine is shared, so timings are printed and judged by a reader.
            System.out.printf("%-70s %6d ms%n", url, Duration.ofNanos(fastest).toMillis());
        }
    }

    private List<String> stations(int count) {
        List<String> stations = new ArrayList<>();
        while (stations.size() < count) {
            String station = station(random.nextInt(STATIONS));
            if (!stations.contains(station)) {
                stations.add(station);
            }
        }
        return stations;
    }

    private static String station(int s) {
        return String.format("S%04d", s);
    }

    private static String department(int d) {
        return String.format("D%02d", d);
    }
}
