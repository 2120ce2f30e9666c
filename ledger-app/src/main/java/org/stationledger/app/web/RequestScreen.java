package org.stationledger.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads or stores them, two kinds of input no request of the ledger needs:
 * <ul>
 * <li>a body larger than {@code ledger.http.max-body-size} (8 MB by default; a plan item naming every station of the
 * country is about 1 MB), with 413 {@code payload-too-large}, so that nobody makes a node parse a huge document;
 * <li>a query parameter that holds a control character (a {@code %00} in a filter, say), with 400
 * {@code bad-request}: PostgreSQL cannot take U+0000 in a text parameter, and no id, type or position the ledger knows
 * holds any of them. Request bodies are held to the same rule by {@link RequestJson};
 * <li>a query parameter of the API given more than once, with 400 {@code invalid-request}: every one of them takes
 * one value, and Spring would otherwise read the first, or join them with commas, and answer another question than
 * the one asked ({@code year=2019&year=2020} read as 2019). Operators' endpoints outside {@code /api/} take repeated
 * parameters (the metrics' {@code tag}).
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestScreen extends OncePerRequestFilter {

    private final ObjectMapper json;
    private final long maxBodyBytes;

    RequestScreen(ObjectMapper json, @Value("${ledger.http.max-body-size:8MB}") DataSize maxBodySize) {
        this.json = json;
        this.maxBodyBytes = maxBodySize.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            ProblemResponses.write(json, request, response, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                    "The request body is larger than the ledger takes (" + maxBodyBytes + " bytes).");
            return;
        }
        if (request.getQueryString() != null) {
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                if (hasControlCharacter(parameter.getKey()) || anyHasControlCharacter(parameter.getValue())) {
                    ProblemResponses.write(json, request, response, HttpStatus.BAD_REQUEST, "bad-request",
                            "A query parameter holds a control character; none of the ledger's values does.");
                    return;
                }
                if (parameter.getValue().length > 1 && request.getServletPath().startsWith("/api/")) {
                    ProblemResponses.write(json, request, response, HttpStatus.BAD_REQUEST, "invalid-request",
                            parameter.getKey() + " is given " + parameter.getValue().length
                            + " times; it takes one value.");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean anyHasControlCharacter(String[] values) {
        for (String value : values) {
            if (hasControlCharacter(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
