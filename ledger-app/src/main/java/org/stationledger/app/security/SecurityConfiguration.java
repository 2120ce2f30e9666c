package org.stationledger.app.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.stationledger.app.web.ProblemResponses;

/**
 * HTTP Basic over a stateless API. Which role may call which endpoint is decided here, in one table; whether a
 * department or station may touch a particular record (its scope) is decided by the handlers, which take the
 * department or station from the principal and never from the request.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String COORDINATOR = "COORDINATOR";
    private static final String DEPARTMENT = "DEPARTMENT";
    private static final String STATION = "STATION";
    private static final String AUDITOR = "AUDITOR";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper objectMapper, ApplicationContext context,
                            @Value("${ledger.http.allowed-origins:}") List<String> allowedOrigins) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Station Ledger\", charset=\"UTF-8\"");
            ProblemResponses.write(objectMapper, request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "Sign in with HTTP Basic credentials of a ledger user.");
        };
        // No CSRF tokens: nothing signs in with a cookie. Cross-site requests from browsers are refused by origin.
        http.csrf(csrf -> csrf.disable())
            .addFilter(CrossOriginRequests.filter(allowedOrigins, objectMapper))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
            .exceptionHandling(handling -> handling
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(new DeniedRequests(objectMapper, () -> context.getBean(
                            "requestMappingHandlerMapping", RequestMappingHandlerMapping.class))))
            .authorizeHttpRequests(requests -> requests
                    .requestMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**", "/swagger-ui/**",
                            "/swagger-ui.html", "/error").permitAll()
                    // registry and the yearly cycle: the co-ordinating office
                    .requestMatchers(POST, "/api/departments", "/api/stations", "/api/stations/*/details",
                            "/api/stations/*/decommission", "/api/cycles", "/api/cycles/*/publish", "/api/cycles/*/close",
                            "/api/cycles/*/plan/approve", "/api/cycles/*/plan-items/*/approve",
                            "/api/cycles/*/plan-items/*/reject", "/api/inspections/*/exception-decision",
                            "/api/stations/*/ratings/*/appeals/*/decision", "/api/stations/*/ratings/*/finalise",
                            "/api/stations/*/ratings/*/revise", "/api/burden/baselines", "/api/reports/*/*/publish")
                    .hasRole(COORDINATOR)
                    // departments propose and request, and nobody else
                    .requestMatchers(POST, "/api/cycles/*/indicators", "/api/cycles/*/plan-items", "/api/inspections",
                            "/api/inspections/*/findings", "/api/findings/*/withdraw", "/api/burden/documents",
                            "/api/burden/meetings")
                    .hasRole(DEPARTMENT)
                    // a station's one write: an appeal against its own draft rating
                    .requestMatchers(POST, "/api/stations/*/ratings/*/appeals").hasRole(STATION)
                    // the read models' upkeep: positions and rebuilds, run by the office; the auditors read them,
                    // since a rebuild's comparison with the live read model is evidence that it follows the events
                    .requestMatchers(reads("/api/admin/**")).hasAnyRole(COORDINATOR, AUDITOR)
                    .requestMatchers("/api/admin/**").hasRole(COORDINATOR)
                    // the trail, its verification, checkpoints and export
                    .requestMatchers(reads("/api/audit/**")).hasAnyRole(AUDITOR, COORDINATOR)
                    // every role reads the burden dashboard and the reports, each narrowed to its own scope
                    .requestMatchers(reads("/api/**")).hasAnyRole(COORDINATOR, DEPARTMENT, STATION, AUDITOR)
                    .requestMatchers("/actuator/**").hasAnyRole(COORDINATOR, AUDITOR)
                    .anyRequest().denyAll())
            .headers(Customizer.withDefaults());
        return http.build();
    }

    /** GET, and HEAD, which Spring MVC answers wherever it answers GET. */
    private static RequestMatcher reads(String pattern) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(paths.matcher(GET, pattern), paths.matcher(HEAD, pattern));
    }

    /**
     * A request the firewall refuses (a header value outside ISO-8859-1, an encoded path separator) answers 400
     * {@code bad-request} as a problem, not as an error of the ledger.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper objectMapper) {
        return (request, response, e) -> ProblemResponses.write(objectMapper, request, response, HttpStatus.BAD_REQUEST,
                "bad-request", "The request was refused before it reached the ledger: " + e.getMessage());
    }

    /**
     * No observation per security filter, authentication and authorisation: with Micrometer present, Spring
     * Security would otherwise start and stop a timed observation around each of the chain's fifteen filters on
     * every request — about a tenth of the request threads' time in a profile (docs/benchmarks.md). Requests are still
     * timed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The role table's paths are path patterns, parsed as Spring MVC parses its mappings, instead of Spring MVC's
     * own matcher asked per request: that one ({@code MvcRequestMatcher}) is deprecated in Spring Security 6.5, and
     * path patterns are the default from 7.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** Any of Spring Security's encodings by prefix; a password that matched once is not hashed again per request. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswordCache(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

}
