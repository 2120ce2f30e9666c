package org.stationledger.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.stationledger.app.IntegrationTest;

/**
 * The audit chain finds and locates every kind of tampering with stored events, done as an intruder would with the
 * superuser and the triggers off; the offline verifier finds the same. Each test puts the store back as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class AuditChainTest extends IntegrationTest {

    @Autowired
    private Checkpoints checkpoints;

    private Tampering intruder;
    private long first;
    private long second;

    @BeforeAll
    void threeEvents() throws Exception {
        List.of("AUDIT-CHAIN-1", "AUDIT-CHAIN-2", "AUDIT-CHAIN-3").forEach(this::ensureDepartment);
        first = indexOf("department:AUDIT-CHAIN-1");
        second = indexOf("department:AUDIT-CHAIN-2");
        intruder = new Tampering(dataSource);
    }

    @AfterAll
    void close() throws Exception {
        intruder.close();
    }

    @Test
    void anUntouchedLedgerVerifiesOnlineAndOffline() {
        JsonNode online = verify("");
        assertThat(online.path("verified").asBoolean()).as(online.toString()).isTrue();
        assertThat(online.path("eventsChecked").asLong() + online.path("pendingEvents").asLong()).isEqualTo(eventCount());
        assertThat(online.has("firstBrokenSequence")).isFalse();

        Offline offline = offline();
        assertThat(offline.status()).isZero();
        assertThat(offline.json().path("verified").asBoolean()).isTrue();
        assertThat(offline.json().path("eventsChecked").asLong()).isGreaterThanOrEqualTo(online.path("eventsChecked").asLong());
    }

    /** A mistyped option, or half a checkpoint, must not verify without the check the auditor asked for. */
    @Test
    void theOfflineVerifierRefusesOptionsItWouldNotHonour() {
        String anyHash = "0".repeat(64);
        for (String[] options : List.of(new String[] {"--checkpoint-hash", anyHash},
                new String[] {"--checkpoint-seq", "5", "--checkpoint-hash", anyHash},
                new String[] {"--checkpoint-sequence", "5"})) {
            String[] args = Stream.concat(Stream.of("verify", "--db-url", intruder.database.get("url")),
                    Stream.of(options)).toArray(String[]::new);
            var err = new ByteArrayOutputStream();
            int status = OfflineVerifier.run(args, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(status).as(String.join(" ", options)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: verify");
        }
    }

    @Test
    void aModifiedPayloadIsFoundAtItsEvent() {
        verify("");
        byte[] original = payloadAt(first);
        intruder.jdbc.update("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                             + " 'AUDIT-CHAIN-1', 'AUDIT-CHAIN-X'), 'UTF8') WHERE globalindex = ?", first);
        try {
            assertBroken(verify(""), first, "event-altered");
            Offline offline = offline();
            assertThat(offline.status()).isEqualTo(1);
            assertThat(offline.json().path("firstBrokenSequence").asLong()).isEqualTo(first);
            assertThat(offline.json().path("reason").asText()).isEqualTo("event-altered");
        } finally {
            intruder.jdbc.update("UPDATE domainevententry SET payload = ? WHERE globalindex = ?", original, first);
        }
        assertThat(verify("").path("verified").asBoolean()).isTrue();
    }

    @Test
    void aDeletedEventIsFoundWhereItWas() {
        verify("");
        Map<String, Object> row = intruder.jdbc.queryForMap("SELECT * FROM domainevententry WHERE globalindex = ?", second);
        intruder.jdbc.update("DELETE FROM domainevententry WHERE globalindex = ?", second);
        try {
            assertBroken(verify(""), second, "event-missing");
        } finally {
            intruder.jdbc.update("INSERT INTO domainevententry (" + String.join(", ", row.keySet()) + ") VALUES ("
                                 + String.join(", ", row.keySet().stream().map(column -> "?").toList()) + ")",
                    row.values().toArray());
        }
        assertThat(verify("").path("verified").asBoolean()).isTrue();
    }

    @Test
    void swappedPayloadsAreFoundAtTheFirstOfThem() {
        verify("");
        intruder.jdbc.update("""
                UPDATE domainevententry e SET payload = o.payload FROM domainevententry o
                WHERE (e.globalindex, o.globalindex) IN ((?, ?), (?, ?))
                """, first, second, second, first);
        try {
            assertBroken(verify(""), first, "event-altered");
        } finally {
            intruder.jdbc.update("""
                    UPDATE domainevententry e SET payload = o.payload FROM domainevententry o
                    WHERE (e.globalindex, o.globalindex) IN ((?, ?), (?, ?))
                    """, first, second, second, first);
        }
        assertThat(verify("").path("verified").asBoolean()).isTrue();
    }

    @Test
    void swappedGlobalIndexesAreFoundAtTheFirstOfThem() {
        verify("");
        swapGlobalIndexes();
        try {
            assertBroken(verify(""), first, "event-altered");
        } finally {
            swapGlobalIndexes();
        }
        assertThat(verify("").path("verified").asBoolean()).isTrue();
    }

    /**
     * An intruder who also rewrites the chain from the changed event on leaves a chain that follows from itself; the
     * published checkpoints, and the one the auditor kept, no longer match it.
     */
    @Test
    void aRewrittenChainIsCaughtByTheCheckpoints(CapturedOutput log) {
        checkpoints.publish();
        var published = as("audit").get("/api/audit/checkpoints").body();
        JsonNode kept = published.get(published.size() - 1);
        assertThat(log.getOut()).contains("Audit checkpoint: upToSequence=" + kept.path("upToSequence").asLong()
                                          + " headHash=" + kept.path("headHash").asText());
        String keptHead = "?checkpointSequence=" + kept.path("upToSequence").asLong() + "&checkpointHash="
                          + kept.path("headHash").asText();
        assertThat(verify(keptHead).path("verified").asBoolean()).isTrue();

        byte[] original = payloadAt(first);
        List<Map<String, Object>> chain = intruder.jdbc.queryForList(
                "SELECT * FROM audit_chain WHERE global_index >= ? ORDER BY global_index", first);
        intruder.atOnce(() -> {
            intruder.jdbc.update("UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                                 + " 'AUDIT-CHAIN-1', 'AUDIT-CHAIN-X'), 'UTF8') WHERE globalindex = ?", first);
            rewriteChainFrom(first);
        });
        try {
            assertBroken(verify(keptHead), kept.path("upToSequence").asLong(), "checkpoint-mismatch");
            assertThat(offline("--checkpoint-sequence", kept.path("upToSequence").asText(), "--checkpoint-hash",
                    kept.path("headHash").asText()).json().path("reason").asText()).isEqualTo("checkpoint-mismatch");
        } finally {
            intruder.atOnce(() -> {
                intruder.jdbc.update("UPDATE domainevententry SET payload = ? WHERE globalindex = ?", original, first);
                intruder.jdbc.update("DELETE FROM audit_chain WHERE global_index >= ?", first);
                for (Map<String, Object> link : chain) {
                    intruder.jdbc.update("INSERT INTO audit_chain (global_index, event_id, previous_hash, hash,"
                                         + " chained_at) VALUES (?, ?, ?, ?, ?)", link.get("global_index"),
                            link.get("event_id"), link.get("previous_hash"), link.get("hash"), link.get("chained_at"));
                }
            });
        }
        assertThat(verify(keptHead).path("verified").asBoolean()).isTrue();
        assertThat(verify("?checkpointSequence=" + kept.path("upToSequence").asLong() + "&checkpointHash=" + "0".repeat(64))
                .path("reason").asText()).isEqualTo("checkpoint-mismatch");
    }

    @Test
    void verificationIsForTheAuditorsAndTheCoordinator() {
        assertThat(as("coord").get("/api/audit/verify").status()).isEqualTo(200);
        assertThat(as("crim").get("/api/audit/verify").status()).isEqualTo(403);
        assertThat(as("zjl").get("/api/audit/checkpoints").status()).isEqualTo(403);
        assertThat(as("audit").get("/api/audit/verify?checkpointSequence=1").text("code")).isEqualTo("invalid-request");
    }

    /** What the intruder's tool would do: recompute every link from {@code from} on over the changed events. */
    private void rewriteChainFrom(long from) {
        byte[] previous = intruder.jdbc.queryForObject("SELECT previous_hash FROM audit_chain WHERE global_index = ?",
                byte[].class, from);
        List<StoredEvent> events = intruder.jdbc.query("SELECT " + StoredEvent.COLUMNS + " FROM domainevententry"
                        + " WHERE globalindex IN (SELECT global_index FROM audit_chain WHERE global_index >= ?)"
                        + " ORDER BY globalindex", (row, index) -> StoredEvent.read(row), from);
        intruder.jdbc.update("DELETE FROM audit_chain WHERE global_index >= ?", from);
        for (StoredEvent event : events) {
            byte[] hash = ChainHash.next(previous, event);
            intruder.jdbc.update("INSERT INTO audit_chain (global_index, event_id, previous_hash, hash) VALUES (?, ?, ?, ?)",
                    event.globalIndex(), event.eventId(), previous, hash);
            previous = hash;
        }
    }

    private void swapGlobalIndexes() {
        intruder.atOnce(() -> {
            intruder.jdbc.update("UPDATE domainevententry SET globalindex = -1 WHERE globalindex = ?", first);
            intruder.jdbc.update("UPDATE domainevententry SET globalindex = ? WHERE globalindex = ?", first, second);
            intruder.jdbc.update("UPDATE domainevententry SET globalindex = ? WHERE globalindex = -1", second);
        });
    }

    private JsonNode verify(String query) {
        var response = as("audit").get("/api/audit/verify" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    private static void assertBroken(JsonNode verification, long sequence, String reason) {
        assertThat(verification.path("verified").asBoolean()).as(verification.toString()).isFalse();
        assertThat(verification.path("firstBrokenSequence").asLong()).as(verification.toString()).isEqualTo(sequence);
        assertThat(verification.path("reason").asText()).isEqualTo(reason);
    }

    private long indexOf(String aggregateId) {
        return jdbc.queryForObject("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                aggregateId);
    }

    private byte[] payloadAt(long globalIndex) {
        return jdbc.queryForObject("SELECT payload FROM domainevententry WHERE globalindex = ?", byte[].class, globalIndex);
    }

    private record Offline(int status, JsonNode json) {
    }

    /** The offline verifier, run in-process as {@code java -jar station-ledger.jar verify ...} would run it. */
    private Offline offline(String... more) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        String[] args = Stream.concat(Stream.of("verify", "--db-url", intruder.database.get("url"),
                "--db-user", intruder.database.get("user"), "--db-password", intruder.database.get("password")),
                Stream.of(more)).toArray(String[]::new);
        int status = OfflineVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isLessThan(2);
            return new Offline(status, new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
