package org.stationledger.query.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.stationledger.events.Actor;
import org.stationledger.events.Role;
import org.stationledger.events.burden.ReportName;

/**
 * A statistics report as data, before it becomes CSV, XLSX or PDF: its tables and the charts that read better than
 * a table. Built from the events up to {@code position}; {@code asOf} is the day the last of them was recorded.
 */
record Report(ReportName name, String title, int year, String stationId, long position, LocalDate asOf,
              List<Table> tables, List<Chart> charts) {

    /**
     * Whom a row or a bar is about: a department, a station, or neither (a total, or figures that name nobody); or
     * figures for the jurisdiction roles alone ({@link #JURISDICTION_ROLES}). It decides who may see it.
     */
    record Subject(String departmentId, String stationId, boolean jurisdictionRolesOnly) {
        static final Subject NOBODY = new Subject(null, null, false);
        /** Figures that would tell others' own (a group of a few stations): the jurisdiction roles' alone. */
        static final Subject JURISDICTION_ROLES = new Subject(null, null, true);

        static Subject department(String departmentId) {
            return new Subject(departmentId, null, false);
        }

        static Subject station(String stationId) {
            return new Subject(null, stationId, false);
        }

        /**
         * Everyone sees totals; a department its own rows, a station its own; the jurisdiction roles all, and they
         * alone {@link #JURISDICTION_ROLES}' figures.
         */
        boolean visibleTo(Actor caller) {
            if (caller.seesEverything() || equals(NOBODY)) {
                return true;
            }
            if (jurisdictionRolesOnly) {
                return false;
            }
            return caller.is(Role.DEPARTMENT) ? Objects.equals(departmentId, caller.departmentId()) && stationId == null
                    : Objects.equals(stationId, caller.stationId()) && departmentId == null;
        }
    }

    /** Cells are Long, BigDecimal, String or null (empty). */
    record Row(Subject subject, List<Object> cells) {
        static Row of(Subject subject, Object... cells) {
            return new Row(subject, Arrays.asList(cells));
        }
    }

    record Table(String title, List<String> columns, List<Row> rows) {
    }

    /** One group of bars, one per series. */
    record Bar(String label, Subject subject, List<Double> values) {
    }

    /**
     * Horizontal bars in groups, one bar per series; {@code reference} draws a line across them (the 70% target),
     * null for none.
     */
    record Chart(String title, List<String> series, List<Bar> bars, Double reference, String referenceLabel) {
    }

    /** How every rendition writes a cell: numbers in plain notation, nothing for null. */
    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        return cell instanceof BigDecimal decimal ? decimal.toPlainString() : cell.toString();
    }

    /** The report as {@code caller} may see it: rows and bars about others left out, totals kept. */
    Report visibleTo(Actor caller) {
        List<Table> visibleTables = tables.stream().map(table -> new Table(table.title(), table.columns(),
                table.rows().stream().filter(row -> row.subject().visibleTo(caller)).toList())).toList();
        List<Chart> visibleCharts = charts.stream().map(chart -> new Chart(chart.title(), chart.series(),
                chart.bars().stream().filter(bar -> bar.subject().visibleTo(caller)).toList(), chart.reference(),
                chart.referenceLabel())).toList();
        return new Report(name, title, year, stationId, position, asOf, visibleTables, visibleCharts);
    }

    /** The lines every rendition starts with, in this order. */
    List<List<String>> heading() {
        List<List<String>> heading = new ArrayList<>();
        heading.add(List.of("report", name.slug()));
        heading.add(List.of("title", title));
        heading.add(List.of("year", Integer.toString(year)));
        if (stationId != null) {
            heading.add(List.of("station", stationId));
        }
        heading.add(List.of("position", Long.toString(position)));
        heading.add(List.of("as of", asOf == null ? "" : asOf.toString()));
        return heading;
    }
}
