package org.stationledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stationledger.events.Actor;
import org.stationledger.events.RuleViolation;

class CallerScopeTest {

    private static final Actor COORDINATOR = Actor.coordinator("coord");
    private static final Actor AUDITOR = Actor.auditor("audit");
    private static final Actor TRAFFIC = Actor.department("traffic", "TRAFFIC");
    private static final Actor ZJL = Actor.station("zjl", "SY-SH-ZJL");

    @Test
    void jurisdictionWideRolesFilterOnWhatTheyAskFor() {
        for (Actor caller : new Actor[]{COORDINATOR, AUDITOR}) {
            assertThat(CallerScope.stationFilter(caller, null)).isNull();
            assertThat(CallerScope.stationFilter(caller, "XM-HT")).isEqualTo("XM-HT");
            assertThat(CallerScope.departmentFilter(caller, null)).isNull();
            assertThat(CallerScope.departmentFilter(caller, "LEGAL-AFFAIRS")).isEqualTo("LEGAL-AFFAIRS");
        }
    }

    @Test
    void aStationIsConfinedToItselfButMayFilterByDepartment() {
        assertThat(CallerScope.stationFilter(ZJL, null)).isEqualTo("SY-SH-ZJL");
        assertThat(CallerScope.stationFilter(ZJL, "SY-SH-ZJL")).isEqualTo("SY-SH-ZJL");
        assertForbidden(() -> CallerScope.stationFilter(ZJL, "XM-HT"));
        assertThat(CallerScope.departmentFilter(ZJL, "TRAFFIC")).isEqualTo("TRAFFIC");
    }

    @Test
    void aDepartmentIsConfinedToItselfButMayFilterByStation() {
        assertThat(CallerScope.departmentFilter(TRAFFIC, null)).isEqualTo("TRAFFIC");
        assertThat(CallerScope.departmentFilter(TRAFFIC, "TRAFFIC")).isEqualTo("TRAFFIC");
        assertForbidden(() -> CallerScope.departmentFilter(TRAFFIC, "LEGAL-AFFAIRS"));
        assertThat(CallerScope.stationFilter(TRAFFIC, "XM-HT")).isEqualTo("XM-HT");
    }

    @Test
    void aRecordIsVisibleToItsStationItsDepartmentAndTheJurisdictionWideRoles() {
        assertThatCode(() -> CallerScope.requireVisible(ZJL, "SY-SH-ZJL", "LEGAL-AFFAIRS")).doesNotThrowAnyException();
        assertThatCode(() -> CallerScope.requireVisible(TRAFFIC, "XM-HT", "TRAFFIC")).doesNotThrowAnyException();
        assertThatCode(() -> CallerScope.requireVisible(COORDINATOR, "XM-HT", "TRAFFIC")).doesNotThrowAnyException();
        assertThatCode(() -> CallerScope.requireVisible(AUDITOR, "XM-HT", "TRAFFIC")).doesNotThrowAnyException();
        assertForbidden(() -> CallerScope.requireVisible(ZJL, "XM-HT", "TRAFFIC"));
        assertForbidden(() -> CallerScope.requireVisible(TRAFFIC, "SY-SH-ZJL", "LEGAL-AFFAIRS"));
    }

    @Test
    void aStationSeesOnlyItsOwnDetails() {
        assertThat(CallerScope.seesStationDetails(ZJL, "SY-SH-ZJL")).isTrue();
        assertThat(CallerScope.seesStationDetails(ZJL, "XM-HT")).isFalse();
        assertThat(CallerScope.seesStationDetails(TRAFFIC, "XM-HT")).isTrue();
        assertThat(CallerScope.seesStationDetails(AUDITOR, "XM-HT")).isTrue();
    }

    @Test
    void onlyTheJurisdictionWideRolesReadEverything() {
        assertThatCode(() -> CallerScope.requireEverything(COORDINATOR)).doesNotThrowAnyException();
        assertThatCode(() -> CallerScope.requireEverything(AUDITOR)).doesNotThrowAnyException();
        assertForbidden(() -> CallerScope.requireEverything(TRAFFIC));
        assertForbidden(() -> CallerScope.requireEverything(ZJL));
    }

    private static void assertForbidden(Runnable read) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            assertThat(violation.kind()).isEqualTo(RuleViolation.Kind.FORBIDDEN);
            assertThat(violation.code()).isEqualTo("forbidden-scope");
        });
    }
}
