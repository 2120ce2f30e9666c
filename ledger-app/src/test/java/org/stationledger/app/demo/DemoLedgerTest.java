package org.stationledger.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stationledger.app.LedgerRuns.api;
import static org.stationledger.app.LedgerRuns.start;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stationledger.app.LedgerRuns;

/** The README's run command: {@code --demo} on a fresh clone gives every user something to look at, once. */
class DemoLedgerTest {

    @Test
    void theDemoFillsAnEmptyLedgerOnceAndEachRoleSeesItsPart() throws IOException {
        Map<String, Object> properties = LedgerRuns.freshEmbeddedLedger();
        properties.put("ledger.demo", true);

        long events;
        try (ConfigurableApplicationContext ledger = start(properties)) {
            assertThat(api(ledger, "coord").get("/api/stations").body()).hasSize(5);
            JsonNode history = api(ledger, "zjl").get("/api/stations/SY-SH-ZJL/ratings").body();
            assertThat(yearsAndStatuses(history)).startsWith("2026 PROVISIONAL").contains("2025 FINAL");
            assertThat(api(ledger, "audit").get("/api/burden/2026").body().path("departments")).hasSize(6);
            assertThat(api(ledger, "zjl").get("/api/inspections").body().findValuesAsText("reasonCode"))
                    .as("a blocked attempt is on the station's record").isNotEmpty();
            assertThat(pdfText(api(ledger, "zjl").download("/api/reports/2026/station-summary?format=pdf").content()))
                    .as("the PDF shows the station's Chinese name").contains("朱剪炉派出所 Zhujianlu", "沈阳市公安局沈河分局");
            events = eventCount(ledger);
        }

        try (ConfigurableApplicationContext restarted = start(properties)) {
            assertThat(eventCount(restarted)).as("a ledger that holds events is left alone").isEqualTo(events);
        }
    }

    private static List<String> yearsAndStatuses(JsonNode history) {
        List<String> rows = new ArrayList<>();
        history.forEach(year -> rows.add(year.path("year").asInt() + " " + year.path("status").asText()));
        return rows;
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static long eventCount(ConfigurableApplicationContext ledger) {
        return ledger.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }
}
