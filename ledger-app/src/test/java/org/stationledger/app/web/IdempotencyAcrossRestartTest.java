package org.stationledger.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stationledger.app.LedgerRuns.api;
import static org.stationledger.app.LedgerRuns.start;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.stationledger.app.Api;
import org.stationledger.app.LedgerRuns;

/** A client that lost the answer while the ledger restarted retries with its key and gets that answer. */
class IdempotencyAcrossRestartTest {

    @Test
    void anAnswerIsKeptAcrossARestart() {
        Map<String, Object> properties = LedgerRuns.freshEmbeddedLedger();
        Map<String, Object> department = Map.of("departmentId", "RESTART-1", "name", "Restarted");

        Api.Response first;
        int events;
        try (ConfigurableApplicationContext ledger = start(properties)) {
            first = api(ledger, "coord").withHeader("Idempotency-Key", "restart-1").post("/api/departments", department);
            assertThat(first.status()).as(first.toString()).isEqualTo(201);
            events = trail(ledger);
        }

        try (ConfigurableApplicationContext ledger = start(properties)) {
            var retry = api(ledger, "coord").withHeader("Idempotency-Key", "restart-1").post("/api/departments", department);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.contentType()).isEqualTo(first.contentType());
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(trail(ledger)).isEqualTo(events);
        }
    }

    private static int trail(ConfigurableApplicationContext ledger) {
        return api(ledger, "audit").get("/api/audit/events?limit=1000").body().path("events").size();
    }
}
