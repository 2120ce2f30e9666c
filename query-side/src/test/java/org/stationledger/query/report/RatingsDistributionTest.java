package org.stationledger.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stationledger.events.Actor;
import org.stationledger.events.assessment.CycleOpened;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.SchemePublished;
import org.stationledger.events.burden.ReportName;
import org.stationledger.events.station.StationKind;
import org.stationledger.events.station.StationRegistered;

/**
 * The ratings distribution tells a department or a station how grades fall across the jurisdiction, never a
 * station's own grade: a department reads that only for a year it inspected the station. Grades by station kind
 * (one scenic-area station is its kind's whole row) and counts among fewer than three stations are the co-ordinating
 * office's and the auditors' alone.
 */
class RatingsDistributionTest {

    private static final int YEAR = 2026;
    private static final String GRADES = "Grade by station kind";
    private static final Actor COORDINATOR = Actor.coordinator("coord");
    private static final Actor AUDITOR = Actor.auditor("audit");
    private static final Actor DEPARTMENT = Actor.department("crim", "CRIM");
    private static final Actor STATION = Actor.station("zjl", "S1");

    private final YearFacts facts = new YearFacts(YEAR);
    private long position;

    @Test
    void gradesByKindAreForTheJurisdictionRolesAndTheTotalForEveryone() {
        given(new CycleOpened(YEAR, 3, GradeBands.DEFAULT, 10), new SchemePublished(YEAR, List.of()), station("S1", StationKind.URBAN),
                station("S2", StationKind.URBAN), station("S3", StationKind.SCENIC_AREA));

        for (Actor jurisdiction : List.of(COORDINATOR, AUDITOR)) {
            assertThat(labels(jurisdiction)).containsExactly("URBAN", "SCENIC_AREA", "all");
        }
        for (Actor other : List.of(DEPARTMENT, STATION)) {
            assertThat(labels(other)).containsExactly("all");
            assertThat(report(other).charts().get(0).bars()).isNotEmpty();
        }
    }

    @Test
    void amongFewerThanThreeStationsEvenTheTotalIsTheJurisdictionRoles() {
        given(new CycleOpened(YEAR, 3, GradeBands.DEFAULT, 10), new SchemePublished(YEAR, List.of()), station("S1", StationKind.URBAN),
                station("S2", StationKind.RURAL));

        assertThat(labels(COORDINATOR)).containsExactly("URBAN", "RURAL", "all");
        for (Actor other : List.of(DEPARTMENT, STATION)) {
            assertThat(labels(other)).isEmpty();
            assertThat(report(other).charts().get(0).bars()).isEmpty();
        }
    }

    private void given(Object... events) {
        for (Object event : events) {
            facts.apply(event, position++);
        }
    }

    private static StationRegistered station(String id, StationKind kind) {
        return new StationRegistered(id, "Station " + id, "Bureau", kind, 1, 1, 1, 1);
    }

    private Report report(Actor caller) {
        return Reports.build(ReportName.RATINGS_DISTRIBUTION, facts, null, position, LocalDate.of(YEAR, 3, 1))
                .visibleTo(caller);
    }

    private List<String> labels(Actor caller) {
        return report(caller).tables().stream().filter(table -> table.title().equals(GRADES)).findFirst().orElseThrow()
                .rows().stream().map(row -> (String) row.cells().get(0)).toList();
    }
}
