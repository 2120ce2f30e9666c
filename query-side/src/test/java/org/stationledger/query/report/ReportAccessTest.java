package org.stationledger.query.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stationledger.events.Actor;
import org.stationledger.events.RuleViolation;
import org.stationledger.events.burden.ReportName;

class ReportAccessTest {

    private static final Actor COORDINATOR = Actor.coordinator("coord");
    private static final Actor DEPARTMENT = Actor.department("crim", "CRIM");
    private static final Actor STATION = Actor.station("zjl", "S1");

    @Test
    void jurisdictionReportsAreForEveryoneAndTakeNoStation() {
        for (Actor caller : new Actor[]{COORDINATOR, DEPARTMENT, STATION}) {
            assertThat(ReportAccess.stationOf(caller, ReportName.BURDEN, null)).isNull();
        }
        assertRefused(() -> ReportAccess.stationOf(COORDINATOR, ReportName.BURDEN, "S1"), "invalid-request");
    }

    @Test
    void aStationSummaryIsForItsStationAndTheJurisdictionRoles() {
        assertThat(ReportAccess.stationOf(STATION, ReportName.STATION_SUMMARY, null)).isEqualTo("S1");
        assertThat(ReportAccess.stationOf(STATION, ReportName.STATION_SUMMARY, "S1")).isEqualTo("S1");
        assertRefused(() -> ReportAccess.stationOf(STATION, ReportName.STATION_SUMMARY, "S2"), "forbidden-scope");
        assertRefused(() -> ReportAccess.stationOf(DEPARTMENT, ReportName.STATION_SUMMARY, "S1"), "forbidden-scope");
        assertThat(ReportAccess.stationOf(COORDINATOR, ReportName.STATION_SUMMARY, "S2")).isEqualTo("S2");
        assertRefused(() -> ReportAccess.stationOf(COORDINATOR, ReportName.STATION_SUMMARY, null), "invalid-request");
    }

    private static void assertRefused(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo(code));
    }
}
