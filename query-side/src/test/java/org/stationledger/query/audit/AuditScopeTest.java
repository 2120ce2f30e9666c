package org.stationledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stationledger.events.Actor;
import org.stationledger.events.assessment.CycleOpened;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.SchemePublished;
import org.stationledger.events.burden.DocumentIssued;
import org.stationledger.events.burden.MeetingConvened;
import org.stationledger.events.inspection.InspectionAuthorised;
import org.stationledger.events.inspection.JointVisitScheduled;
import org.stationledger.events.inspection.PlanItemKind;
import org.stationledger.events.inspection.PlanItemProposed;
import org.stationledger.events.station.StationDecommissioned;

class AuditScopeTest {

    private static final Actor COORDINATOR = Actor.coordinator("coord");
    private static final Actor TRAFFIC = Actor.department("traffic", "TRAFFIC");
    private static final Actor ZJL = Actor.station("zjl", "SY-SH-ZJL");

    @Test
    void theScopeInterfacesOfThePayloadComeFirst() {
        var authorised = new InspectionAuthorised("i-1", 2026, "XM-HT", "TRAFFIC", LocalDate.of(2026, 5, 4),
                "p-1", "v-1");

        assertThat(AuditScope.of(authorised, () -> Actor.department("legal", "LEGAL-AFFAIRS").asMetaData()))
                .isEqualTo(new AuditScope(2026, "TRAFFIC", null, List.of("XM-HT"), false));
    }

    @Test
    void anEventAboutSeveralStationsIsFoundUnderEachOfThem() {
        var proposed = new PlanItemProposed("p-1", 2026, "TRAFFIC", List.of("XM-HT", "ZW-MTH"),
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), PlanItemKind.THEMATIC, List.of("T1"));

        assertThat(AuditScope.of(proposed, TRAFFIC::asMetaData))
                .isEqualTo(new AuditScope(2026, "TRAFFIC", null, List.of("XM-HT", "ZW-MTH"), false));
    }

    @Test
    void withoutADepartmentInThePayloadTheActorsDepartmentCounts() {
        var published = new SchemePublished(2026, List.of("T1"));

        assertThat(AuditScope.of(published, TRAFFIC::asMetaData))
                .isEqualTo(new AuditScope(2026, "TRAFFIC", null, null, false));
    }

    /** Found once in each department's trail: by its list, never by whoever scheduled it. */
    @Test
    void aJointVisitConcernsEachOfItsDepartments() {
        var visit = new JointVisitScheduled("v-1", 2026, "XM-HT", LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 10), List.of("p-1", "p-2"), List.of("TRAFFIC", "CRIMINAL"));

        assertThat(AuditScope.of(visit, COORDINATOR::asMetaData))
                .isEqualTo(new AuditScope(2026, null, List.of("TRAFFIC", "CRIMINAL"), List.of("XM-HT"), false));
        assertThat(AuditScope.of(visit, TRAFFIC::asMetaData))
                .isEqualTo(new AuditScope(2026, null, List.of("TRAFFIC", "CRIMINAL"), List.of("XM-HT"), false));
    }

    @Test
    void aDocumentForEveryStationSaysSoAndNamesNone() {
        var everyStation = new DocumentIssued("doc-1", 2026, "TRAFFIC", "Road safety month", LocalDate.of(2026, 3, 2),
                true, List.of());
        var named = new MeetingConvened("m-1", 2026, "TRAFFIC", "Briefing", LocalDate.of(2026, 3, 3), false,
                List.of("XM-HT"));

        assertThat(AuditScope.of(everyStation, TRAFFIC::asMetaData))
                .isEqualTo(new AuditScope(2026, "TRAFFIC", null, List.of(), true));
        assertThat(AuditScope.of(named, TRAFFIC::asMetaData))
                .isEqualTo(new AuditScope(2026, "TRAFFIC", null, List.of("XM-HT"), false));
    }

    @Test
    void withoutAStationInThePayloadTheActorsStationCounts() {
        var opened = new CycleOpened(2026, 4, GradeBands.DEFAULT, 10);

        assertThat(AuditScope.of(opened, ZJL::asMetaData)).isEqualTo(new AuditScope(2026, null, null, List.of("SY-SH-ZJL"), false));
        assertThat(AuditScope.of(opened, COORDINATOR::asMetaData)).isEqualTo(new AuditScope(2026, null, null, null, false));
    }

    @Test
    void anEventOfNoYearHasNone() {
        assertThat(AuditScope.of(new StationDecommissioned("XM-HT", "merged"), COORDINATOR::asMetaData))
                .isEqualTo(new AuditScope(null, null, null, List.of("XM-HT"), false));
    }
}
