package org.stationledger.query.burden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stationledger.events.Actor;
import org.stationledger.events.RuleViolation;

class StationPageTest {

    @Test
    void withoutParametersEveryStationIsListed() {
        assertThat(StationPage.of(null, null)).isEqualTo(new StationPage(null, null, null));
    }

    @Test
    void aPageHoldsOneToTenThousandStations() {
        assertThat(StationPage.of("S-1", 100)).isEqualTo(new StationPage("S-1", 100, null));
        assertThat(StationPage.of(null, StationPage.MAX_LIMIT).limit()).isEqualTo(StationPage.MAX_LIMIT);
        for (int limit : new int[]{0, -1, StationPage.MAX_LIMIT + 1}) {
            assertThatThrownBy(() -> StationPage.of(null, limit)).isInstanceOfSatisfying(RuleViolation.class,
                    violation -> assertThat(violation.code()).isEqualTo("invalid-request"));
        }
    }

    @Test
    void aStationLoadsOnlyItsOwnRowOnAnyPageAndADepartmentNone() {
        StationPage page = StationPage.of(null, 100);
        assertThat(page.visibleTo(Actor.station("zjl", "SY-SH-ZJL"))).isEqualTo(new StationPage(null, null, "SY-SH-ZJL"));
        assertThat(StationPage.of("ZZ", 1).visibleTo(Actor.station("zjl", "SY-SH-ZJL")))
                .as("a page past its id still holds its own row").isEqualTo(new StationPage(null, null, "SY-SH-ZJL"));
        assertThat(page.visibleTo(Actor.department("crim", "CRIMINAL-INVESTIGATION")).isEmpty()).isTrue();
        assertThat(page.isEmpty()).isFalse();
        assertThat(page.visibleTo(Actor.auditor("audit"))).isEqualTo(page);
    }
}
