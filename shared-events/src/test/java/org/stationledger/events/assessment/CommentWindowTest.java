package org.stationledger.events.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommentWindowTest {

    private static final Instant CLOSED = Instant.parse("2025-12-31T10:00:00.123Z");

    @Test
    void appealsAreAcceptedUntilTheCloseAndTheWindowsDaysThatInstantIncluded() {
        assertThat(CommentWindow.appealsUntil(CLOSED, 10)).isEqualTo(Instant.parse("2026-01-10T10:00:00.123Z"));
        assertThat(CommentWindow.isOpen(CLOSED, 10, CLOSED)).isTrue();
        assertThat(CommentWindow.isOpen(CLOSED, 10, Instant.parse("2026-01-10T10:00:00.123Z"))).isTrue();
        assertThat(CommentWindow.isOpen(CLOSED, 10, Instant.parse("2026-01-10T10:00:00.124Z"))).isFalse();
        assertThat(CommentWindow.isOpen(CLOSED, 0, CLOSED.plusMillis(1))).isFalse();
    }
}
