package org.stationledger.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/** What a client is told when the ledger cannot get a database connection in time, or loses a race for good. */
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

    @Test
    void aDeadlockStillLostAfterTheRetriesIsAConflictToRetryNotAFault() {
        var deadlock = new PessimisticLockingFailureException("SELECT pg_advisory_xact_lock_shared(?, ?)",
                new SQLException("ERROR: deadlock detected", "40P01"));

        assertThat(new ExceptionHandlerMethodResolver(ProblemHandler.class).resolveMethodByThrowable(deadlock))
                .extracting(Method::getName).isEqualTo("concurrentChange");
        var answer = handler.concurrentChange(deadlock);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotNull();
        assertThat(answer.getBody().getProperties()).containsEntry("code", "concurrent-modification");
    }
}
