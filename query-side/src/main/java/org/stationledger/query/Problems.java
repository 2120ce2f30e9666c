package org.stationledger.query;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.stationledger.events.RuleViolation;

/** The refusals a query can end in, with the codes clients rely on. */
public final class Problems {

    private Problems() {
    }

    public static RuleViolation notFound(String message) {
        return RuleViolation.notFound("not-found", message);
    }

    public static RuleViolation forbiddenScope(String message) {
        return RuleViolation.forbidden("forbidden-scope", message);
    }

    public static RuleViolation invalidRequest(String message) {
        return RuleViolation.invalid("invalid-request", message);
    }

    /**
     * A read model has not got as far as the question needs: nothing is wrong with the request, and the same request
     * succeeds in a moment (503 {@code read-models-behind} with Retry-After, as a read-your-writes wait that ran out).
     */
    public static ErrorResponseException readModelsBehind(String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, message);
        problem.setType(URI.create("urn:station-ledger:problem:read-models-behind"));
        problem.setProperty("code", "read-models-behind");
        ErrorResponseException behind = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        behind.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return behind;
    }
}
