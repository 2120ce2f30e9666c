package org.stationledger.app.burden;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stationledger.app.Api;
import org.stationledger.app.IntegrationTest;

/**
 * The burden is held to the 2018 baselines from 2019 on: the base year and those before it have no documents or
 * meetings to count, so no dashboard or burden report of theirs is shown or published (it would show every
 * department 100% below its baseline). Their inspections stay in the other reports.
 */
class BaseYearTest extends IntegrationTest {

    @Test
    void noBurdenIsShownOrPublishedForTheBaseYearOrBefore() {
        Api coord = as("coord");
        ensureDepartment("CRIMINAL-INVESTIGATION");
        long events = eventCount();
        long head = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);
        for (int year : new int[] {2018, 2005}) {
            refused(coord.get("/api/burden/" + year));
            refused(coord.download("/api/reports/" + year + "/burden?format=csv"));
            refused(coord.download("/api/reports/" + year + "/burden?format=csv&asOf=" + head));
            refused(coord.post("/api/reports/" + year + "/burden/publish"));
        }
        assertThat(eventCount()).as("nothing published").isEqualTo(events);

        assertThat(coord.get("/api/burden/2019").status()).isEqualTo(200);
        assertThat(coord.download("/api/reports/2018/inspections-by-department?format=csv").status()).isEqualTo(200);
    }

    private static void refused(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.text("code")).isEqualTo("invalid-request");
        assertThat(response.text("detail")).contains("counted from 2019");
    }

    private static void refused(Api.Download download) {
        assertThat(download.status()).as(download.text()).isEqualTo(400);
        assertThat(download.text()).contains("invalid-request").contains("counted from 2019");
    }
}
