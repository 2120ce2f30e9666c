package org.stationledger.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stationledger.app.security.LedgerUser;
import org.stationledger.command.inspection.InspectionCommands;
import org.stationledger.events.Actor;

/**
 * The season's commands (inspection requests, exception decisions, findings, withdrawals), sent either in-process
 * through the command gateway as an authenticated actor, or over HTTP as the matching demo user.
 */
interface Channel {

    /** Who sends: a department's user, or the co-ordinating office. */
    record Sender(String username, String departmentId) {
        Actor actor() {
            return departmentId == null ? Actor.coordinator(username) : Actor.department(username, departmentId);
        }
    }

    record Requested(String inspectionId, InspectionCommands.Status status) {
    }

    Requested requestInspection(Sender department, String stationId, LocalDate date, String planItemId,
                                InspectionCommands.ExceptionClaim exception);

    void decideException(String inspectionId, boolean approve, String reason);

    String recordFinding(Sender department, String inspectionId, String indicatorId, BigDecimal deduction,
                         Instant observedAt);

    void withdrawFinding(Sender department, String findingId, String reason);

    /** Runs {@code step} on this thread as {@code actor}, as the HTTP security filter would. */
    static <T> T as(Actor actor, Supplier<T> step) {
        var user = new LedgerUser(actor, "{noop}bench");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return step.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Through the command gateway, in this JVM: no HTTP, no JSON, no read-your-writes wait. */
    final class InProcess implements Channel {
        private static final Actor COORDINATOR = Actor.coordinator("coord");
        private final CommandGateway commands;

        InProcess(CommandGateway commands) {
            this.commands = commands;
        }

        @Override
        public Requested requestInspection(Sender department, String stationId, LocalDate date, String planItemId,
                                           InspectionCommands.ExceptionClaim exception) {
            InspectionCommands.Outcome outcome = as(department.actor(), () -> commands.sendAndWait(
                    new InspectionCommands.RequestInspection(UUID.randomUUID().toString(), stationId,
                            department.departmentId(), date, planItemId, exception)));
            return new Requested(outcome.inspectionId(), outcome.status());
        }

        @Override
        public void decideException(String inspectionId, boolean approve, String reason) {
            as(COORDINATOR, () -> commands.sendAndWait(new InspectionCommands.DecideException(inspectionId, approve,
                    reason)));
        }

        @Override
        public String recordFinding(Sender department, String inspectionId, String indicatorId, BigDecimal deduction,
                                    Instant observedAt) {
            String findingId = UUID.randomUUID().toString();
            as(department.actor(), () -> commands.sendAndWait(new InspectionCommands.RecordFinding(inspectionId,
                    findingId, department.departmentId(), indicatorId, deduction, YearGenerator.NOTE,
                    "photo/" + findingId.substring(0, 8) + ".jpg", observedAt)));
            return findingId;
        }

        @Override
        public void withdrawFinding(Sender department, String findingId, String reason) {
            as(department.actor(), () -> commands.sendAndWait(new InspectionCommands.WithdrawFinding(findingId,
                    department.departmentId(), reason)));
        }
    }

    /**
     * The same commands over the ledger's HTTP API on a loopback port, end to end: each answer once the node's read
     * models show the command (read-your-writes), or, deferring that wait as a bulk client does
     * ({@code Prefer: read-your-writes=deferred}), once the command is committed.
     */
    final class Http implements Channel {
        private static final Pattern INSPECTION_ID = Pattern.compile("\"inspectionId\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern FINDING_ID = Pattern.compile("\"findingId\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]+)\"");
        private final HttpClient client;
        private final String base;
        private final boolean deferReadYourWrites;

        Http(HttpClient client, int port, boolean deferReadYourWrites) {
            this.client = client;
            this.base = "http://127.0.0.1:" + port;
            this.deferReadYourWrites = deferReadYourWrites;
        }

        static String basic(String username) {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + username + "-pass")
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Requested requestInspection(Sender department, String stationId, LocalDate date, String planItemId,
                                           InspectionCommands.ExceptionClaim exception) {
            String body = "{\"stationId\":\"" + stationId + "\",\"date\":\"" + date + "\""
                          + (planItemId == null ? "" : ",\"planItemId\":\"" + planItemId + "\"")
                          + (exception == null ? "" : ",\"exception\":{\"category\":\"" + exception.category()
                                                      + "\",\"justification\":\"" + exception.justification() + "\"}")
                          + "}";
            HttpResponse<String> response = post(department.username(), "/api/inspections", body, 201, 403);
            String id = group(INSPECTION_ID, response.body());
            InspectionCommands.Status status = response.statusCode() == 403
                    ? InspectionCommands.Status.BLOCKED
                    : InspectionCommands.Status.valueOf(group(STATUS, response.body()));
            return new Requested(id, status);
        }

        @Override
        public void decideException(String inspectionId, boolean approve, String reason) {
            post("coord", "/api/inspections/" + inspectionId + "/exception-decision",
                    "{\"approve\":" + approve + ",\"reason\":\"" + reason + "\"}", 200);
        }

        @Override
        public String recordFinding(Sender department, String inspectionId, String indicatorId, BigDecimal deduction,
                                    Instant observedAt) {
            String body = "{\"indicatorId\":\"" + indicatorId + "\",\"deduction\":" + deduction.toPlainString()
                          + ",\"note\":\"" + YearGenerator.NOTE + "\",\"evidenceRef\":\"photo/bench.jpg\",\"observedAt\":\""
                          + observedAt + "\"}";
            return group(FINDING_ID, post(department.username(), "/api/inspections/" + inspectionId + "/findings",
                    body, 201).body());
        }

        @Override
        public void withdrawFinding(Sender department, String findingId, String reason) {
            post(department.username(), "/api/findings/" + findingId + "/withdraw", "{\"reason\":\"" + reason + "\"}",
                    200);
        }

        private HttpResponse<String> post(String username, String path, String json, int... expected) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", basic(username))
                    .header("Content-Type", "application/json")
                    // As a client that retries safely after a lost answer sends every POST (docs/audit.md).
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            if (deferReadYourWrites) {
                builder.header("Prefer", "read-your-writes=deferred");
            }
            HttpRequest request = builder.build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                for (int status : expected) {
                    if (response.statusCode() == status) {
                        return response;
                    }
                }
                throw new IllegalStateException("POST " + path + " -> " + response.statusCode() + " " + response.body());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("POST " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        private static String group(Pattern pattern, String body) {
            Matcher matcher = pattern.matcher(body);
            if (!matcher.find()) {
                throw new IllegalStateException("Unexpected answer " + body);
            }
            return matcher.group(1);
        }
    }

    /** Department id of each demo department user (application.yml's ledger.users). */
    Map<String, String> DEPARTMENT_USERS = Map.of(
            "CRIMINAL-INVESTIGATION", "crim", "PUBLIC-SECURITY", "pubsec", "TRAFFIC", "traffic",
            "LEGAL-AFFAIRS", "legal", "DISCIPLINE-INSPECTION", "disc", "COMMAND-CENTRE", "command");
}
