package org.stationledger.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.stationledger.app.messaging.LostRaces;
import org.stationledger.events.RuleViolation;

/**
 * Every error leaves the ledger as {@code application/problem+json} (RFC 9457) with a stable {@code code}. Errors are
 * raised before any event is applied, so a refused request has written nothing.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation violation) {
        return problem(HttpStatus.valueOf(violation.kind().status()), violation.code(), violation.getMessage());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        var response = problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid values.");
        response.getBody().setProperty("errors", e.getConstraintViolations().stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage())).toList());
        return response;
    }

    /**
     * A retry that took over its request while the first attempt was still running, and found the command carried
     * out by it: the first attempt's answer is the key's, so the filter keeps nothing of this one.
     */
    @ExceptionHandler(IdempotencyKeys.CarriedOutByItsFirstAttempt.class)
    ResponseEntity<ProblemDetail> carriedOutByItsFirstAttempt(IdempotencyKeys.CarriedOutByItsFirstAttempt e,
                                                             HttpServletRequest request) {
        request.setAttribute(IdempotencyFilter.ANSWERED_BY_THE_FIRST_ATTEMPT, Boolean.TRUE);
        return problem(HttpStatus.CONFLICT, "idempotency-key-in-flight", e.getMessage());
    }

    /** The firewall checks some headers only when they are read, inside Spring MVC (a header value it refuses). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "The request was refused: " + e.getMessage());
    }

    /**
     * A command about a record that does not exist: {@code unknown-cycle} for "cycle:2099", and so on for each kind
     * of record (the kind is the prefix of the record's identifier, {@code AggregateIds}).
     */
    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        String id = String.valueOf(e.getAggregateIdentifier());
        int colon = id.indexOf(':');
        if (colon <= 0) {
            return problem(HttpStatus.NOT_FOUND, "not-found", "No such record.");
        }
        String kind = id.substring(0, colon);
        return problem(HttpStatus.NOT_FOUND, "unknown-" + kind,
                "No " + kind.replace('-', ' ') + " " + id.substring(colon + 1) + ".");
    }

    /**
     * A command that lost a race even after its retries ({@link LostRaces}): also a deadlock's victim or a lock it
     * could not get in a look-up, which Spring reports as a {@link ConcurrencyFailureException}.
     */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class, DuplicateKeyException.class,
            ConcurrencyFailureException.class})
    ResponseEntity<ProblemDetail> concurrentChange(RuntimeException e) {
        log.info("Concurrent change refused: {}", e.getMessage());
        return retryLater(HttpStatus.CONFLICT, "concurrent-modification",
                "Someone else changed this record at the same moment; nothing was written. Retry the request.");
    }

    /**
     * No database connection within the pool's timeout (the ledger is overloaded, or the database is down): nothing
     * was read or written, and the same request may succeed in a moment.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        log.warn("No database connection: {}", e.getMessage());
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "The ledger is too busy or cannot reach its database; nothing was written. Retry the request.");
    }

    /** Retry-After marks the answer as "nothing decided": an Idempotency-Key does not keep it (IdempotencyFilter). */
    private static ResponseEntity<ProblemDetail> retryLater(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.problem(status, code, detail));
    }

    /** Axon reports two commands creating the same record as a failure of the event store, not as a conflict. */
    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<ProblemDetail> eventStoreFailure(EventStoreException e) {
        return LostRaces.lost(e) ? concurrentChange(e) : unexpected(e);
    }

    /**
     * The database closed the connection in the middle of the request ({@link DatabaseFailures#connectionLost}).
     * Had that happened as a command committed, it may have been carried out: a retry with the same Idempotency-Key
     * is told so, and is not run twice (IdempotencyFilter).
     */
    private static ResponseEntity<ProblemDetail> connectionLost(Exception e) {
        log.warn("Database connection lost: {}", e.toString());
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "The ledger lost its connection to its database; the request may not have been carried out. Retry it "
                + "with the same Idempotency-Key: if it was carried out, the retry says so.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseFailures.connectionLost(e)) {
            return connectionLost(e);
        }
        if (DatabaseFailures.privilegeMissing(e)) {
            // The operator's to fix; PostgreSQL's message, which names the object, goes to the log only.
            log.error("The ledger's database role lacks a privilege", e);
            return problem(HttpStatus.INTERNAL_SERVER_ERROR, "insufficient-privilege",
                    "The ledger's database role lacks a privilege this request needs; nothing was written. Its "
                    + "operator finds which in the log (docs/operations.md, the restricted role).");
        }
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "The ledger could not complete the request; nothing was written. The request id identifies it in the log.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        // A value that is not of its field's type (a query parameter "year=abc", bound to a record of the query's
        // parameters) is bad-request, as a single parameter of the wrong type is (docs/api.md), and is said so
        // without Spring's conversion message and its Java type names.
        List<FieldError> fieldErrors = e.getBindingResult().getFieldErrors();
        boolean notOfTheirTypes = !fieldErrors.isEmpty() && fieldErrors.stream().allMatch(FieldError::isBindingFailure);
        ProblemDetail body = notOfTheirTypes
                ? ProblemResponses.problem(HttpStatus.BAD_REQUEST, "bad-request",
                        "The request has values that are not of their parameters' types.")
                : ProblemResponses.problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request has invalid values.");
        List<Map<String, String>> errors = fieldErrors.stream()
                .map(error -> Map.of("field", error.getField(), "message", error.isBindingFailure()
                        ? "'" + error.getRejectedValue() + "' is not a value of this field's type"
                        : String.valueOf(error.getDefaultMessage())))
                .toList();
        body.setProperty("errors", errors);
        return withProblemType(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return withProblemType(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "malformed-request",
                "The request body is not valid JSON of the expected shape: " + UnreadableBodies.reason(e)));
    }

    /** A path no endpoint answers (Spring looks for a static resource last): said as the security filter says it. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, ProblemResponses.problem(HttpStatus.NOT_FOUND, "not-found",
                "The ledger has no such endpoint."), headers, status, request);
    }

    /** Says which media types the endpoint takes (also in the Accept header Spring adds). */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        return handleExceptionInternal(e, ProblemResponses.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type", "This endpoint takes a body of type "
                + MediaType.toString(e.getSupportedMediaTypes()) + " (the Content-Type header)."),
                headers, status, request);
    }

    /** The remaining Spring MVC errors (wrong method, media type, path variable type...) keep their status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : e instanceof ErrorResponse response ? response.getBody() : ProblemDetail.forStatus(status);
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            String code = ProblemResponses.codeOf(HttpStatus.valueOf(status.value()));
            problem.setProperty("code", code);
            problem.setType(URI.create("urn:station-ledger:problem:" + code));
        }
        if (problem.getDetail() == null) {
            problem.setDetail("The request was refused (" + HttpStatus.valueOf(status.value()).getReasonPhrase() + ").");
        }
        // Headers the error comes with (Retry-After of a read model behind, Allow of a wrong method) stay.
        return ResponseEntity.status(problem.getStatus()).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }


    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.problem(status, code, detail));
    }

    private static ResponseEntity<Object> withProblemType(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
