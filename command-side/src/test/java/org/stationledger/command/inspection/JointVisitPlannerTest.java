package org.stationledger.command.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stationledger.command.inspection.JointVisitPlanner.ExistingVisit;
import org.stationledger.command.inspection.JointVisitPlanner.ItemWindow;
import org.stationledger.command.inspection.JointVisitPlanner.StationVisits;
import org.stationledger.command.inspection.JointVisitPlanner.Visit;
import org.stationledger.command.inspection.JointVisitPlanner.Window;

/** Merging approved plan items that target one station into as few visits as possible. */
class JointVisitPlannerTest {

    private static final int YEAR = 2025;
    private static final String STATION = "S1";

    private static Window window(int fromMonth, int fromDay, int toMonth, int toDay) {
        return new Window(LocalDate.of(YEAR, fromMonth, fromDay), LocalDate.of(YEAR, toMonth, toDay));
    }

    private static ItemWindow item(String planItemId, String departmentId, Window window) {
        return new ItemWindow(planItemId, departmentId, window);
    }

    private static StationVisits plan(List<ExistingVisit> existing, ItemWindow... items) {
        return JointVisitPlanner.plan(YEAR, STATION, existing, List.of(items));
    }

    @Test
    void two_overlapping_items_become_one_joint_visit_in_their_overlap_with_both_departments() {
        ItemWindow traffic = item("P1", "D1", window(3, 1, 3, 20));
        ItemWindow fire = item("P2", "D2", window(3, 10, 4, 30));

        StationVisits planned = plan(List.of(), fire, traffic);

        assertThat(planned.stationId()).isEqualTo(STATION);
        assertThat(planned.visits()).containsExactly(
                new Visit("2025-S1-1", false, window(3, 10, 3, 20), List.of(traffic, fire)));
        assertThat(planned.visits().get(0).departmentIds()).containsExactly("D1", "D2");
        assertThat(planned.visits().get(0).planItemIds()).containsExactly("P1", "P2");
    }

    @Test
    void two_items_of_one_department_in_one_visit_name_the_department_once() {
        StationVisits planned = plan(List.of(), item("P1", "D1", window(3, 1, 3, 20)), item("P2", "D1", window(3, 5, 3, 25)));

        assertThat(planned.visits()).hasSize(1);
        assertThat(planned.visits().get(0).departmentIds()).containsExactly("D1");
        assertThat(planned.visits().get(0).planItemIds()).containsExactly("P1", "P2");
    }

    @Test
    void two_items_that_do_not_overlap_are_two_visits_numbered_in_date_order() {
        ItemWindow spring = item("P1", "D1", window(3, 1, 3, 31));
        ItemWindow autumn = item("P2", "D2", window(9, 1, 9, 30));

        StationVisits planned = plan(List.of(), autumn, spring);

        assertThat(planned.visits()).containsExactly(
                new Visit("2025-S1-1", false, spring.window(), List.of(spring)),
                new Visit("2025-S1-2", false, autumn.window(), List.of(autumn)));
    }

    @Test
    void a_chain_where_a_meets_b_and_b_meets_c_but_not_a_and_c_needs_only_two_visits() {
        ItemWindow a = item("A", "D1", window(3, 1, 3, 10));
        ItemWindow b = item("B", "D2", window(3, 5, 3, 15));
        ItemWindow c = item("C", "D3", window(3, 12, 3, 20));

        StationVisits planned = plan(List.of(), c, b, a);

        assertThat(planned.visits()).hasSize(2);
        assertThat(planned.visits()).containsExactly(
                new Visit("2025-S1-1", false, window(3, 5, 3, 10), List.of(a, b)),
                new Visit("2025-S1-2", false, c.window(), List.of(c)));
    }

    @Test
    void a_long_item_and_two_short_disjoint_ones_need_only_two_visits() {
        // Fewest possible: the two short items cannot share a visit, and the long one fits with either.
        ItemWindow longItem = item("L", "D1", window(1, 1, 12, 31));
        ItemWindow first = item("S", "D2", window(4, 1, 4, 10));
        ItemWindow second = item("T", "D3", window(5, 1, 5, 10));

        StationVisits planned = plan(List.of(), second, longItem, first);

        assertThat(planned.visits()).extracting(Visit::window)
                .containsExactly(window(4, 1, 4, 10), window(5, 1, 5, 10));
        assertThat(planned.visits()).extracting(Visit::planItemIds)
                .containsExactly(List.of("L", "S"), List.of("T"));
    }

    @Test
    void windows_that_touch_on_one_day_overlap_on_that_day() {
        ItemWindow before = item("P1", "D1", window(3, 1, 3, 15));
        ItemWindow after = item("P2", "D2", window(3, 15, 3, 31));

        StationVisits planned = plan(List.of(), before, after);

        assertThat(planned.visits()).containsExactly(
                new Visit("2025-S1-1", false, window(3, 15, 3, 15), List.of(before, after)));
    }

    @Test
    void windows_a_day_apart_do_not_overlap() {
        StationVisits planned = plan(List.of(), item("P1", "D1", window(3, 1, 3, 15)), item("P2", "D2", window(3, 16, 3, 31)));

        assertThat(planned.visits()).hasSize(2);
    }

    @Test
    void a_late_item_whose_window_encloses_an_existing_visit_joins_it_and_leaves_its_window() {
        ExistingVisit existing = new ExistingVisit("2025-S1-1", window(3, 10, 3, 31));
        ItemWindow late = item("P9", "D3", window(3, 1, 4, 15));

        StationVisits planned = plan(List.of(existing), late);

        assertThat(planned.visits()).containsExactly(
                new Visit("2025-S1-1", true, window(3, 10, 3, 31), List.of(late)));
        assertThat(planned.changed()).containsExactlyElementsOf(planned.visits());
    }

    /** The department has inspected the visit already: what its late item covers was not assessed then. */
    @Test
    void a_late_item_does_not_join_a_visit_its_department_has_used() {
        ExistingVisit used = new ExistingVisit("2025-S1-1", window(3, 10, 3, 31), Set.of("D3"));
        ItemWindow late = item("P9", "D3", window(3, 1, 4, 15));
        ItemWindow other = item("P8", "D2", window(3, 1, 4, 15));

        StationVisits planned = plan(List.of(used), late, other);

        assertThat(planned.visits()).containsExactly(
                new Visit("2025-S1-1", true, window(3, 10, 3, 31), List.of(other)),
                new Visit("2025-S1-2", false, window(3, 1, 4, 15), List.of(late)));
    }

    /**
     * Joining would narrow an approved visit: its departments' items would lose days, and an inspection already made
     * in it could fall outside it. The late item gets a visit of its own instead.
     */
    @Test
    void a_late_item_overlapping_an_existing_visit_only_in_part_gets_its_own_visit() {
        ExistingVisit existing = new ExistingVisit("2025-S1-1", window(3, 1, 3, 31));
        ItemWindow late = item("P9", "D3", window(3, 20, 4, 15));

        StationVisits planned = plan(List.of(existing), late);

        assertThat(planned.visits()).containsExactly(
                new Visit("2025-S1-1", true, window(3, 1, 3, 31), List.of()),
                new Visit("2025-S1-2", false, window(3, 20, 4, 15), List.of(late)));
    }

    @Test
    void a_late_item_that_fits_no_existing_visit_gets_the_next_visit_id() {
        ExistingVisit first = new ExistingVisit("2025-S1-1", window(3, 1, 3, 31));
        ExistingVisit second = new ExistingVisit("2025-S1-2", window(6, 1, 6, 30));
        ItemWindow late = item("P9", "D3", window(9, 1, 9, 30));

        StationVisits planned = plan(List.of(first, second), late);

        assertThat(planned.visits()).extracting(Visit::visitId).containsExactly("2025-S1-1", "2025-S1-2", "2025-S1-3");
        assertThat(planned.visits().get(2)).isEqualTo(new Visit("2025-S1-3", false, late.window(), List.of(late)));
    }

    @Test
    void changed_lists_only_visits_that_gained_items_not_untouched_existing_ones() {
        ExistingVisit untouched = new ExistingVisit("2025-S1-1", window(3, 1, 3, 31));
        ExistingVisit joined = new ExistingVisit("2025-S1-2", window(6, 1, 6, 30));
        ItemWindow joining = item("P8", "D2", window(5, 25, 7, 10));
        ItemWindow fresh = item("P9", "D3", window(9, 1, 9, 30));

        StationVisits planned = plan(List.of(untouched, joined), fresh, joining);

        assertThat(planned.visits()).hasSize(3);
        assertThat(planned.changed()).containsExactly(
                new Visit("2025-S1-2", true, window(6, 1, 6, 30), List.of(joining)),
                new Visit("2025-S1-3", false, fresh.window(), List.of(fresh)));
    }

    @Test
    void with_no_items_nothing_changes() {
        StationVisits planned = plan(List.of(new ExistingVisit("2025-S1-1", window(3, 1, 3, 31))));

        assertThat(planned.visits()).hasSize(1);
        assertThat(planned.changed()).isEmpty();
    }

    @Test
    void visit_ids_are_year_station_and_ordinal() {
        assertThat(JointVisitPlanner.visitId(2025, "PS-0042", 3)).isEqualTo("2025-PS-0042-3");
        StationVisits planned = JointVisitPlanner.plan(2026, "PS-0042", List.of(),
                List.of(new ItemWindow("P1", "D1", new Window(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 9)))));
        assertThat(planned.visits()).extracting(Visit::visitId).containsExactly("2026-PS-0042-1");
    }
}
