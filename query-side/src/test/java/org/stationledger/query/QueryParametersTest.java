package org.stationledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.stationledger.events.RuleViolation;

class QueryParametersTest {

    private enum Colour { RED, GREEN }

    @Test
    void limitDefaultsAndStaysInRange() {
        assertThat(QueryParameters.limit(null, 100, 1000)).isEqualTo(100);
        assertThat(QueryParameters.limit(1, 100, 1000)).isEqualTo(1);
        assertThat(QueryParameters.limit(1000, 100, 1000)).isEqualTo(1000);
        assertInvalid(() -> QueryParameters.limit(0, 100, 1000));
        assertInvalid(() -> QueryParameters.limit(1001, 100, 1000));
    }

    @Test
    void aNamedLimitIsAbsentUnlessGivenAndNamesItselfWhenOutOfRange() {
        assertThat(QueryParameters.limit("stationLimit", null, 1000)).isNull();
        assertThat(QueryParameters.limit("stationLimit", 1000, 1000)).isEqualTo(1000);
        assertThatThrownBy(() -> QueryParameters.limit("stationLimit", 0, 1000)).hasMessageContaining("stationLimit");
    }

    @Test
    void offsetDefaultsToZeroAndIsNeverNegative() {
        assertThat(QueryParameters.offset(null)).isZero();
        assertThat(QueryParameters.offset(40)).isEqualTo(40);
        assertInvalid(() -> QueryParameters.offset(-1));
    }

    @Test
    void instantsAreIso8601() {
        assertThat(QueryParameters.instant("from", null)).isNull();
        assertThat(QueryParameters.instant("from", "2026-03-01T08:00:00Z"))
                .isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
        assertInvalid(() -> QueryParameters.instant("from", "2026-03-01"));
    }

    @Test
    void enumValuesMustMatchExactly() {
        assertThat(QueryParameters.oneOf(Colour.class, "colour", null)).isNull();
        assertThat(QueryParameters.oneOf(Colour.class, "colour", "GREEN")).isEqualTo(Colour.GREEN);
        assertInvalid(() -> QueryParameters.oneOf(Colour.class, "colour", "green"));
        assertInvalid(() -> QueryParameters.oneOf(Colour.class, "colour", "BLUE"));
    }

    @Test
    void aYearLiesBetween2000And2100() {
        assertThat(QueryParameters.year(2000)).isEqualTo(2000);
        assertThat(QueryParameters.year(2100)).isEqualTo(2100);
        assertInvalid(() -> QueryParameters.year(1999));
        assertInvalid(() -> QueryParameters.year(2101));
    }

    private static void assertInvalid(Runnable check) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            assertThat(violation.kind()).isEqualTo(RuleViolation.Kind.INVALID);
            assertThat(violation.code()).isEqualTo("invalid-request");
        });
    }
}
