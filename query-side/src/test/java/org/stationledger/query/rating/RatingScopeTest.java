package org.stationledger.query.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stationledger.events.Actor;
import org.stationledger.events.RuleViolation;

class RatingScopeTest {

    private static final Actor COORDINATOR = Actor.coordinator("coord");
    private static final Actor AUDITOR = Actor.auditor("audit");
    private static final Actor TRAFFIC = Actor.department("traffic", "TRAFFIC");
    private static final Actor ZJL = Actor.station("zjl", "SY-SH-ZJL");
    private static final Set<String> TRAFFIC_INSPECTED = Set.of("TRAFFIC", "LEGAL-AFFAIRS");
    private static final Set<String> NOBODY_INSPECTED = Set.of();

    @Test
    void aStationReadsOnlyItsOwnRatings() {
        assertThatCode(() -> RatingScope.requireStation(ZJL, "SY-SH-ZJL")).doesNotThrowAnyException();
        assertForbidden(() -> RatingScope.requireStation(ZJL, "XM-HT"));
        assertThat(RatingScope.seesYear(ZJL, NOBODY_INSPECTED)).isTrue();
    }

    @Test
    void theJurisdictionWideRolesReadEveryRating() {
        for (Actor caller : new Actor[]{COORDINATOR, AUDITOR}) {
            assertThatCode(() -> RatingScope.requireStation(caller, "XM-HT")).doesNotThrowAnyException();
            assertThatCode(() -> RatingScope.requireYear(caller, NOBODY_INSPECTED)).doesNotThrowAnyException();
        }
    }

    @Test
    void aDepartmentReadsAStationsYearOnlyIfItInspectedTheStationThatYear() {
        assertThatCode(() -> RatingScope.requireStation(TRAFFIC, "XM-HT")).doesNotThrowAnyException();
        assertThat(RatingScope.seesYear(TRAFFIC, TRAFFIC_INSPECTED)).isTrue();
        assertThat(RatingScope.seesYear(TRAFFIC, Set.of("LEGAL-AFFAIRS"))).isFalse();
        assertThatCode(() -> RatingScope.requireYear(TRAFFIC, TRAFFIC_INSPECTED)).doesNotThrowAnyException();
        assertForbidden(() -> RatingScope.requireYear(TRAFFIC, NOBODY_INSPECTED));
    }

    private static void assertForbidden(Runnable read) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            assertThat(violation.kind()).isEqualTo(RuleViolation.Kind.FORBIDDEN);
            assertThat(violation.code()).isEqualTo("forbidden-scope");
        });
    }
}
