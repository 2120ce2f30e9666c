package org.stationledger.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page: an error raised outside Spring MVC's handlers (a path the container will not
 * decode, a request refused before the ledger's filters) answers as a problem with a stable code, like every other
 * error, instead of Spring Boot's own error body.
 */
@RestController
class ErrorPathController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        String problemCode = status == HttpStatus.INTERNAL_SERVER_ERROR
                ? "internal-error" : status.name().toLowerCase().replace('_', '-');
        String detail = status.is4xxClientError()
                ? "The request was refused before it reached the ledger (" + status.getReasonPhrase() + ")."
                : "The ledger could not complete the request; nothing was written. The request id identifies it in the log.";
        return ProblemHandler.problem(status, problemCode, detail);
    }
}
