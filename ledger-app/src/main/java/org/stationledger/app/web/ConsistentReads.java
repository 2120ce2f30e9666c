package org.stationledger.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A read that presents a position — the {@code X-Ledger-Position} a command's answer carried — is answered once this
 * node's read models have reached it. That is read-your-writes for a client that deferred the wait
 * ({@code Prefer: read-your-writes=deferred}), and for a client reading from a query node of a scale-out, whose
 * projections catch up with the command nodes' events on their own.
 */
@Component
class ConsistentReads implements HandlerInterceptor {

    private final ReadYourWrites readYourWrites;
    private final ObjectMapper json;

    ConsistentReads(ReadYourWrites readYourWrites, ObjectMapper json) {
        this.readYourWrites = readYourWrites;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        String presented = request.getHeader(ReadYourWrites.POSITION_HEADER);
        if (presented == null || !HttpMethod.GET.matches(request.getMethod())) {
            return true;
        }
        long position = parse(presented);
        long head = readYourWrites.headPosition();
        if (position < 0 || position > head) {
            ProblemResponses.write(json, request, response, HttpStatus.BAD_REQUEST, "invalid-position",
                    ReadYourWrites.POSITION_HEADER + " must be a position the ledger has given out: a whole number from 0"
                    + " to the event store's head, " + head + ".");
            return false;
        }
        if (readYourWrites.awaitProjections(position, false)) {
            return true;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        ProblemResponses.write(json, request, response, HttpStatus.SERVICE_UNAVAILABLE, "read-models-behind",
                "This node's read models have not reached position " + position + " within the wait; retry in a"
                + " moment, or read without the position to see what they hold now.");
        return false;
    }

    private static long parse(String position) {
        try {
            return Long.parseLong(position.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
