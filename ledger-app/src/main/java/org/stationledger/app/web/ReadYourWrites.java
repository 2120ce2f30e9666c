package org.stationledger.app.web;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.stationledger.app.projections.NodeProjections;

/**
 * Read-your-writes: before a command's answer is sent, wait until this node's projections have processed every
 * event stored so far, so the client's next query sees its own change. The answer also carries that event-store
 * position in {@code X-Ledger-Position}.
 *
 * <p>A client that does not need to read at once sends {@code Prefer: read-your-writes=deferred}: the answer comes
 * as soon as the command is committed, with the same position, and the wait moves to the read that needs it — a GET
 * that presents the position ({@link ConsistentReads}), on this node or on a query node of a scale-out.
 */
@RestControllerAdvice
class ReadYourWrites implements ResponseBodyAdvice<Object> {

    static final String POSITION_HEADER = "X-Ledger-Position";
    static final String DEFERRED = "read-your-writes=deferred";
    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);

    private final NodeProjections projections;
    private final Duration maxWait;
    private final JdbcTemplate jdbc;

    ReadYourWrites(NodeProjections projections, @Value("${ledger.read-your-writes.max-wait:5s}") Duration maxWait,
                   JdbcTemplate jdbc) {
        this.projections = projections;
        this.maxWait = maxWait;
        this.jdbc = jdbc;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (HttpMethod.POST.equals(request.getMethod())) {
            try {
                long position = headPosition();
                response.getHeaders().set(POSITION_HEADER, Long.toString(position));
                if (prefersDeferred(request)) {
                    response.getHeaders().set("Preference-Applied", DEFERRED);
                } else {
                    awaitProjections(position, true); // the command is committed: its answer goes out however this ends
                }
            } catch (DataAccessException | TransactionException e) {
                // Likewise when the database cannot be read now (a connection it closed): the answer goes out,
                // without the position.
                log.warn("Answering a committed command without its position: {}", e.toString());
            }
        }
        return body;
    }

    private static boolean prefersDeferred(ServerHttpRequest request) {
        return request instanceof ServletServerHttpRequest servlet
               && Preferences.contains(Collections.list(servlet.getServletRequest().getHeaders("Prefer")), DEFERRED);
    }

    long headPosition() {
        return projections.headPosition();
    }

    /**
     * Waits until every projection on this node has passed {@code position} in each of its segments, whichever node
     * holds them, at most {@code ledger.read-your-writes.max-wait}. After a command the wait passes over a projection
     * that is stopped or failing ({@code passOverBroken}): the command is committed and its answer must go out. A read
     * that asked for the position does not (a stopped projection may be started again within the wait).
     *
     * @return whether every projection got there in time
     */
    boolean awaitProjections(long position, boolean passOverBroken) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        List<StreamingEventProcessor> processors = projections.all();
        if (processors.isEmpty()) {
            return true;
        }
        Map<String, Integer> segments = new HashMap<>();
        jdbc.query("SELECT processorname, count(*) AS segments FROM tokenentry GROUP BY processorname",
                row -> {
                    segments.put(row.getString("processorname"), row.getInt("segments"));
                });
        for (StreamingEventProcessor processor : processors) {
            int segmentCount = segments.getOrDefault(processor.getName(), 0);
            while (!caughtUp(processor, segmentCount, position, passOverBroken)) {
                if (passOverBroken && !processor.isRunning()) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    log.warn("Projection {} has not reached position {} within {}", processor.getName(), position, maxWait);
                    return false;
                }
                sleepBriefly();
            }
        }
        return true;
    }

    /**
     * The segments this node holds have passed the position (their progress is known here), and so have the others:
     * a segment another node holds, or none yet (just after a start or a hand-over), answers by its stored token.
     * Without that, a node holding one of two segments would answer before the other's rows are written. Passed
     * means handled every stored event up to it: a segment whose token still waits at a gap below the position for
     * an event committed since (out of global-index order) has not (NodeProjections#handledStored).
     */
    private boolean caughtUp(StreamingEventProcessor processor, int segments, long position, boolean passOverBroken) {
        if (!processor.isRunning()) {
            return false;
        }
        var statuses = processor.processingStatus();
        if (!statuses.values().stream().allMatch(status -> (passOverBroken && status.isErrorState())
                                                           || reached(status, position))) {
            return false;
        }
        if (!statuses.isEmpty() && statuses.size() >= segments) {
            List<EventTrackerStatus> healthy = statuses.values().stream()
                    .filter(status -> !(passOverBroken && status.isErrorState())).toList();
            return healthy.isEmpty() || projections.handledStored(healthy, position);
        }
        return projections.handledStored(processor, statuses, position);
    }

    private static boolean reached(EventTrackerStatus status, long position) {
        return status.getCurrentPosition().orElse(-1) >= position;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
