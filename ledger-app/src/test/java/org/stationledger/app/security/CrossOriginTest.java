package org.stationledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/**
 * A page elsewhere cannot make a signed-in browser act on the ledger (cross-site request forgery): what a browser
 * sends for another origin is refused before sign-in and writes nothing. The ledger's own pages, clients that are not
 * browsers, and the origins the operator lists are served.
 */
class CrossOriginTest extends IntegrationTest {

    private static final String ELSEWHERE = "https://elsewhere.example";

    @Test
    void aBrowsersRequestFromAnotherOriginIsRefusedAndWritesNothing() {
        var forged = as("coord").withHeader("Origin", ELSEWHERE).withHeader("Content-Type", "text/plain")
                .post("/api/departments", Map.of("departmentId", "FORGED-1", "name", "Forged"));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.isProblem()).isTrue();
        assertThat(forged.text("code")).isEqualTo("cross-origin");
        assertThat(forged.text("instance")).isEqualTo("/api/departments");
        assertThat(as("coord").get("/api/departments").body().findValuesAsText("departmentId"))
                .doesNotContain("FORGED-1");
        assertThat(as("coord").withHeader("Origin", ELSEWHERE).get("/api/departments").status())
                .as("nor may it read").isEqualTo(403);
        assertThat(as("coord").withHeader("Origin", "null").post("/api/cycles/2039/close").text("code"))
                .as("a sandboxed page's opaque origin").isEqualTo("cross-origin");
    }

    @Test
    void theLedgersOwnOriginAndClientsWithoutOneAreServed() {
        Api sameOrigin = as("coord").withHeader("Origin", "http://localhost:" + port());
        assertThat(sameOrigin.post("/api/departments", Map.of("departmentId", "SAME-ORIGIN-1", "name", "Same"))
                .status()).isEqualTo(201);
        assertThat(as("coord").post("/api/departments", Map.of("departmentId", "NO-ORIGIN-1", "name", "None"))
                .status()).isEqualTo(201);
    }

    @Test
    void anOriginTheOperatorListsGetsCorsAnswers() {
        var preflight = anonymous().withHeader("Origin", TRUSTED_ORIGIN)
                .withHeader("Access-Control-Request-Method", "POST")
                .withHeader("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/departments");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(TRUSTED_ORIGIN);
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");

        var posted = as("coord").withHeader("Origin", TRUSTED_ORIGIN)
                .post("/api/departments", Map.of("departmentId", "TRUSTED-ORIGIN-1", "name", "Trusted"));
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.header("Access-Control-Allow-Origin")).isEqualTo(TRUSTED_ORIGIN);
        assertThat(posted.header("Access-Control-Expose-Headers")).contains("X-Ledger-Position");
    }
}
