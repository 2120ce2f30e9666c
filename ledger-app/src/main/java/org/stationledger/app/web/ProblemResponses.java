package org.stationledger.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** The ledger's {@code application/problem+json} body, for Spring MVC handlers and for servlet filters alike. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /**
     * The code of an error whose status alone says what happened (raised by Spring MVC, Tomcat or the servlet error
     * page rather than by a rule of the ledger): the status's name, {@code bad-request}, {@code method-not-allowed}…,
     * and {@code internal-error} for 500, as every failure of the ledger is.
     */
    public static String codeOf(HttpStatus status) {
        return status == HttpStatus.INTERNAL_SERVER_ERROR
                ? "internal-error" : status.name().toLowerCase().replace('_', '-');
    }

    /** A request refused, or failed, before any handler of the ledger saw it: only its status is known. */
    static ProblemDetail refusedBeforeTheLedger(HttpStatus status) {
        return problem(status, codeOf(status), status.is4xxClientError()
                ? "The request was refused before it reached the ledger (" + status.getReasonPhrase() + ")."
                : "The ledger could not complete the request; nothing was written.");
    }

    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:station-ledger:problem:" + code));
        problem.setProperty("code", code);
        return problem;
    }

    /**
     * Answers from a filter, where no exception handler is in reach; {@code instance} is the request's path, as Spring
     * MVC sets it for the problems of its handlers.
     */
    public static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                             HttpStatus status, String code, String detail) throws IOException {
        ProblemDetail problem = problem(status, code, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
