package org.stationledger.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.stationledger.app.LedgerRuns.api;
import static org.stationledger.app.LedgerRuns.start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.stationledger.app.Api;
import org.stationledger.app.LedgerApplication;
import org.stationledger.app.LedgerRuns;
import org.stationledger.app.TestDatabase;

/**
 * The one-command default through a crash: the ledger's JVM is killed (SIGKILL, as the kernel's out-of-memory killer
 * does) while clients send commands. Every command it acknowledged is in the ledger after it starts again on the
 * same folder — which it does although the embedded PostgreSQL outlived the JVM.
 */
class CrashRecoveryTest {

    private static final int CLIENTS = 4;
    private static final Pattern TOMCAT_STARTED = Pattern.compile("Tomcat started on port (\\d+)");

    @Test
    void everyAcknowledgedCommandSurvivesAKilledLedgerWhichStartsAgain() throws Exception {
        Path dataDir = TestDatabase.newEmbeddedDir();
        Path log = Files.createTempFile("ledger-crash", ".log");
        log.toFile().deleteOnExit();
        // Port 0: the child binds a free port itself and logs it (a port chosen here could be taken meanwhile).
        Process ledger = new ProcessBuilder(Path.of(ProcessHandle.current().info().command().orElseThrow()).toString(),
                "-Xmx512m", "-Ddisable-axoniq-console-message=true", "-cp", System.getProperty("java.class.path"),
                LedgerApplication.class.getName(), "--server.port=0", "--ledger.embedded.data-dir=" + dataDir)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try {
            int port = awaitReady(ledger, log);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            Api coord = api(port, "coord");
            for (int client = 0; client < CLIENTS; client++) {
                int id = client;
                clients.execute(() -> registerUntilRefused(coord, "CRASH-" + id + "-", acknowledged));
            }
            Instant deadline = Instant.now().plusSeconds(60);
            while (acknowledged.size() < 40 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            ledger.destroyForcibly().waitFor();
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            ledger.destroyForcibly();
        }
        assertThat(acknowledged).as("commands acknowledged before the kill").hasSizeGreaterThanOrEqualTo(40);
        assertThat(OrphanedPostmaster.find(dataDir)).as("PostgreSQL outlived the ledger's JVM").isPresent();

        try (ConfigurableApplicationContext restarted = start(Map.of("server.port", 0,
                "ledger.embedded.data-dir", dataDir.toString()))) {
            Api coord = api(restarted, "coord");
            Set<String> registered = Set.of();
            Instant deadline = Instant.now().plusSeconds(60);
            while (!registered.containsAll(acknowledged) && Instant.now().isBefore(deadline)) {
                registered = departmentIds(coord);
                Thread.sleep(100);
            }
            assertThat(registered).as("the departments read after the restart").containsAll(acknowledged);
            assertThat(coord.post("/api/departments", Map.of("departmentId", "AFTER-CRASH", "name", "After"))
                    .status()).as("the ledger carries on").isEqualTo(201);
        }
        assertThat(OrphanedPostmaster.find(dataDir)).as("a clean shutdown stops PostgreSQL").isEmpty();
    }

    /** Registers departments one after the other, keeping each acknowledged id, until the ledger stops answering. */
    private static void registerUntilRefused(Api coord, String prefix, Set<String> acknowledged) {
        for (int n = 0; ; n++) {
            String departmentId = prefix + n;
            try {
                var response = coord.post("/api/departments", Map.of("departmentId", departmentId, "name", departmentId));
                if (response.status() == 201) {
                    acknowledged.add(departmentId);
                }
            } catch (IllegalStateException connectionLost) {
                return;
            }
        }
    }

    private static Set<String> departmentIds(Api coord) {
        return StreamSupport.stream(coord.get("/api/departments").body().spliterator(), false)
                .map(department -> department.path("departmentId").asText()).collect(Collectors.toSet());
    }

    /** The port the ledger listens on, once it is ready. */
    private static int awaitReady(Process ledger, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!ledger.isAlive()) {
                fail("The ledger exited while starting:\n" + tail(log));
            }
            Matcher started = TOMCAT_STARTED.matcher(Files.readString(log));
            if (started.find()) {
                int port = Integer.parseInt(started.group(1));
                try {
                    if (api(port, "coord").get("/actuator/health/readiness").status() == 200) {
                        return port;
                    }
                } catch (IllegalStateException notReadyYet) {
                    // keep waiting
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("The ledger did not become ready:\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

}
