package org.stationledger.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.stationledger.app.IntegrationTest;

/** The event table refuses every change but an append, even through the ledger's own (superuser) connections. */
class AppendOnlyEventStoreTest extends IntegrationTest {

    @Test
    void storedEventsCannotBeUpdatedDeletedOrTruncatedAndTheLedgerCarriesOn() {
        ensureDepartment("APPEND-ONLY-1");
        long events = eventCount();
        long last = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry", Long.class);

        assertThatThrownBy(() -> jdbc.update(
                "UPDATE domainevententry SET payload = convert_to('{}', 'UTF8') WHERE globalindex = ?", last))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM domainevententry WHERE globalindex = ?", last))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only: DELETE refused");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE domainevententry"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only: TRUNCATE refused");
        assertThat(eventCount()).isEqualTo(events);

        var department = as("coord").post("/api/departments", Map.of("departmentId", "APPEND-ONLY-2", "name", "Two"));
        assertThat(department.status()).as(department.toString()).isEqualTo(201);
        assertThat(eventCount()).isEqualTo(events + 1);
        assertThat(as("audit").get("/api/audit/events?type=DepartmentRegistered&limit=1000").body().path("events")
                .findValuesAsText("aggregateId")).contains("department:APPEND-ONLY-2");
    }
}
