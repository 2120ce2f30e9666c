package org.stationledger.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stationledger.events.assessment.CycleClosed;
import org.stationledger.events.assessment.CycleOpened;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;
import org.stationledger.events.assessment.IndicatorProposed;
import org.stationledger.events.assessment.SchemePublished;
import org.stationledger.events.burden.BaselineRecorded;
import org.stationledger.events.burden.DocumentIssued;
import org.stationledger.events.burden.MeetingConvened;
import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionCategory;
import org.stationledger.events.inspection.ExceptionRefused;
import org.stationledger.events.inspection.ExceptionRequested;
import org.stationledger.events.inspection.FindingRecorded;
import org.stationledger.events.inspection.InspectionAuthorised;
import org.stationledger.events.inspection.JointVisitJoined;
import org.stationledger.events.inspection.JointVisitScheduled;
import org.stationledger.events.rating.AppealUpheld;
import org.stationledger.events.rating.FindingReduction;
import org.stationledger.events.rating.Grade;
import org.stationledger.events.rating.RatingFinalised;
import org.stationledger.events.station.DepartmentRegistered;
import org.stationledger.events.station.StationDecommissioned;
import org.stationledger.events.station.StationKind;
import org.stationledger.events.station.StationRegistered;
import org.stationledger.query.burden.BurdenStatus;
import org.stationledger.query.burden.BurdenView;
import org.stationledger.query.burden.StationFigures;

/** What the fold makes of the events, in the order the event store holds them. */
class YearFactsTest {

    private static final int YEAR = 2026;
    private static final LocalDate DAY = LocalDate.of(YEAR, 3, 1);
    private static final LocalDate YEAR_OVER = LocalDate.of(2027, 1, 10);

    private final YearFacts facts = new YearFacts(YEAR);
    private long position;

    private void given(Object... events) {
        for (Object event : events) {
            facts.apply(event, position++);
        }
    }

    private static StationRegistered station(String id, StationKind kind) {
        return new StationRegistered(id, "Station " + id, "Bureau", kind, 1, 1, 1, 1);
    }

    @Test
    void aDocumentForEveryStationReachesThoseRegisteredAndNotDecommissionedWhenItWasRecorded() {
        given(new DepartmentRegistered("D1", "One"), station("S1", StationKind.URBAN), station("S2", StationKind.RURAL),
                new DocumentIssued("DOC-1", YEAR, "D1", "t", DAY, true, List.of()),
                station("S3", StationKind.RURAL),
                new StationDecommissioned("S2", "merged"),
                new DocumentIssued("DOC-2", YEAR, "D1", "t", DAY, true, List.of()),
                new DocumentIssued("DOC-3", YEAR, "D1", "t", DAY, false, List.of("S3")),
                new MeetingConvened("MTG-1", YEAR, "D1", "t", DAY, false, List.of("S1", "S3")));
        BurdenView view = facts.burden(YEAR_OVER);
        assertThat(view.stations()).extracting(s -> s.stationId() + ":" + s.documents() + "/" + s.meetings())
                .containsExactly("S1:2/1", "S2:1/0", "S3:2/1");
        assertOwnFiguresAreTheYears(view);
        assertThat(view.departments().get(0).documents().count()).isEqualTo(3);
        assertThat(view.departments().get(0).status()).isEqualTo(BurdenStatus.NO_BASELINE);
    }

    @Test
    void departmentsAreHeldToTheirBaselines() {
        given(new DepartmentRegistered("D1", "One"), new DepartmentRegistered("D2", "Two"),
                new BaselineRecorded("D1", 2018, 2, 10), new BaselineRecorded("D2", 2018, 10, 10),
                new DocumentIssued("DOC-1", YEAR, "D1", "t", DAY, true, List.of()),
                new DocumentIssued("DOC-2", YEAR, "D1", "t", DAY, true, List.of()));
        BurdenView view = facts.burden(YEAR_OVER);
        assertThat(view.departments()).extracting(d -> d.departmentId() + ":" + d.status())
                .containsExactly("D1:OVER", "D2:ON_TRACK");
        assertThat(view.totals().documents().count()).isEqualTo(2);
        assertThat(view.totals().documents().baseline()).isEqualTo(12);
        assertThat(view.totals().documents().reductionPercent()).isEqualByComparingTo("83.3");
    }

    @Test
    void requestsEndInTheirLatestStateAndLateDepartmentsMakeAVisitJoint() {
        given(new DepartmentRegistered("D1", "One"), new DepartmentRegistered("D2", "Two"), station("S1", StationKind.URBAN),
                new CycleOpened(YEAR, 4, GradeBands.DEFAULT, 10),
                new JointVisitScheduled("V1", YEAR, "S1", DAY, DAY.plusDays(9), List.of("P1"), List.of("D1")),
                new JointVisitScheduled("V2", YEAR, "S1", DAY.plusMonths(3), DAY.plusMonths(4), List.of("P1"), List.of("D1")),
                new JointVisitJoined("V1", YEAR, "S1", "P2", "D2", DAY, DAY.plusDays(5)),
                new InspectionAuthorised("I1", YEAR, "S1", "D1", DAY, "P1", "V1"),
                new ExceptionRequested("I2", YEAR, "S1", "D2", DAY, ExceptionCategory.MAJOR_INCIDENT, "why"),
                new ExceptionRefused("I2", YEAR, "S1", "D2", "no"),
                new ExceptionRequested("I3", YEAR, "S1", "D2", DAY, ExceptionCategory.PUBLIC_COMPLAINT, "why"));
        BurdenView view = facts.burden(YEAR_OVER);
        assertThat(view.totals().visits()).isEqualTo(2);
        assertThat(view.totals().inspections().jointVisits()).isEqualTo(1);
        assertThat(view.departments()).extracting(d -> d.inspections().jointVisits()).containsExactly(1L, 1L);
        var d2 = view.departments().get(1).inspections();
        assertThat(d2.requests()).isEqualTo(2);
        assertThat(d2.blocked()).isEqualTo(1);
        assertThat(d2.blockedByReason().get(BlockReason.EXCEPTION_REFUSED)).isEqualTo(1);
        assertThat(d2.pendingExceptions()).isEqualTo(1);
        assertThat(d2.exceptionsByCategory().get(ExceptionCategory.MAJOR_INCIDENT).refused()).isEqualTo(1);
        assertThat(view.stations().get(0).visitCap()).isEqualTo(4);
        assertThat(view.stations().get(0).requests()).isEqualTo(3);
        assertOwnFiguresAreTheYears(view);
        // The reports by department count the same without the stations' figures.
        assertThat(facts.burdenByDepartment(YEAR_OVER)).usingRecursiveComparison().ignoringFields("stations")
                .isEqualTo(view);
    }

    /** A station's summary counts its own figures alone; they must be its figures in the whole year's burden. */
    private void assertOwnFiguresAreTheYears(BurdenView view) {
        for (StationFigures figures : view.stations()) {
            assertThat(facts.figuresOf(List.of(facts.station(figures.stationId())))).containsExactly(figures);
        }
    }

    /**
     * S2 lost 20 points and was decommissioned after the close; S3's 20 an upheld appeal reduced to 1; S4 was
     * decommissioned before the close and has no final rating; S5 came after the close.
     */
    @Test
    void gradesAreTheFinalOnesOrElseTheEligibleOnesOfTheLiveFindings() {
        given(station("S1", StationKind.URBAN), station("S2", StationKind.RURAL), station("S3", StationKind.RURAL),
                station("S4", StationKind.RURAL), new StationDecommissioned("S4", "closed"),
                new CycleOpened(YEAR, 4, GradeBands.DEFAULT, 10),
                new IndicatorProposed(YEAR, "I1", "t", "D1", 100, IndicatorKind.SCORED),
                new SchemePublished(YEAR, List.of("I1")),
                finding("F1", "S2", "20"), finding("F2", "S3", "20"),
                new AppealUpheld("A1", YEAR, "S3", List.of(), List.of(new FindingReduction("F2", BigDecimal.ONE)), "ok"),
                new CycleClosed(YEAR),
                new RatingFinalised(YEAR, "S1", new BigDecimal("100"), false, Grade.LEVEL_1, Grade.LEVEL_2, "lowered"),
                // Registered after the close: no draft, and no part in the closed year's grades.
                station("S5", StationKind.URBAN),
                // Decommissioned after the close: it stood in the registry when the year closed, its draft stays.
                new StationDecommissioned("S2", "merged"));
        assertThat(facts.ratings()).extracting(r -> r.stationId() + ":" + r.grade() + ":" + r.basis())
                .containsExactly("S1:LEVEL_2:FINAL", "S2:LEVEL_3:DRAFT", "S3:LEVEL_1:DRAFT");
        assertThat(facts.ratingsOf(List.of(facts.station("S5")))).isEmpty();
        // A station's summary grades it alone: the same grade, and none for S4.
        for (YearFacts.Rated rated : facts.ratings()) {
            assertThat(facts.ratingsOf(List.of(facts.station(rated.stationId())))).containsExactly(rated);
        }
        assertThat(facts.ratingsOf(List.of(facts.station("S4")))).isEmpty();
    }

    /** Before the scheme is published there is nothing to grade against: no station has a grade yet. */
    @Test
    void noStationIsGradedBeforeTheSchemeIsPublished() {
        given(station("S1", StationKind.URBAN), new CycleOpened(YEAR, 4, GradeBands.DEFAULT, 10),
                new IndicatorProposed(YEAR, "I1", "t", "D1", 100, IndicatorKind.SCORED));
        assertThat(facts.ratings()).isEmpty();

        given(new SchemePublished(YEAR, List.of("I1")));
        assertThat(facts.ratings()).extracting(r -> r.stationId() + ":" + r.grade() + ":" + r.basis())
                .containsExactly("S1:LEVEL_1:PROVISIONAL");
    }

    private static FindingRecorded finding(String id, String station, String deduction) {
        return new FindingRecorded(id, "I-" + id, YEAR, station, "D1", "I1", new BigDecimal(deduction), "n", null,
                Instant.parse("2026-03-01T00:00:00Z"));
    }
}
