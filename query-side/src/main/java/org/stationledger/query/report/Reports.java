package org.stationledger.query.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stationledger.events.RuleViolation;
import org.stationledger.events.burden.DemandKind;
import org.stationledger.events.burden.ReportName;
import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionCategory;
import org.stationledger.events.rating.Grade;
import org.stationledger.events.station.StationKind;
import org.stationledger.query.burden.BurdenView;
import org.stationledger.query.burden.ExceptionFigures;
import org.stationledger.query.burden.InspectionFigures;
import org.stationledger.query.burden.InspectionTally;
import org.stationledger.query.burden.Measure;
import org.stationledger.query.burden.StationFigures;
import org.stationledger.query.report.Report.Bar;
import org.stationledger.query.report.Report.Chart;
import org.stationledger.query.report.Report.Row;
import org.stationledger.query.report.Report.Subject;
import org.stationledger.query.report.Report.Table;

/**
 * The five statistics reports, laid out from a year's facts. Rows come in a fixed order (departments and stations
 * by id, grades, kinds, reasons and categories in their declared order), so the same facts give the same report.
 */
final class Reports {

    private static final String ALL = "all";

    private Reports() {
    }

    static Report build(ReportName name, YearFacts facts, String stationId, long position, LocalDate asOf) {
        return switch (name) {
            case RATINGS_DISTRIBUTION -> ratingsDistribution(facts, position, asOf);
            case INSPECTIONS_BY_DEPARTMENT -> inspectionsByDepartment(facts.burdenByDepartment(asOf), position);
            case BLOCKED_ATTEMPTS -> blockedAttempts(facts.burdenByDepartment(asOf), position);
            case BURDEN -> burden(facts.burden(asOf), position);
            case STATION_SUMMARY -> stationSummary(facts, stationId, position, asOf);
        };
    }

    /**
     * Below this many stations a group's grade counts tell who got which grade, so that a department (which reads a
     * station's rating only for a year it inspected it) or a station would learn others' grades: such a group's
     * figures are for the co-ordinating office and the auditors alone. Grades are counted by station kind only for
     * them: with several kinds, the total less the kinds shown would give the hidden ones away.
     */
    static final int FEWEST_STATIONS_SHOWN = 3;

    /** Grade by station kind: the official grade once final, else the eligible grade from the findings so far. */
    private static Report ratingsDistribution(YearFacts facts, long position, LocalDate asOf) {
        Map<StationKind, long[]> byKind = new EnumMap<>(StationKind.class);
        Map<YearFacts.Basis, Long> byBasis = new EnumMap<>(YearFacts.Basis.class);
        long[] all = new long[Grade.values().length];
        for (YearFacts.Rated rated : facts.ratings()) {
            byKind.computeIfAbsent(rated.kind(), kind -> new long[Grade.values().length])[rated.grade().ordinal()]++;
            all[rated.grade().ordinal()]++;
            byBasis.merge(rated.basis(), 1L, Long::sum);
        }
        List<String> columns = new ArrayList<>(List.of("station kind"));
        for (Grade grade : Grade.values()) {
            columns.add(grade.name());
        }
        columns.add("stations");
        List<Row> rows = new ArrayList<>();
        byKind.forEach((kind, grades) -> rows.add(gradeRow(Subject.JURISDICTION_ROLES, kind.name(), grades)));
        Subject everyStation = facts.ratings().size() < FEWEST_STATIONS_SHOWN
                ? Subject.JURISDICTION_ROLES : Subject.NOBODY;
        rows.add(gradeRow(everyStation, ALL, all));
        List<Row> basis = new ArrayList<>();
        for (YearFacts.Basis each : YearFacts.Basis.values()) {
            basis.add(Row.of(Subject.NOBODY, each.name(), byBasis.getOrDefault(each, 0L)));
        }
        List<Bar> bars = new ArrayList<>();
        for (Grade grade : Grade.values()) {
            bars.add(new Bar(grade.name(), everyStation, List.of((double) all[grade.ordinal()])));
        }
        return new Report(ReportName.RATINGS_DISTRIBUTION, "Ratings distribution: grade by station kind", facts.year(),
                null, position, asOf,
                List.of(new Table("Grade by station kind", columns, rows),
                        new Table("How the grades were reached", List.of("basis", "stations"), basis)),
                List.of(new Chart("Stations by grade", List.of("stations"), bars, null, null)));
    }

    private static Row gradeRow(Subject subject, String label, long[] grades) {
        List<Object> cells = new ArrayList<>();
        cells.add(label);
        long stations = 0;
        for (long count : grades) {
            cells.add(count);
            stations += count;
        }
        cells.add(stations);
        return new Row(subject, cells);
    }

    private static Report inspectionsByDepartment(BurdenView view, long position) {
        List<Row> requests = new ArrayList<>();
        List<Row> exceptions = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        for (BurdenView.DepartmentRow department : view.departments()) {
            Subject subject = Subject.department(department.departmentId());
            requests.add(requestRow(subject, department.departmentId(), department.name(), department.inspections()));
            department.inspections().exceptionsByCategory().forEach((category, figures) -> {
                if (figures.requested() > 0) {
                    exceptions.add(exceptionRow(subject, department.departmentId(), category, figures));
                }
            });
            InspectionFigures figures = department.inspections();
            bars.add(new Bar(department.departmentId(), subject, List.of((double) figures.authorised(),
                    (double) figures.blocked(), (double) figures.pendingExceptions())));
        }
        InspectionFigures total = view.totals().inspections();
        requests.add(requestRow(Subject.NOBODY, ALL, "", total));
        total.exceptionsByCategory().forEach((category, figures) ->
                exceptions.add(exceptionRow(Subject.NOBODY, ALL, category, figures)));
        return new Report(ReportName.INSPECTIONS_BY_DEPARTMENT, "Inspections by department", view.year(), null, position,
                view.asOf(),
                List.of(new Table("Requests by department", List.of("department", "name", "requests", "authorised",
                                "blocked", "pending exceptions", "exceptions", "joint visits"), requests),
                        new Table("Exceptions by category", List.of("department", "category", "requested", "approved",
                                "refused", "pending"), exceptions)),
                List.of(new Chart("Requests by department", List.of("authorised", "blocked", "pending exceptions"),
                        bars, null, null)));
    }

    private static Row requestRow(Subject subject, String departmentId, String name, InspectionFigures figures) {
        return Row.of(subject, departmentId, name, figures.requests(), figures.authorised(), figures.blocked(),
                figures.pendingExceptions(), figures.exceptions(), figures.jointVisits());
    }

    private static Row exceptionRow(Subject subject, String departmentId, ExceptionCategory category,
                                    ExceptionFigures figures) {
        return Row.of(subject, departmentId, category.name(), figures.requested(), figures.approved(),
                figures.refused(), figures.pending());
    }

    private static Report blockedAttempts(BurdenView view, long position) {
        List<String> columns = new ArrayList<>(List.of("department", "name"));
        for (BlockReason reason : BlockReason.values()) {
            columns.add(reason.name());
        }
        columns.add("blocked");
        List<Row> rows = new ArrayList<>();
        for (BurdenView.DepartmentRow department : view.departments()) {
            rows.add(blockedRow(Subject.department(department.departmentId()), department.departmentId(),
                    department.name(), department.inspections()));
        }
        InspectionFigures total = view.totals().inspections();
        rows.add(blockedRow(Subject.NOBODY, ALL, "", total));
        List<Bar> bars = new ArrayList<>();
        total.blockedByReason().forEach((reason, count) ->
                bars.add(new Bar(reason.name(), Subject.NOBODY, List.of((double) count))));
        return new Report(ReportName.BLOCKED_ATTEMPTS, "Blocked inspection attempts by reason and department",
                view.year(), null, position, view.asOf(),
                List.of(new Table("Blocked attempts by department and reason", columns, rows)),
                List.of(new Chart("Blocked attempts by reason", List.of("blocked"), bars, null, null)));
    }

    private static Row blockedRow(Subject subject, String departmentId, String name, InspectionFigures figures) {
        List<Object> cells = new ArrayList<>(List.of(departmentId, name));
        cells.addAll(figures.blockedByReason().values());
        cells.add(figures.blocked());
        return new Row(subject, cells);
    }

    private static Report burden(BurdenView view, long position) {
        List<Row> documents = new ArrayList<>();
        List<Row> meetings = new ArrayList<>();
        List<Bar> bars = new ArrayList<>();
        for (BurdenView.DepartmentRow department : view.departments()) {
            Subject subject = Subject.department(department.departmentId());
            documents.add(measureRow(subject, department.departmentId(), department.name(), department.documents()));
            meetings.add(measureRow(subject, department.departmentId(), department.name(), department.meetings()));
            if (department.documents().percentOfBaseline() != null && department.meetings().percentOfBaseline() != null) {
                bars.add(new Bar(department.departmentId(), subject, List.of(
                        department.documents().percentOfBaseline().doubleValue(),
                        department.meetings().percentOfBaseline().doubleValue())));
            }
        }
        documents.add(measureRow(Subject.NOBODY, ALL, "", view.totals().documents()));
        meetings.add(measureRow(Subject.NOBODY, ALL, "", view.totals().meetings()));
        List<Row> stations = new ArrayList<>();
        for (StationFigures station : view.stations()) {
            stations.add(Row.of(Subject.station(station.stationId()), station.stationId(), station.name(),
                    station.visits(), station.visitCap() == null ? null : (long) station.visitCap(), station.requests(),
                    station.authorised(), station.blocked(), station.pendingExceptions(), station.documents(),
                    station.meetings()));
        }
        List<String> measureColumns = List.of("department", "name", view.baseYear() + " baseline", "count",
                "target (" + view.targetPercent() + "%)", "% of baseline", "reduction %", "projected", "status");
        return new Report(ReportName.BURDEN, "Burden on stations against the " + view.baseYear() + " baseline",
                view.year(), null, position, view.asOf(),
                List.of(new Table("Documents requiring station action", measureColumns, documents),
                        new Table("Meetings requiring station attendance", measureColumns, meetings),
                        new Table("Stations", List.of("station", "name", "visits", "visit cap", "requests",
                                "authorised", "blocked", "pending exceptions", "documents", "meetings"), stations)),
                List.of(new Chart("Percent of the " + view.baseYear() + " baseline", List.of("documents", "meetings"),
                        bars, (double) view.targetPercent(), "target " + view.targetPercent() + "%")));
    }

    private static Row measureRow(Subject subject, String departmentId, String name, Measure measure) {
        return Row.of(subject, departmentId, name, measure.baseline(), measure.count(), measure.target(),
                measure.percentOfBaseline(), measure.reductionPercent(), measure.projected(), measure.status().name());
    }

    /** One page for one station: its grade, its visits and requests, what reached it, and from whom. */
    private static Report stationSummary(YearFacts facts, String stationId, long position, LocalDate asOf) {
        YearFacts.Station station = facts.station(stationId);
        if (station == null) {
            throw RuleViolation.notFound("unknown-station", "Station " + stationId + " is not registered.");
        }
        Subject subject = Subject.station(stationId);
        StationFigures figures = facts.figuresOf(List.of(station)).get(0);
        YearFacts.Rated rating = facts.ratingsOf(List.of(station)).stream().findFirst().orElse(null);

        List<Row> about = new ArrayList<>();
        about.add(Row.of(subject, "station", stationId));
        about.add(Row.of(subject, "name", station.name()));
        about.add(Row.of(subject, "parent", station.parent()));
        about.add(Row.of(subject, "kind", station.kind().name()));
        about.add(Row.of(subject, "decommissioned", station.decommissionedAt() == null ? "no" : "yes"));
        about.add(Row.of(subject, "grade", rating == null ? null : rating.grade().name()));
        about.add(Row.of(subject, "score", rating == null ? null : rating.score()));
        about.add(Row.of(subject, "veto", rating == null ? null : rating.veto() ? "yes" : "no"));
        about.add(Row.of(subject, "grade basis", rating == null ? null : rating.basis().name()));
        about.add(Row.of(subject, "visits", figures.visits()));
        about.add(Row.of(subject, "visit cap", figures.visitCap() == null ? null : (long) figures.visitCap()));
        about.add(Row.of(subject, "requests", figures.requests()));
        about.add(Row.of(subject, "authorised", figures.authorised()));
        about.add(Row.of(subject, "blocked", figures.blocked()));
        about.add(Row.of(subject, "pending exceptions", figures.pendingExceptions()));
        about.add(Row.of(subject, "documents", figures.documents()));
        about.add(Row.of(subject, "meetings", figures.meetings()));

        InspectionTally all = new InspectionTally();
        Map<String, InspectionTally> byDepartment = new HashMap<>();
        for (YearFacts.Request request : facts.requestsOf(stationId)) {
            all.add(request.status(), request.reason(), request.category(), 1);
            byDepartment.computeIfAbsent(request.departmentId(), id -> new InspectionTally())
                    .add(request.status(), request.reason(), request.category(), 1);
        }
        List<Row> blocked = new ArrayList<>();
        all.figures().blockedByReason().forEach((reason, count) -> blocked.add(Row.of(subject, reason.name(), count)));

        List<Row> departments = new ArrayList<>();
        facts.departments().forEach((departmentId, name) -> {
            InspectionFigures requests = byDepartment.getOrDefault(departmentId, new InspectionTally()).figures();
            long documents = facts.addressed(station, DemandKind.DOCUMENT, departmentId);
            long meetings = facts.addressed(station, DemandKind.MEETING, departmentId);
            if (requests.requests() + documents + meetings > 0) {
                departments.add(Row.of(subject, departmentId, name, requests.requests(), requests.authorised(),
                        requests.blocked(), requests.pendingExceptions(), documents, meetings));
            }
        });
        return new Report(ReportName.STATION_SUMMARY, "Station summary: " + stationId, facts.year(), stationId,
                position, asOf,
                List.of(new Table("Station", List.of("item", "value"), about),
                        new Table("Blocked requests by reason", List.of("reason", "requests"), blocked),
                        new Table("By department", List.of("department", "name", "requests", "authorised", "blocked",
                                "pending exceptions", "documents", "meetings"), departments)),
                List.of());
    }
}
