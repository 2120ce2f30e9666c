package org.stationledger.command.assessment;

import static org.stationledger.command.RuleViolations.refused;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stationledger.command.assessment.CycleCommands.CloseCycle;
import org.stationledger.command.assessment.CycleCommands.OpenCycle;
import org.stationledger.command.assessment.CycleCommands.ProposeIndicator;
import org.stationledger.command.assessment.CycleCommands.PublishScheme;
import org.stationledger.command.station.InMemoryRegistry;
import org.stationledger.events.assessment.CycleClosed;
import org.stationledger.events.assessment.CycleOpened;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.assessment.IndicatorProposed;
import org.stationledger.events.assessment.SchemePublished;

/** Opening a year, building and publishing its scheme of indicators, and closing it. */
class CycleFixtureTest {

    private static final int YEAR = 2025;
    private static final CycleOpened OPENED = new CycleOpened(YEAR, 4, GradeBands.DEFAULT, 10);

    private AggregateTestFixture<Cycle> fixture;
    private InMemoryCycles cycles;

    @BeforeEach
    void setUp() {
        cycles = new InMemoryCycles();
        fixture = new AggregateTestFixture<>(Cycle.class);
        fixture.registerInjectableResource(cycles);
        fixture.registerInjectableResource(new InMemoryRegistry().department("D1", "D2"));
    }

    private static IndicatorProposed scored(String indicatorId, int maxPoints) {
        return new IndicatorProposed(YEAR, indicatorId, "Indicator " + indicatorId, "D1", maxPoints, IndicatorKind.SCORED);
    }

    private static IndicatorProposed veto(String indicatorId) {
        return new IndicatorProposed(YEAR, indicatorId, "Indicator " + indicatorId, "D2", 0, IndicatorKind.VETO);
    }

    @Test
    void the_coordinator_opens_a_year() {
        GradeBands bands = new GradeBands(90, 80, 70, 60);
        fixture.givenNoPriorActivity()
               .when(new OpenCycle(YEAR, 3, bands, 15))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new CycleOpened(YEAR, 3, bands, 15));
    }

    @Test
    void a_year_opens_once() {
        cycles.open(YEAR);
        refused(fixture.givenNoPriorActivity().when(new OpenCycle(YEAR, 4, GradeBands.DEFAULT, 10)), "cycle-exists");
    }

    @Test
    void a_department_proposes_an_indicator() {
        fixture.given(OPENED)
               .when(new ProposeIndicator(YEAR, "I1", "Traffic safety", "D1", 20, IndicatorKind.SCORED))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new IndicatorProposed(YEAR, "I1", "Traffic safety", "D1", 20, IndicatorKind.SCORED));
    }

    @Test
    void a_veto_indicator_with_no_points_is_accepted() {
        fixture.given(OPENED)
               .when(new ProposeIndicator(YEAR, "V1", "Deaths in custody", "D2", 0, IndicatorKind.VETO))
               .expectEvents(new IndicatorProposed(YEAR, "V1", "Deaths in custody", "D2", 0, IndicatorKind.VETO));
    }

    @Test
    void no_indicator_can_be_added_once_the_scheme_is_published() {
        refused(fixture.given(OPENED, scored("I1", 100), new SchemePublished(YEAR, List.of("I1")))
                       .when(new ProposeIndicator(YEAR, "TEMP", "Temporary assessment", "D1", 5, IndicatorKind.SCORED)),
                "scheme-frozen");
    }

    @Test
    void an_unknown_department_cannot_propose() {
        refused(fixture.given(OPENED).when(new ProposeIndicator(YEAR, "I1", "Traffic safety", "D404", 20,
                IndicatorKind.SCORED)), "unknown-department");
    }

    @Test
    void an_indicator_id_is_used_once() {
        refused(fixture.given(OPENED, scored("I1", 20)).when(new ProposeIndicator(YEAR, "I1", "Other", "D2", 10,
                IndicatorKind.SCORED)), "duplicate-indicator");
    }

    @Test
    void a_veto_indicator_carries_no_points() {
        refused(fixture.given(OPENED).when(new ProposeIndicator(YEAR, "V1", "Deaths in custody", "D2", 5,
                IndicatorKind.VETO)), "veto-carries-no-points");
    }

    @Test
    void a_scored_indicator_carries_at_least_one_point() {
        refused(fixture.given(OPENED).when(new ProposeIndicator(YEAR, "I1", "Traffic safety", "D1", 0,
                IndicatorKind.SCORED)), "invalid-max-points");
    }

    /**
     * No indicator is ever taken back, so a proposal that no publishable scheme could hold would leave the year
     * without a scheme, a plan or a rating for good.
     */
    @Test
    void a_proposal_past_100_scored_points_is_refused() {
        refused(fixture.given(OPENED, scored("I1", 60)).when(new ProposeIndicator(YEAR, "I2", "Community", "D2", 41,
                IndicatorKind.SCORED)), "scheme-total-over-100")
                .expectExceptionMessage("The SCORED indicators proposed carry 60 of the scheme's 100 points; 41 more "
                                        + "would pass them.");
        fixture.given(OPENED, scored("I1", 60))
               .when(new ProposeIndicator(YEAR, "I2", "Community", "D2", 40, IndicatorKind.SCORED))
               .expectSuccessfulHandlerExecution();
        fixture.given(OPENED, scored("I1", 100))
               .when(new ProposeIndicator(YEAR, "V1", "Deaths in custody", "D2", 0, IndicatorKind.VETO))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void the_thirtieth_indicator_completes_the_100_points_and_no_31st_is_proposed() {
        List<IndicatorProposed> thirty = thirtyIndicatorsWorth100();
        List<Object> twentyNine = new ArrayList<>(List.of(OPENED));
        twentyNine.addAll(thirty.subList(0, 29));
        IndicatorProposed last = thirty.get(29);
        refused(fixture.given(twentyNine).when(new ProposeIndicator(YEAR, "V30", "Deaths in custody", "D2", 0,
                IndicatorKind.VETO)), "scheme-total-not-100");
        fixture.given(twentyNine)
               .when(new ProposeIndicator(YEAR, last.indicatorId(), last.title(), last.departmentId(), last.maxPoints(),
                       last.kind()))
               .expectSuccessfulHandlerExecution();
        List<Object> all = new ArrayList<>(List.of(OPENED));
        all.addAll(thirty);
        refused(fixture.given(all).when(new ProposeIndicator(YEAR, "V31", "Deaths in custody", "D2", 0,
                IndicatorKind.VETO)), "too-many-indicators");
    }

    @Test
    void a_scheme_whose_scored_points_sum_to_99_is_refused() {
        refused(fixture.given(OPENED, scored("I1", 60), scored("I2", 39)).when(new PublishScheme(YEAR)),
                "scheme-total-not-100")
                .expectExceptionMessage("The SCORED indicators' max points must sum to exactly 100; they sum to 99.");
    }

    @Test
    void a_scheme_whose_scored_points_sum_to_101_is_refused() {
        refused(fixture.given(OPENED, scored("I1", 60), scored("I2", 41)).when(new PublishScheme(YEAR)),
                "scheme-total-not-100");
    }

    @Test
    void a_scheme_of_exactly_100_scored_points_and_a_veto_indicator_is_published() {
        fixture.given(OPENED, scored("I1", 60), veto("V1"), scored("I2", 40))
               .when(new PublishScheme(YEAR))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new SchemePublished(YEAR, List.of("I1", "V1", "I2")));
    }

    @Test
    void a_scheme_of_30_indicators_is_published() {
        List<Object> given = new ArrayList<>(List.of(OPENED));
        given.addAll(thirtyIndicatorsWorth100());
        fixture.given(given)
               .when(new PublishScheme(YEAR))
               .expectEvents(new SchemePublished(YEAR, thirtyIndicatorsWorth100().stream()
                       .map(IndicatorProposed::indicatorId).toList()));
    }

    @Test
    void a_scheme_of_31_indicators_is_refused() {
        List<Object> given = new ArrayList<>(List.of(OPENED));
        given.addAll(thirtyIndicatorsWorth100());
        given.add(veto("V31"));
        refused(fixture.given(given).when(new PublishScheme(YEAR)), "too-many-indicators");
    }

    @Test
    void a_scheme_is_published_once() {
        refused(fixture.given(OPENED, scored("I1", 100), new SchemePublished(YEAR, List.of("I1")))
                       .when(new PublishScheme(YEAR)),
                "scheme-already-published");
    }

    @Test
    void the_coordinator_closes_the_year() {
        fixture.given(OPENED, scored("I1", 100), new SchemePublished(YEAR, List.of("I1")))
               .when(new CloseCycle(YEAR))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new CycleClosed(YEAR));
    }

    /** A rating is scored against the published scheme: with none, every station would be drafted at 0, LEVEL_5. */
    @Test
    void a_year_whose_scheme_is_not_published_cannot_be_closed() {
        refused(fixture.given(OPENED, scored("I1", 100)).when(new CloseCycle(YEAR)), "scheme-not-published");
    }

    @Test
    void a_closed_year_takes_no_new_indicator() {
        refused(fixture.given(OPENED, new CycleClosed(YEAR))
                       .when(new ProposeIndicator(YEAR, "I1", "Traffic safety", "D1", 20, IndicatorKind.SCORED)),
                "cycle-closed");
    }

    @Test
    void a_closed_year_cannot_be_closed_or_published_again() {
        refused(fixture.given(OPENED, new CycleClosed(YEAR)).when(new CloseCycle(YEAR)), "cycle-closed");
        refused(fixture.given(OPENED, scored("I1", 100), new CycleClosed(YEAR)).when(new PublishScheme(YEAR)),
                "cycle-closed");
    }

    /** Ten indicators of 4 points and twenty of 3: thirty indicators, 100 points. */
    private static List<IndicatorProposed> thirtyIndicatorsWorth100() {
        List<IndicatorProposed> indicators = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            indicators.add(scored("I" + i, i <= 10 ? 4 : 3));
        }
        return indicators;
    }
}
