package org.stationledger.command.burden;

import static org.stationledger.command.RuleViolations.refused;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stationledger.command.burden.BurdenCommands.RecordDemand;
import org.stationledger.command.station.InMemoryRegistry;
import org.stationledger.events.burden.DemandKind;
import org.stationledger.events.burden.DocumentIssued;
import org.stationledger.events.burden.MeetingConvened;

/** Departments record the documents and meetings they issue, each naming its stations or all of them. */
class DemandFixtureTest {

    private static final LocalDate DATE = LocalDate.of(2026, 3, 2);

    private AggregateTestFixture<Demand> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Demand.class);
        fixture.registerInjectableResource(new InMemoryRegistry().department("D1").station("S1", "S2").decommissioned("S0"));
    }

    private static RecordDemand document(String id, LocalDate date, boolean all, List<String> stations) {
        return new RecordDemand(DemandKind.DOCUMENT, id, "D1", "Notice on spring patrols", date, all, stations);
    }

    @Test
    void a_document_for_named_stations_is_recorded_in_the_year_of_its_date() {
        fixture.givenNoPriorActivity()
               .when(document("DOC-1", DATE, false, List.of("S1", "S2")))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new DocumentIssued("DOC-1", 2026, "D1", "Notice on spring patrols", DATE, false,
                       List.of("S1", "S2")));
    }

    @Test
    void a_meeting_for_every_station_names_none() {
        fixture.givenNoPriorActivity()
               .when(new RecordDemand(DemandKind.MEETING, "MTG-1", "D1", "Year-end review", LocalDate.of(2026, 12, 31),
                       true, List.of()))
               .expectEvents(new MeetingConvened("MTG-1", 2026, "D1", "Year-end review", LocalDate.of(2026, 12, 31),
                       true, List.of()));
    }

    @Test
    void an_id_is_recorded_once_per_kind() {
        refused(fixture.given(new DocumentIssued("DOC-1", 2026, "D1", "t", DATE, true, List.of()))
                       .when(document("DOC-1", DATE, true, List.of())),
                "duplicate-document");
    }

    @Test
    void it_names_its_stations_or_all_of_them_but_not_both_nor_neither() {
        refused(fixture.givenNoPriorActivity().when(document("DOC-1", DATE, true, List.of("S1"))), "stations-or-all");
        refused(fixture.givenNoPriorActivity().when(document("DOC-1", DATE, false, List.of())), "stations-or-all");
    }

    @Test
    void unknown_decommissioned_or_repeated_stations_are_refused() {
        refused(fixture.givenNoPriorActivity().when(document("DOC-1", DATE, false, List.of("S1", "S9"))), "unknown-station");
        refused(fixture.givenNoPriorActivity().when(document("DOC-1", DATE, false, List.of("S0"))), "unknown-station");
        refused(fixture.givenNoPriorActivity().when(document("DOC-1", DATE, false, List.of("S1", "S1"))), "duplicate-station");
    }

    @Test
    void the_baseline_year_and_earlier_are_not_counted_one_by_one() {
        refused(fixture.givenNoPriorActivity().when(document("DOC-1", LocalDate.of(2018, 12, 31), true, List.of())),
                "date-out-of-range");
        fixture.givenNoPriorActivity()
               .when(document("DOC-1", LocalDate.of(2019, 1, 1), true, List.of()))
               .expectEvents(new DocumentIssued("DOC-1", 2019, "D1", "Notice on spring patrols", LocalDate.of(2019, 1, 1),
                       true, List.of()));
    }

    @Test
    void only_a_registered_department_records() {
        refused(fixture.givenNoPriorActivity().when(new RecordDemand(DemandKind.MEETING, "MTG-1", "NOBODY", "t", DATE,
                true, List.of())), "unknown-department");
    }
}
