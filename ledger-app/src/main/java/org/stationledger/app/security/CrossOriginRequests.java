package org.stationledger.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.stationledger.app.web.ProblemResponses;

/**
 * Requests that a web page of another origin makes a browser send (RFC 6454: the browser says so in {@code Origin}).
 * A browser that has signed in to the ledger with HTTP Basic sends its credentials along with them, so a page
 * elsewhere could otherwise have a co-ordinator's browser close a cycle or publish a report (cross-site request
 * forgery). They are refused, 403 {@code cross-origin}, before sign-in, unless their origin is one the operator lists
 * in {@code ledger.http.allowed-origins} (a front end served from elsewhere), which gets CORS answers. Requests without
 * {@code Origin} (curl, other servers' clients) and from the ledger's own origin (its Swagger UI) are not affected.
 */
final class CrossOriginRequests {

    private CrossOriginRequests() {
    }

    static CorsFilter filter(List<String> allowedOrigins, ObjectMapper json) {
        CorsConfiguration api = new CorsConfiguration();
        api.setAllowedOrigins(allowedOrigins);
        api.setAllowedMethods(List.of("GET", "HEAD", "POST"));
        api.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "Prefer",
                "X-Ledger-Position", "X-Correlation-Id"));
        api.setExposedHeaders(List.of("Location", "Retry-After", "X-Ledger-Position", "X-Request-Id",
                "Preference-Applied", "Idempotent-Replayed"));
        api.setAllowCredentials(true);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", api);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new DefaultCorsProcessor() {
            @Override
            public boolean processRequest(CorsConfiguration config, HttpServletRequest request,
                                          HttpServletResponse response) throws IOException {
                if (super.processRequest(config, request, response)) {
                    return true;
                }
                ProblemResponses.write(json, request, response, HttpStatus.FORBIDDEN, "cross-origin",
                        "A web page of another origin may not call the ledger; its operator lists the origins that "
                        + "may (ledger.http.allowed-origins).");
                return false;
            }

            /** The refusal is written by {@link #processRequest}, which knows the request's path. */
            @Override
            protected void rejectRequest(ServerHttpResponse response) {
            }
        });
        return filter;
    }
}
