package org.stationledger.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.stationledger.events.LedgerMetaData;

/**
 * Gives every request a request id and a correlation id (the client's {@code X-Correlation-Id}, if it sent a sane
 * one). Both go into the log context and, through the command interceptor, into every event the request causes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    static final String CORRELATION_ID_HEADER = "X-Correlation-Id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = UUID.randomUUID().toString();
        String correlationId = sane(request.getHeader(CORRELATION_ID_HEADER), requestId);
        MDC.put(LedgerMetaData.REQUEST_ID, requestId);
        MDC.put(LedgerMetaData.CORRELATION_ID, correlationId);
        response.setHeader(REQUEST_ID_HEADER, requestId);
        response.setHeader(CORRELATION_ID_HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(LedgerMetaData.REQUEST_ID);
            MDC.remove(LedgerMetaData.CORRELATION_ID);
        }
    }

    private static String sane(String candidate, String fallback) {
        return candidate != null && SANE_ID.matcher(candidate).matches() ? candidate : fallback;
    }
}
