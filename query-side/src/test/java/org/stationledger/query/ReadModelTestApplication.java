package org.stationledger.query;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.stationledger.events.Actor;
import org.stationledger.events.Role;
import org.stationledger.events.RuleViolation;
import org.stationledger.testing.TestServer;

/**
 * The query side alone on a real PostgreSQL ({@link TestPostgres}), with Axon's JDBC event store. The app's security
 * and problem handling are stood in for: the caller comes from an {@code X-Test-Actor} header
 * ({@code ROLE:principal[:scope]}), and a rule violation answers with its status and code.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan("org.stationledger.query")
public class ReadModelTestApplication implements WebMvcConfigurer {

    static final String ACTOR_HEADER = "X-Test-Actor";

    /** Where the read models' tests keep their data; stopped by the context, after Axon's threads. */
    @Bean(destroyMethod = "close")
    TestPostgres testPostgres() throws IOException {
        return TestPostgres.start();
    }

    @Bean
    DataSource dataSource(TestPostgres postgres) {
        return postgres.dataSource();
    }

    /**
     * A fresh database on the server {@code LEDGER_TEST_DB_URL} names (as the app's integration tests use), or else
     * an embedded PostgreSQL whose commits are synchronous, as the ledger runs its database (the projections' own are
     * not), stopped with the context rather than by a JVM shutdown hook of its own that would race Axon's threads.
     */
    record TestPostgres(EmbeddedPostgres embedded, DataSource dataSource) implements AutoCloseable {

        static TestPostgres start() throws IOException {
            var server = TestServer.url();
            if (server.isPresent()) {
                var dataSource = new PGSimpleDataSource();
                dataSource.setUrl(TestServer.createDatabase(server.get()));
                dataSource.setUser(TestServer.user());
                dataSource.setPassword(TestServer.password());
                return new TestPostgres(null, dataSource);
            }
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
                    .setRegisterShutdownHook(false).start();
            return new TestPostgres(embedded, embedded.getPostgresDatabase());
        }

        @Override
        public void close() throws IOException {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** The application's clock; the burden dashboard judges its statuses on today's date. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HeaderActorResolver());
    }

    static String header(Actor actor) {
        String scope = actor.departmentId() != null ? actor.departmentId() : actor.stationId();
        return actor.role() + ":" + actor.principal() + (scope == null ? "" : ":" + scope);
    }

    private static final class HeaderActorResolver implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType().equals(Actor.class);
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                      NativeWebRequest request, WebDataBinderFactory binderFactory) {
            String[] parts = request.getHeader(ACTOR_HEADER).split(":");
            Role role = Role.valueOf(parts[0]);
            String scope = parts.length > 2 ? parts[2] : null;
            return new Actor(parts[1], role, role == Role.DEPARTMENT ? scope : null, role == Role.STATION ? scope : null);
        }
    }

    @RestControllerAdvice
    static class RuleViolations {
        @ExceptionHandler(RuleViolation.class)
        ResponseEntity<Map<String, String>> refuse(RuleViolation violation) {
            return ResponseEntity.status(violation.kind().status()).body(Map.of("code", violation.code()));
        }
    }
}
