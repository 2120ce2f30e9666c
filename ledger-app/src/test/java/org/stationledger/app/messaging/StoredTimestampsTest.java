package org.stationledger.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The quick read of a stored timestamp gives what Axon's own parser gives, for every text. */
class StoredTimestampsTest {

    @Test
    void everyTimestampAxonWritesReadsBackAsWritten() {
        SplittableRandom random = new SplittableRandom(29);
        long from = Instant.parse("1970-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2200-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < 100_000; i++) {
            Instant written = Instant.ofEpochMilli(random.nextLong(from, to));
            assertReadAsAxonReads(written);
        }
        for (String edge : new String[] {"2024-02-29T23:59:59.999Z", "2025-12-31T23:59:59.999Z",
                "2026-01-01T00:00:00.000Z", "2000-02-29T12:00:00.500Z", "9999-12-31T23:59:59.999Z"}) {
            assertReadAsAxonReads(Instant.parse(edge));
        }
    }

    private static void assertReadAsAxonReads(Instant written) {
        String text = DateTimeUtils.formatInstant(written);
        assertThat(StoredTimestamps.parse(text)).as(text)
                .isEqualTo(DateTimeUtils.parseInstant(text))
                .isEqualTo(written.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Texts of another shape than Axon writes go to Axon's parser. */
    @ParameterizedTest
    @ValueSource(strings = {"2026-11-29T09:52:36.123+08:00", "2026-11-29T01:52:36.123456Z", "2026-11-29T01:52:36Z",
            "2026-11-29t01:52:36.123z", "+10000-01-01T00:00:00.000Z", "2026-11-29T01:52:36.1Z"})
    void otherShapesReadAsAxonReadsThem(String text) {
        assertThat(StoredTimestamps.parse(text)).isEqualTo(DateTimeUtils.parseInstant(text));
    }

    /** Shaped like a timestamp but none, or nothing like one: refused as Axon refuses it. */
    @ParameterizedTest
    @ValueSource(strings = {"2025-02-29T00:00:00.000Z", "2026-13-01T00:00:00.000Z", "2026-11-29T24:00:00.000Z",
            "2026-11-29T01:60:00.000Z", "2026-11-29T01:00:60.000Z", "2026-11-29 01:52:36.123Z", "yesterday", ""})
    void textsThatAreNoTimestampAreRefusedAsAxonRefusesThem(String text) {
        assertThatThrownBy(() -> DateTimeUtils.parseInstant(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StoredTimestamps.parse(text)).isInstanceOf(DateTimeParseException.class);
    }
}
