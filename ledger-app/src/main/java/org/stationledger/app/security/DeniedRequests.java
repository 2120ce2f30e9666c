package org.stationledger.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.stationledger.app.web.ProblemResponses;

/**
 * What a signed-in caller is told when the role table refuses a request. The table denies whatever it does not name,
 * so that an endpoint nobody listed stays closed; the answer still says what happened: 403 {@code forbidden-role}
 * for an endpoint the caller's role may not use, 405 {@code method-not-allowed} (with {@code Allow}) for a method the
 * path does not take, 404 {@code not-found} for a path the ledger does not have ({@code /} included). Under the
 * actuator, mapped apart from the ledger's controllers, a refusal is 403.
 */
final class DeniedRequests implements AccessDeniedHandler {

    private final ObjectMapper json;
    /** The ledger's controllers, mapped by path and method. */
    private final Supplier<RequestMappingHandlerMapping> api;

    DeniedRequests(ObjectMapper json, Supplier<RequestMappingHandlerMapping> api) {
        this.json = json;
        this.api = api;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        // The actuator's endpoints are mapped elsewhere: a refusal there stays 403.
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/actuator")) {
            try {
                if (api.get().getHandler(request) == null) {
                    ProblemResponses.write(json, request, response, HttpStatus.NOT_FOUND, "not-found",
                            "The ledger has no such endpoint.");
                    return;
                }
            } catch (HttpRequestMethodNotSupportedException wrongMethod) {
                if (wrongMethod.getSupportedHttpMethods() != null) {
                    response.setHeader(HttpHeaders.ALLOW,
                            StringUtils.collectionToCommaDelimitedString(wrongMethod.getSupportedHttpMethods()));
                }
                ProblemResponses.write(json, request, response, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                        "This endpoint does not take " + request.getMethod() + ".");
                return;
            } catch (Exception otherMismatch) {
                // The path and method exist (a media type did not match): the role table's refusal stands.
            }
        }
        ProblemResponses.write(json, request, response, HttpStatus.FORBIDDEN, "forbidden-role", "Your role may not do this.");
    }
}
