package org.stationledger.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** What a client is told when the ledger cannot get a database connection in time. */
class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void anExhaustedConnectionPoolIsATemporaryUnavailabilityNotAFault() {
        var timedOut = new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("Connection is not available, request timed out after 30000ms"));

        var answer = handler.unavailable(timedOut);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "unavailable");
    }

    @Test
    void aQueryWithoutAConnectionIsAnsweredTheSameWay() {
        var answer = handler.unavailable(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "unavailable");
    }
}
