package org.stationledger.query.burden;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.stationledger.events.Actor;
import org.stationledger.events.burden.BaselineRecorded;

/**
 * The burden on stations in a year: each department's documents and meetings against its 2018 baseline and its
 * inspection requests; each station's visits, requests, documents and meetings; and the jurisdiction's totals with
 * the reduction against 2018. {@code asOf} is the day the statuses are judged on. {@code stations} may be one page
 * of them; {@code nextStationAfter} then says where the next page starts (null after the last).
 */
public record BurdenView(int year, LocalDate asOf, int baseYear, int targetPercent, Integer visitCap,
                         List<DepartmentRow> departments, List<StationFigures> stations, Totals totals,
                         String nextStationAfter) {

    /** {@code status}: the worse of the two measures. */
    public record DepartmentRow(String departmentId, String name, Measure documents, Measure meetings,
                                BurdenStatus status, InspectionFigures inspections) {
    }

    /**
     * Every department's documents and meetings against every recorded baseline (a department without one adds to
     * the count only), every request, the year's visits and its joint visits.
     */
    public record Totals(Measure documents, Measure meetings, BurdenStatus status, InspectionFigures inspections,
                         long visits) {
    }

    public static BurdenView of(int year, LocalDate asOf, Integer visitCap, List<DepartmentFigures> departments,
                                List<StationFigures> stations, long visits, long jointVisits,
                                String nextStationAfter) {
        List<DepartmentRow> rows = departments.stream().map(department -> {
            Measure documents = BurdenPolicy.measure(department.documents(), department.baselineDocuments(), year, asOf);
            Measure meetings = BurdenPolicy.measure(department.meetings(), department.baselineMeetings(), year, asOf);
            return new DepartmentRow(department.departmentId(), department.name(), documents, meetings,
                    documents.status().worse(meetings.status()), department.inspections());
        }).toList();
        Measure documents = BurdenPolicy.measure(departments.stream().mapToLong(DepartmentFigures::documents).sum(),
                sumOfBaselines(departments, DepartmentFigures::baselineDocuments), year, asOf);
        Measure meetings = BurdenPolicy.measure(departments.stream().mapToLong(DepartmentFigures::meetings).sum(),
                sumOfBaselines(departments, DepartmentFigures::baselineMeetings), year, asOf);
        Totals totals = new Totals(documents, meetings, documents.status().worse(meetings.status()),
                InspectionFigures.sum(departments.stream().map(DepartmentFigures::inspections).toList(), jointVisits),
                visits);
        return new BurdenView(year, asOf, BaselineRecorded.BASE_YEAR, BurdenPolicy.TARGET_PERCENT, visitCap, rows,
                List.copyOf(stations), totals, nextStationAfter);
    }

    /** Null when no department has a baseline. */
    private static Long sumOfBaselines(List<DepartmentFigures> departments, Function<DepartmentFigures, Long> baseline) {
        return departments.stream()
                .map(baseline)
                .filter(Objects::nonNull)
                .reduce(Long::sum)
                .orElse(null);
    }

    /**
     * A department sees its own row, a station its own; both see the totals. The co-ordinating office and the
     * auditors see every row.
     */
    public BurdenView visibleTo(Actor caller) {
        return switch (caller.role()) {
            case COORDINATOR, AUDITOR -> this;
            case DEPARTMENT -> new BurdenView(year, asOf, baseYear, targetPercent, visitCap,
                    departments.stream().filter(row -> row.departmentId().equals(caller.departmentId())).toList(),
                    List.of(), totals, null);
            case STATION -> new BurdenView(year, asOf, baseYear, targetPercent, visitCap, List.of(),
                    stations.stream().filter(row -> row.stationId().equals(caller.stationId())).toList(), totals,
                    null);
        };
    }
}
