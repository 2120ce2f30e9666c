package org.stationledger.command.report;

import static org.stationledger.command.RuleViolations.refused;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stationledger.command.report.ReportCommands.PublishReport;
import org.stationledger.command.station.InMemoryRegistry;
import org.stationledger.events.burden.PublicationTrigger;
import org.stationledger.events.burden.ReportName;
import org.stationledger.events.burden.ReportPublished;

/** A publication records the ledger's own digest of the report; the monthly one happens once a month. */
class ReportPublicationsFixtureTest {

    private static final String HASH = "9f".repeat(32);
    private static final ReportDigests DIGESTS = (year, report, stationId) -> new ReportDigests.Digest(1234, "csv", HASH);

    private AggregateTestFixture<ReportPublications> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    /** A fixture serves one aggregate; each publication series is one. */
    private static AggregateTestFixture<ReportPublications> fixture() {
        var fixture = new AggregateTestFixture<>(ReportPublications.class);
        fixture.registerInjectableResource(new InMemoryRegistry().station("S1"));
        fixture.registerInjectableResource(DIGESTS);
        return fixture;
    }

    @Test
    void publishing_records_the_position_and_hash_the_ledger_computed() {
        fixture.givenNoPriorActivity()
               .when(new PublishReport(2026, ReportName.BURDEN, null, PublicationTrigger.ON_DEMAND, null))
               .expectEvents(new ReportPublished(2026, ReportName.BURDEN, null, 1234, "csv", HASH,
                       PublicationTrigger.ON_DEMAND, null))
               .expectResultMessagePayload(new ReportCommands.Publication(2026, ReportName.BURDEN, null, 1234, "csv", HASH));
    }

    @Test
    void the_monthly_publication_happens_once_per_period() {
        var scheduled = new ReportPublished(2026, ReportName.BURDEN, null, 1000, "csv", HASH,
                PublicationTrigger.SCHEDULED, "2026-04");
        refused(fixture.given(scheduled)
                       .when(new PublishReport(2026, ReportName.BURDEN, null, PublicationTrigger.SCHEDULED, "2026-04")),
                "already-published");
        fixture.given(scheduled)
               .when(new PublishReport(2026, ReportName.BURDEN, null, PublicationTrigger.SCHEDULED, "2026-05"))
               .expectEvents(new ReportPublished(2026, ReportName.BURDEN, null, 1234, "csv", HASH,
                       PublicationTrigger.SCHEDULED, "2026-05"));
        fixture.given(scheduled)
               .when(new PublishReport(2026, ReportName.BURDEN, null, PublicationTrigger.ON_DEMAND, null))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_station_summary_names_a_registered_station_and_only_it_does() {
        fixture.givenNoPriorActivity()
               .when(new PublishReport(2026, ReportName.STATION_SUMMARY, "S1", PublicationTrigger.ON_DEMAND, null))
               .expectEvents(new ReportPublished(2026, ReportName.STATION_SUMMARY, "S1", 1234, "csv", HASH,
                       PublicationTrigger.ON_DEMAND, null));
        refused(fixture().givenNoPriorActivity()
                       .when(new PublishReport(2026, ReportName.STATION_SUMMARY, null, PublicationTrigger.ON_DEMAND, null)),
                "station-required");
        refused(fixture().givenNoPriorActivity()
                       .when(new PublishReport(2026, ReportName.STATION_SUMMARY, "S9", PublicationTrigger.ON_DEMAND, null)),
                "unknown-station");
        refused(fixture().givenNoPriorActivity()
                       .when(new PublishReport(2026, ReportName.BURDEN, "S1", PublicationTrigger.ON_DEMAND, null)),
                "station-not-allowed");
    }

    @Test
    void absurd_years_and_scheduled_publications_without_a_period_are_refused() {
        refused(fixture.givenNoPriorActivity()
                       .when(new PublishReport(99999, ReportName.BURDEN, null, PublicationTrigger.ON_DEMAND, null)),
                "invalid-request");
        refused(fixture().givenNoPriorActivity()
                       .when(new PublishReport(2026, ReportName.BURDEN, null, PublicationTrigger.SCHEDULED, null)),
                "period-required");
    }
}
