package org.stationledger.command.burden;

import static org.stationledger.command.RuleViolations.refused;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stationledger.command.burden.BurdenCommands.RecordBaseline;
import org.stationledger.command.station.InMemoryRegistry;
import org.stationledger.events.burden.BaselineRecorded;

/** The co-ordinating office records each department's 2018 counts, once. */
class BaselineFixtureTest {

    private AggregateTestFixture<Baseline> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Baseline.class);
        fixture.registerInjectableResource(new InMemoryRegistry().department("D1"));
    }

    @Test
    void a_departments_2018_counts_are_recorded() {
        fixture.givenNoPriorActivity()
               .when(new RecordBaseline("D1", 120, 45))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new BaselineRecorded("D1", 2018, 120, 45));
    }

    @Test
    void zero_is_a_baseline_too() {
        fixture.givenNoPriorActivity()
               .when(new RecordBaseline("D1", 0, 0))
               .expectEvents(new BaselineRecorded("D1", 2018, 0, 0));
    }

    @Test
    void a_baseline_is_recorded_once() {
        refused(fixture.given(new BaselineRecorded("D1", 2018, 120, 45)).when(new RecordBaseline("D1", 100, 40)),
                "duplicate-baseline");
    }

    @Test
    void only_a_registered_department_has_a_baseline() {
        refused(fixture.givenNoPriorActivity().when(new RecordBaseline("NOBODY", 1, 1)), "unknown-department");
    }
}
