package org.stationledger.query.burden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EveryStationDemandsTest {

    /** Documents for every station recorded at these positions, in no particular order. */
    private final EveryStationDemands documents = new EveryStationDemands(List.of(40L, 10L, 30L, 20L));

    @Test
    void aStationRegisteredBeforeAllAndStillInServiceIsReachedByAll() {
        assertThat(documents.reaching(5, null)).isEqualTo(4);
    }

    @Test
    void onlyThoseRecordedAfterItsRegistrationReachAStation() {
        assertThat(documents.reaching(20, null)).as("registered at 20: 30 and 40").isEqualTo(2);
        assertThat(documents.reaching(25, null)).isEqualTo(2);
        assertThat(documents.reaching(45, null)).isZero();
    }

    @Test
    void onlyThoseRecordedBeforeItsDecommissioningReachAStation() {
        assertThat(documents.reaching(5, 30L)).as("decommissioned at 30: 10 and 20").isEqualTo(2);
        assertThat(documents.reaching(15, 35L)).as("20 and 30").isEqualTo(2);
        assertThat(documents.reaching(5, 6L)).isZero();
    }

    @Test
    void aYearWithoutAnyReachesNoStation() {
        assertThat(new EveryStationDemands(List.of()).reaching(1, null)).isZero();
    }
}
