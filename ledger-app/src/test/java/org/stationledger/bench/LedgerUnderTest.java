package org.stationledger.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.stationledger.app.LedgerApplication;

/**
 * The whole ledger started in this JVM, exactly as {@code java -jar station-ledger.jar} starts it (same
 * configuration, security, embedded or external PostgreSQL), with its HTTP server on a loopback port.
 */
final class LedgerUnderTest implements AutoCloseable {

    /** The query side's streaming processors; the names are those of ProcessingGroups. */
    static final List<String> PROJECTIONS = List.of("stations", "cycles", "inspections", "ratings", "audit-index", "burden",
            "report-publications");

    private final ConfigurableApplicationContext context;
    private final Path embeddedDir;
    final CommandGateway commands;
    final JdbcTemplate jdbc;
    final DataSource dataSource;
    final EventStore eventStore;
    final EventProcessingConfiguration processing;
    final int port;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private LedgerUnderTest(ConfigurableApplicationContext context, Path embeddedDir) {
        this.context = context;
        this.embeddedDir = embeddedDir;
        this.commands = context.getBean(CommandGateway.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.dataSource = context.getBean(DataSource.class);
        this.eventStore = context.getBean(EventStore.class);
        this.processing = context.getBean(EventProcessingConfiguration.class);
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        HikariDataSource hikari = (HikariDataSource) dataSource;
        this.jdbcUrl = hikari.getJdbcUrl();
        this.user = hikari.getUsername();
        this.password = hikari.getPassword();
    }

    static LedgerUnderTest start(BenchOptions options) throws IOException {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.address", "127.0.0.1");
        properties.put("server.port", "0");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.stationledger", "WARN");
        properties.put("spring.main.banner-mode", "off");
        properties.put("ledger.users-file", bcryptUsersFile());
        properties.putAll(options.ledgerProperties);
        Path embeddedDir = null;
        if (options.dbUrl == null) {
            embeddedDir = Files.createTempDirectory("ledger-bench-pg");
            properties.put("ledger.embedded.data-dir", embeddedDir.toString());
        } else {
            properties.put("spring.datasource.url", options.dbUrl);
            properties.put("spring.datasource.username", options.dbUser);
            properties.put("spring.datasource.password", options.dbPassword);
        }
        System.setProperty("disable-axoniq-console-message", "true");
        // As command-line arguments: they win over application.yml, as on a real command line.
        String[] args = properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(LedgerApplication.class)
                    // The test classes on this classpath include @TestComponents meant only for the test suite.
                    .initializers(applicationContext -> applicationContext.getBeanFactory()
                            .registerSingleton("benchExcludesTestComponents", new ExcludeTestComponents()))
                    .run(args);
        } catch (RuntimeException e) {
            delete(embeddedDir);
            throw e;
        }
        return new LedgerUnderTest(context, embeddedDir);
    }

    /**
     * The users the benchmark signs in as over HTTP, with the same passwords as the demo's but stored as bcrypt hashes
     * at Spring Security's default strength, as the README tells a real deployment to store them: HTTP Basic sends
     * the password with every request, so the benchmark measures what checking it costs there.
     */
    private static Path bcryptUsersFile() throws IOException {
        var bcrypt = new BCryptPasswordEncoder();
        StringBuilder yaml = new StringBuilder("users:\n");
        yaml.append(userLine(bcrypt, "coord", "COORDINATOR", ""));
        Channel.DEPARTMENT_USERS.forEach((departmentId, username) ->
                yaml.append(userLine(bcrypt, username, "DEPARTMENT", ", department: " + departmentId)));
        Path file = Files.createTempFile("ledger-bench-users", ".yml");
        file.toFile().deleteOnExit();
        return Files.writeString(file, yaml);
    }

    private static String userLine(BCryptPasswordEncoder bcrypt, String username, String role, String scope) {
        return "  - { username: %s, password: \"{bcrypt}%s\", role: %s%s }\n"
                .formatted(username, bcrypt.encode(username + "-pass"), role, scope);
    }

    /** A connection of its own (not from the ledger's pool) to the ledger's database, for the raw baselines. */
    Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password == null ? "" : password);
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    long headPosition() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No streaming processor " + name));
    }

    /** How many segments the processor's tokens are split into (a node claims them one by one). */
    int segments(String name) {
        return jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ?", Integer.class, name);
    }

    /** Every segment claimed and past {@code position}. */
    boolean caughtUp(StreamingEventProcessor processor, long position) {
        var statuses = processor.processingStatus().values();
        // Not isReplaying(): a replay token only turns into a plain one when an event past the reset point arrives.
        return statuses.size() >= Math.max(1, segments(processor.getName())) && statuses.stream().allMatch(status ->
                status.getCurrentPosition().orElse(-1) >= position);
    }

    /** Stops every projection (its token stays where it is), all at once: each takes up to a second to stop. */
    void pauseProjections() {
        PROJECTIONS.stream().map(name -> processor(name).shutdownAsync()).toList()
                .forEach(java.util.concurrent.CompletableFuture::join);
    }

    void resumeProjections() {
        PROJECTIONS.forEach(name -> processor(name).start());
    }

    /** Waits (bounded) until every projection has handled every event stored so far. */
    void awaitProjections(long timeoutMillis) {
        long head = headPosition();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (String name : PROJECTIONS) {
            StreamingEventProcessor processor = processor(name);
            while (!caughtUp(processor, head)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("Projection " + name + " did not reach " + head + " in "
                                                    + timeoutMillis + " ms");
                }
                Bench.sleep(5);
            }
        }
    }

    @Override
    public void close() {
        context.close();
        delete(embeddedDir);
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not remove " + directory + ": " + e);
        }
    }

    static final class ExcludeTestComponents extends TypeExcludeFilter {
        @Override
        public boolean match(org.springframework.core.type.classreading.MetadataReader reader,
                             org.springframework.core.type.classreading.MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestComponent.class.getName())
                   || reader.getClassMetadata().getClassName().startsWith("org.stationledger.bench.");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ExcludeTestComponents;
        }

        @Override
        public int hashCode() {
            return ExcludeTestComponents.class.hashCode();
        }
    }
}
