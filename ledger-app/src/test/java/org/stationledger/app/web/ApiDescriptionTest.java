package org.stationledger.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stationledger.app.IntegrationTest;

/** A client generated from the API description knows the headers that filters and advice read. */
class ApiDescriptionTest extends IntegrationTest {

    @Test
    void commandsTakeAnIdempotencyKeyAndAPreferenceAndReadsAPosition() {
        JsonNode paths = anonymous().get("/v3/api-docs").body().path("paths");

        assertThat(headers(paths.path("/api/stations").path("post"))).contains("Idempotency-Key", "Prefer");
        assertThat(headers(paths.path("/api/inspections").path("post"))).contains("Idempotency-Key", "Prefer");
        assertThat(headers(paths.path("/api/stations/{stationId}").path("get"))).contains("X-Ledger-Position");
        assertThat(headers(paths.path("/api/stations").path("get"))).contains("X-Ledger-Position")
                .doesNotContain("Idempotency-Key", "Prefer");
    }

    @Test
    void theCallerIsTakenFromTheCredentialsNotAskedForAsAParameter() {
        JsonNode paths = anonymous().get("/v3/api-docs").body().path("paths");
        List<String> parameters = new ArrayList<>();
        paths.forEach(item -> item.forEach(operation -> operation.path("parameters")
                .forEach(parameter -> parameters.add(parameter.path("name").asText()))));
        assertThat(parameters).isNotEmpty().doesNotContain("caller", "department", "station", "actor");
    }

    @Test
    void theTrailsFiltersAreDescribedAsTheOptionalParametersTheyAre() {
        JsonNode operation = anonymous().get("/v3/api-docs").body().path("paths").path("/api/audit/events").path("get");
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> {
            names.add(parameter.path("name").asText());
            assertThat(parameter.path("required").asBoolean()).as(parameter.toString()).isFalse();
        });
        assertThat(names).contains("stationId", "departmentId", "year", "type", "aggregateId", "from", "to", "after",
                "limit").doesNotContain("query");
    }

    private static List<String> headers(JsonNode operation) {
        assertThat(operation.isMissingNode()).as("the operation is described").isFalse();
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> {
            if ("header".equals(parameter.path("in").asText())) {
                names.add(parameter.path("name").asText());
            }
        });
        return names;
    }
}
