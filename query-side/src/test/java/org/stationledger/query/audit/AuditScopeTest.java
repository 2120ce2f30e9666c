package org.stationledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stationledger.events.Actor;
import org.stationledger.events.assessment.CycleOpened;
import org.stationledger.events.assessment.GradeBands;
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
                .isEqualTo(new AuditScope(2026, "TRAFFIC", List.of("XM-HT")));
    }

    @Test
    void anEventAboutSeveralStationsIsFoundUnderEachOfThem() {
        var proposed = new PlanItemProposed("p-1", 2026, "TRAFFIC", List.of("XM-HT", "ZW-MTH"),
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), PlanItemKind.THEMATIC, List.of("T1"));

        assertThat(AuditScope.of(proposed, TRAFFIC::asMetaData))
                .isEqualTo(new AuditScope(2026, "TRAFFIC", List.of("XM-HT", "ZW-MTH")));
    }

    @Test
    void withoutADepartmentInThePayloadTheActorsDepartmentCounts() {
        var visit = new JointVisitScheduled("v-1", 2026, "XM-HT", LocalDate.of(2026, 4, 1),
                LocalDate.of(2026, 4, 10), List.of("p-1"), List.of("TRAFFIC"));

        assertThat(AuditScope.of(visit, TRAFFIC::asMetaData))
                .isEqualTo(new AuditScope(2026, "TRAFFIC", List.of("XM-HT")));
        assertThat(AuditScope.of(visit, COORDINATOR::asMetaData))
                .isEqualTo(new AuditScope(2026, null, List.of("XM-HT")));
    }

    @Test
    void withoutAStationInThePayloadTheActorsStationCounts() {
        var opened = new CycleOpened(2026, 4, GradeBands.DEFAULT, 10);

        assertThat(AuditScope.of(opened, ZJL::asMetaData)).isEqualTo(new AuditScope(2026, null, List.of("SY-SH-ZJL")));
        assertThat(AuditScope.of(opened, COORDINATOR::asMetaData)).isEqualTo(new AuditScope(2026, null, null));
    }

    @Test
    void anEventOfNoYearHasNone() {
        assertThat(AuditScope.of(new StationDecommissioned("XM-HT", "merged"), COORDINATOR::asMetaData))
                .isEqualTo(new AuditScope(null, null, List.of("XM-HT")));
    }
}
