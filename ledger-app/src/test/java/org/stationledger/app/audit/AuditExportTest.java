package org.stationledger.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/**
 * An external auditor takes the exported trail away and checks it with nothing but the algorithm in docs/audit.md,
 * re-implemented here from the document alone (not with the ledger's own code).
 */
class AuditExportTest extends IntegrationTest {

    private static final String STATION = "AUDIT-EXPORT-ST";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    @Autowired
    private Checkpoints checkpoints;

    @BeforeEach
    void aStationWithAHistory() {
        ensureStation(STATION, "URBAN");
        var changed = as("coord").post("/api/stations/" + STATION + "/details", Map.of("name", "Renamed", "parent",
                "Shenyang PSB", "kind", "RURAL", "areaKm2", 12, "population", 30000, "officers", 21, "auxiliaries", 9));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        as("audit").get("/api/audit/verify");
    }

    @Test
    void theFullTrailVerifiesWithTheDocumentedAlgorithmAloneUpToTheCheckpoint() {
        checkpoints.publish();
        JsonNode checkpoint = last(as("audit").get("/api/audit/checkpoints").body());

        Api.TextResponse export = as("audit").getText("/api/audit/export?format=jsonl");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        List<Map<String, String>> lines = jsonLines(export.body());
        assertThat((long) lines.size()).isEqualTo(eventCount());

        byte[] previous = new byte[32];
        for (Map<String, String> line : lines) {
            assertThat(line.get("previousHash")).as("line %s follows its predecessor", line.get("globalIndex"))
                    .isEqualTo(HEX.formatHex(previous));
            previous = documentedHash(previous, line);
            assertThat(HEX.formatHex(previous)).as("line %s", line.get("globalIndex")).isEqualTo(line.get("hash"));
            if (line.get("globalIndex").equals(checkpoint.path("upToSequence").asText())) {
                assertThat(line.get("hash")).as("the chain up to the checkpoint")
                        .isEqualTo(checkpoint.path("headHash").asText());
            }
        }
        assertThat(export.header("X-Audit-Chain-Head-Hash")).isEqualTo(HEX.formatHex(previous));
        assertThat(export.header("X-Audit-Chain-Head-Sequence")).isEqualTo(last(lines).get("globalIndex"));

        Api.TextResponse csv = as("coord").getText("/api/audit/export?format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csvLines(csv.body())).as("CSV carries the same trail").isEqualTo(lines);
    }

    /**
     * A filtered export has holes in the chain: each line still proves itself against the previous hash it carries,
     * and its hash is the full chain's at that place.
     */
    @Test
    void aFilteredExportChecksLineByLineAgainstTheFullChain() {
        Map<String, String> fullChain = new LinkedHashMap<>();
        jsonLines(as("audit").getText("/api/audit/export").body())
                .forEach(line -> fullChain.put(line.get("globalIndex"), line.get("hash")));

        List<Map<String, String>> lines = jsonLines(as("audit").getText("/api/audit/export?stationId=" + STATION).body());
        List<String> trail = as("audit").get("/api/audit/events?limit=1000&stationId=" + STATION).body().path("events")
                .findValuesAsText("globalSequence");
        assertThat(lines.stream().map(line -> line.get("globalIndex")).toList()).isEqualTo(trail).hasSizeGreaterThan(1);
        for (Map<String, String> line : lines) {
            byte[] hash = documentedHash(HEX.parseHex(line.get("previousHash")), line);
            assertThat(HEX.formatHex(hash)).isEqualTo(line.get("hash")).isEqualTo(fullChain.get(line.get("globalIndex")));
        }
    }

    @Test
    void theExportIsForAuditorsAndTheCoordinatorInAKnownFormat() {
        assertThat(as("crim").getText("/api/audit/export").status()).isEqualTo(403);
        assertThat(as("zjl").getText("/api/audit/export?stationId=SY-SH-ZJL").status()).isEqualTo(403);
        Api.TextResponse xml = as("audit").getText("/api/audit/export?format=xml");
        assertThat(xml.status()).isEqualTo(400);
        assertThat(xml.body()).contains("\"code\":\"invalid-request\"");
    }

    /**
     * docs/audit.md: SHA-256 over the previous hash, then the global index and sequence number as 8-byte big-endian,
     * the texts as UTF-8 and payload and metadata as their bytes, each text or byte field after its length as a
     * 4-byte big-endian number (-1 and no bytes for null), in the document's order.
     */
    private static byte[] documentedHash(byte[] previous, Map<String, String> line) {
        try {
            var canonical = new ByteArrayOutputStream();
            var out = new DataOutputStream(canonical);
            out.writeLong(Long.parseLong(line.get("globalIndex")));
            field(out, utf8(line.get("eventId")));
            field(out, utf8(line.get("aggregateType")));
            field(out, utf8(line.get("aggregateId")));
            out.writeLong(Long.parseLong(line.get("sequenceNumber")));
            field(out, utf8(line.get("payloadType")));
            field(out, utf8(line.get("payloadRevision")));
            field(out, base64(line.get("payloadBase64")));
            field(out, base64(line.get("metadataBase64")));
            field(out, utf8(line.get("timestamp")));
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous);
            return sha256.digest(canonical.toByteArray());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] base64(String text) {
        return text == null ? null : Base64.getDecoder().decode(text);
    }

    /** Each line as field name to text (null stays null). */
    private static List<Map<String, String>> jsonLines(String body) {
        List<Map<String, String>> lines = new ArrayList<>();
        for (String text : body.split("\n")) {
            try {
                JsonNode line = JSON.readTree(text);
                Map<String, String> fields = new LinkedHashMap<>();
                line.fields().forEachRemaining(field -> fields.put(field.getKey(),
                        field.getValue().isNull() ? null : field.getValue().asText()));
                lines.add(fields);
            } catch (IOException e) {
                throw new IllegalStateException(text, e);
            }
        }
        return lines;
    }

    /** No field of the trail holds a comma, a quote or a line break, so a split reads it; empty is null. */
    private static List<Map<String, String>> csvLines(String body) {
        String[] rows = body.split("\r\n");
        String[] header = rows[0].split(",");
        List<Map<String, String>> lines = new ArrayList<>();
        for (int row = 1; row < rows.length; row++) {
            String[] values = rows[row].split(",", -1);
            Map<String, String> fields = new LinkedHashMap<>();
            for (int column = 0; column < header.length; column++) {
                fields.put(header[column], values[column].isEmpty() ? null : values[column]);
            }
            lines.add(fields);
        }
        return lines;
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
