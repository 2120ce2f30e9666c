package org.stationledger.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.stationledger.app.security.CurrentActor;

/**
 * Idempotent POSTs: a request sent with an {@code Idempotency-Key} header is answered once; a retry with the same
 * key and the same request (same principal) gets the first answer again and runs nothing. The same key with another
 * request is refused ({@code idempotency-key-reused}), and so is a duplicate that arrives while the first is still
 * being answered ({@code idempotency-key-in-flight}).
 *
 * <p>Answers that decided nothing are not kept, so their retry runs again: server errors, and answers that ask for
 * a retry with {@code Retry-After} (a command that lost a race). If a request's command committed and its answer
 * was not kept — the request failed afterwards, or the ledger stopped before the answer was stored — the retry is
 * refused ({@code idempotency-key-answer-lost}) instead of running the command a second time
 * ({@link IdempotentCommands}): at once after a failure, after {@code ledger.idempotency.in-flight-timeout} after a
 * stop.
 */
@Component
@Order(IdempotencyFilter.ORDER)
class IdempotencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Set on a request whose command its first attempt carried out meanwhile (IdempotencyKeys#carriedOut). */
    static final String ANSWERED_BY_THE_FIRST_ATTEMPT = IdempotencyFilter.class.getName() + ".answeredByTheFirstAttempt";
    /** After Spring Security's chain (order -100): the principal is known, and refused requests never get here. */
    static final int ORDER = 0;
    private static final Pattern SANE_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyKeys keys;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotencyKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !HttpMethod.POST.matches(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
               || request.getHeader(KEY_HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(KEY_HEADER);
        var actor = CurrentActor.get();
        if (actor.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (!SANE_KEY.matcher(key).matches()) {
            ProblemResponses.write(json, request, response, HttpStatus.BAD_REQUEST, "invalid-idempotency-key",
                    KEY_HEADER + " must be 1 to 255 visible ASCII characters.");
            return;
        }
        String principal = actor.get().principal();
        byte[] body = request.getInputStream().readAllBytes();
        IdempotencyKeys.Claim claim;
        try {
            claim = keys.claim(principal, key, fingerprint(request, body));
        } catch (DataAccessException e) {
            // Nothing has run yet: the same request may succeed in a moment.
            log.warn("Idempotency key {} of {} could not be claimed: {}", key, principal, e.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            ProblemResponses.write(json, request, response, HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "The ledger cannot reach its database; nothing was written. Retry the request.");
            return;
        }
        if (claim instanceof IdempotencyKeys.Claimed) {
            answer(new CachedBodyRequest(request, body), response, chain, principal, key);
        } else if (claim instanceof IdempotencyKeys.Answered answered) {
            response.setStatus(answered.status());
            if (answered.contentType() != null) {
                response.setContentType(answered.contentType());
            }
            if (answered.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, answered.location());
            }
            if (answered.position() != null) {
                response.setHeader(ReadYourWrites.POSITION_HEADER, Long.toString(answered.position()));
            }
            response.setHeader(REPLAYED_HEADER, "true");
            response.getOutputStream().write(answered.body() == null ? new byte[0] : answered.body());
        } else if (claim instanceof IdempotencyKeys.AnswerLost lost) {
            response.setStatus(HttpStatus.CONFLICT.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(answerLost(request, lost.carriedOutAt()));
        } else if (claim instanceof IdempotencyKeys.InFlight) {
            ProblemResponses.write(json, request, response, HttpStatus.CONFLICT, "idempotency-key-in-flight",
                    "The request with this " + KEY_HEADER + " is still being answered; retry it in a moment.");
        } else {
            ProblemResponses.write(json, request, response, HttpStatus.CONFLICT, "idempotency-key-reused",
                    "This " + KEY_HEADER + " was already used for a different request.");
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String principal,
                        String key) throws ServletException, IOException {
        var recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        MDC.put(IdempotentCommands.KEY, key);
        try {
            chain.doFilter(request, recorded);
            if (request.getAttribute(ANSWERED_BY_THE_FIRST_ATTEMPT) != null) {
                // The key's answer is the first attempt's, kept (or given up) by that attempt.
                kept = true;
            } else if (recorded.getStatus() < 500 && recorded.getHeader(HttpHeaders.RETRY_AFTER) == null) {
                kept = keep(principal, key, recorded);
            }
        } finally {
            MDC.remove(IdempotentCommands.KEY);
            try {
                if (!kept) {
                    // A command that committed before the request failed stays done: its retries are told so at once.
                    keys.release(principal, key).ifPresent(carriedOutAt -> keys.answer(principal, key,
                            new IdempotencyKeys.Answered(HttpStatus.CONFLICT.value(),
                                    MediaType.APPLICATION_PROBLEM_JSON_VALUE, answerLost(request, carriedOutAt), null,
                                    null)));
                }
            } catch (DataAccessException e) {
                // The key stays claimed: a retry waits, then learns whether the command was carried out.
                log.warn("Idempotency key {} of {} stays claimed without an answer: {}", key, principal, e.toString());
            } finally {
                recorded.copyBodyToResponse();
            }
        }
    }

    /**
     * Keeps the answer for the key's retries. When the database cannot take it (a connection it closed), the answer
     * still goes to the client: the command stands whether or not its answer could be kept.
     */
    private boolean keep(String principal, String key, ContentCachingResponseWrapper recorded) {
        try {
            String position = recorded.getHeader(ReadYourWrites.POSITION_HEADER);
            keys.answer(principal, key, new IdempotencyKeys.Answered(recorded.getStatus(), recorded.getContentType(),
                    recorded.getContentAsByteArray(), recorded.getHeader(HttpHeaders.LOCATION),
                    position == null ? null : Long.valueOf(position)));
            return true;
        } catch (DataAccessException e) {
            log.warn("The answer to idempotency key {} of {} could not be kept: {}", key, principal, e.toString());
            return false;
        }
    }

    private byte[] answerLost(HttpServletRequest request, Instant carriedOutAt) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONFLICT, "idempotency-key-answer-lost",
                "The request with this " + KEY_HEADER + " was carried out at " + carriedOutAt + ", but its answer"
                + " was lost (the ledger failed or stopped before giving it); it is not run again. Read its"
                + " outcome from the ledger.");
        problem.setInstance(URI.create(request.getRequestURI()));
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem detail is always writable", e);
        }
    }

    /** The request as far as idempotency goes: method, path, query and body. */
    private static byte[] fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI()
                            + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            sha256.update(target.getBytes(StandardCharsets.UTF_8));
            return sha256.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The request with its body already read, for the handler to read again. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
