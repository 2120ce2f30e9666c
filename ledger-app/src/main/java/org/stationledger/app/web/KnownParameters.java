package org.stationledger.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.stationledger.events.Actor;

/**
 * Refuses a query parameter that a read of the API does not take (400 {@code invalid-request}, naming those it
 * takes). Spring would ignore it, and a misspelt filter ({@code station=} for {@code stationId=}) would be answered
 * unfiltered — an auditor would take the whole trail for one station's. A read's parameters are its
 * {@code @RequestParam}s and the components of a record it binds them to (the trail's filters).
 */
@Component
class KnownParameters implements HandlerInterceptor {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    private final ObjectMapper json;
    private final Map<Method, Set<String>> taken = new ConcurrentHashMap<>();

    KnownParameters(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null
            || !request.getServletPath().startsWith("/api/")
            || !(HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod()))) {
            return true;
        }
        Set<String> names = taken.computeIfAbsent(method.getMethod(), ignored -> parametersOf(method));
        for (String given : request.getParameterMap().keySet()) {
            if (!names.contains(given)) {
                ProblemResponses.write(json, request, response, HttpStatus.BAD_REQUEST, "invalid-request",
                        "This endpoint takes no parameter " + given + (names.isEmpty() ? "; it takes none."
                                : "; it takes " + String.join(", ", names) + "."));
                return false;
            }
        }
        return true;
    }

    private static Set<String> parametersOf(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter.initParameterNameDiscovery(NAMES);
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (requestParam != null) {
                names.add(requestParam.name().isEmpty() ? parameter.getParameterName() : requestParam.name());
            } else if (parameter.getParameterType().isRecord() && parameter.getParameterAnnotations().length == 0
                       && parameter.getParameterType() != Actor.class) {
                // A record bound from the query (the trail's filters); the caller comes from its credentials.
                for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
                    names.add(component.getName());
                }
            }
        }
        return names;
    }
}
