package org.stationledger.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreferencesTest {

    private static final String DEFERRED = "read-your-writes=deferred";

    @Test
    void findsThePreferenceAmongOthersQuotedWithParametersInAnyCase() {
        assertThat(Preferences.contains(List.of("read-your-writes=deferred"), DEFERRED)).isTrue();
        assertThat(Preferences.contains(List.of("respond-async, wait=10", "Read-Your-Writes = \"Deferred\"; why=bulk"),
                DEFERRED)).isTrue();
        assertThat(Preferences.contains(List.of("return=minimal,read-your-writes=deferred"), DEFERRED)).isTrue();
    }

    @Test
    void anotherValueOrAnotherPreferenceIsNotIt() {
        assertThat(Preferences.contains(List.of(), DEFERRED)).isFalse();
        assertThat(Preferences.contains(List.of("read-your-writes"), DEFERRED)).isFalse();
        assertThat(Preferences.contains(List.of("read-your-writes=immediate"), DEFERRED)).isFalse();
        assertThat(Preferences.contains(List.of("x-read-your-writes=deferred", "deferred"), DEFERRED)).isFalse();
    }
}
