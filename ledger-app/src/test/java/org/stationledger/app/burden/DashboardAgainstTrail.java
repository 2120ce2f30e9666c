package org.stationledger.app.burden;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.stationledger.events.inspection.BlockReason;
import org.stationledger.events.inspection.ExceptionCategory;

/** The dashboard's figures held to the event trail's own counts. */
final class DashboardAgainstTrail {

    private DashboardAgainstTrail() {
    }

    /** A department's inspection figures ({@code department} null: the jurisdiction's). */
    static void assertInspections(EventTrail trail, String department, JsonNode inspections) {
        assertThat(inspections.path("requests").asLong()).isEqualTo(trail.requests(department, null, null, null, null));
        assertThat(inspections.path("authorised").asLong())
                .isEqualTo(trail.requests(department, null, "AUTHORISED", null, null));
        assertThat(inspections.path("blocked").asLong()).isEqualTo(trail.requests(department, null, "BLOCKED", null, null));
        assertThat(inspections.path("pendingExceptions").asLong())
                .isEqualTo(trail.requests(department, null, "PENDING_EXCEPTION", null, null));
        for (BlockReason reason : BlockReason.values()) {
            assertThat(inspections.path("blockedByReason").path(reason.name()).asLong()).as(department + " " + reason)
                    .isEqualTo(trail.requests(department, null, "BLOCKED", reason.name(), null));
        }
        assertThat(inspections.path("exceptions").asLong()).isEqualTo(trail.exceptions(department));
        for (ExceptionCategory category : ExceptionCategory.values()) {
            JsonNode figures = inspections.path("exceptionsByCategory").path(category.name());
            assertThat(figures.path("requested").asLong()).isEqualTo(trail.requests(department, null, null, null, category.name()));
            assertThat(figures.path("approved").asLong())
                    .isEqualTo(trail.requests(department, null, "AUTHORISED", null, category.name()));
            assertThat(figures.path("refused").asLong())
                    .isEqualTo(trail.requests(department, null, "BLOCKED", null, category.name()));
            assertThat(figures.path("pending").asLong())
                    .isEqualTo(trail.requests(department, null, "PENDING_EXCEPTION", null, category.name()));
        }
    }

    static void assertStation(EventTrail trail, JsonNode row) {
        String station = row.path("stationId").asText();
        assertThat(row.path("visits").asLong()).isEqualTo(trail.visitsByStation().getOrDefault(station, 0L));
        assertThat(row.path("visitCap").asInt()).isEqualTo(trail.visitCap());
        assertThat(row.path("requests").asLong()).isEqualTo(trail.requests(null, station, null, null, null));
        assertThat(row.path("authorised").asLong()).isEqualTo(trail.requests(null, station, "AUTHORISED", null, null));
        assertThat(row.path("blocked").asLong()).isEqualTo(trail.requests(null, station, "BLOCKED", null, null));
        assertThat(row.path("pendingExceptions").asLong())
                .isEqualTo(trail.requests(null, station, "PENDING_EXCEPTION", null, null));
        assertThat(row.path("documents").asLong()).as(station)
                .isEqualTo(trail.addressed("DocumentIssued").getOrDefault(station, 0L));
        assertThat(row.path("meetings").asLong()).as(station)
                .isEqualTo(trail.addressed("MeetingConvened").getOrDefault(station, 0L));
    }
}
