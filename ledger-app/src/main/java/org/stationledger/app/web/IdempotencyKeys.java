package org.stationledger.app.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The stored answers of idempotent requests. A key is claimed by committing a row before the request runs, so a
 * duplicate arriving meanwhile sees it in flight; the answer is added once the request has been answered.
 */
@Repository
class IdempotencyKeys {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration inFlightTimeout;
    private final Duration retention;

    IdempotencyKeys(JdbcTemplate jdbc, Clock clock,
                    @Value("${ledger.idempotency.in-flight-timeout:5m}") Duration inFlightTimeout,
                    @Value("${ledger.idempotency.retention:24h}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.inFlightTimeout = inFlightTimeout;
        this.retention = retention;
    }

    /** What became of an attempt to claim a key for a request. */
    sealed interface Claim {
    }

    /** The key is this request's: run it, then {@link #answer} or {@link #release}. */
    record Claimed() implements Claim {
    }

    /** The key belongs to a different request of the same principal. */
    record Reused() implements Claim {
    }

    /** The same request is being answered right now. */
    record InFlight() implements Claim {
    }

    /**
     * The same request was answered before: this is its answer, with the headers a client acts on ({@code Location},
     * {@code X-Ledger-Position}; null where the answer had none).
     */
    record Answered(int status, String contentType, byte[] body, String location, Long position) implements Claim {
    }

    /** The same request's command was carried out, but the ledger stopped before its answer was kept. */
    record AnswerLost(Instant carriedOutAt) implements Claim {
    }

    Claim claim(String principal, String key, byte[] fingerprint) {
        Instant now = clock.instant();
        int claimed = jdbc.update("""
                INSERT INTO idempotency_key (principal, idempotency_key, fingerprint, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (principal, idempotency_key) DO NOTHING
                """, principal, key, fingerprint, timestamp(now));
        if (claimed == 1) {
            return new Claimed();
        }
        var stored = jdbc.query("""
                SELECT fingerprint, status, content_type, body, location, ledger_position, created_at, carried_out_at
                FROM idempotency_key LEFT JOIN idempotency_carried_out USING (principal, idempotency_key)
                WHERE principal = ? AND idempotency_key = ?
                """, (row, index) -> new Stored(row.getBytes("fingerprint"), (Integer) row.getObject("status"),
                        new Answered(row.getInt("status"), row.getString("content_type"), row.getBytes("body"),
                                row.getString("location"), (Long) row.getObject("ledger_position")),
                        row.getObject("created_at", OffsetDateTime.class),
                        row.getObject("carried_out_at", OffsetDateTime.class)), principal, key)
                .stream().findFirst();
        if (stored.isEmpty()) {
            // Forgotten between the two statements: claim it afresh.
            return claim(principal, key, fingerprint);
        }
        Stored row = stored.get();
        if (!Arrays.equals(row.fingerprint(), fingerprint)) {
            return new Reused();
        }
        if (row.status() != null) {
            return row.answer();
        }
        boolean abandoned = row.createdAt().toInstant().isBefore(now.minus(inFlightTimeout));
        if (abandoned && row.carriedOutAt() != null) {
            return new AnswerLost(row.carriedOutAt().toInstant());
        }
        if (abandoned && takeOver(principal, key, row, now)) {
            return new Claimed();
        }
        return new InFlight();
    }

    /**
     * A request still "in flight" long after any request can take, whose command never committed, was cut off (the
     * ledger stopped while answering it); its retry runs again, as a retry with a fresh key would.
     */
    private boolean takeOver(String principal, String key, Stored abandoned, Instant now) {
        log.warn("Idempotency key {} of {} was left unanswered since {}; running its retry", key, principal,
                abandoned.createdAt());
        return jdbc.update("""
                UPDATE idempotency_key SET created_at = ?
                WHERE principal = ? AND idempotency_key = ? AND status IS NULL AND created_at = ?
                  AND NOT EXISTS (SELECT 1 FROM idempotency_carried_out c
                                  WHERE c.principal = idempotency_key.principal
                                    AND c.idempotency_key = idempotency_key.idempotency_key)
                """, timestamp(now), principal, key, abandoned.createdAt()) == 1;
    }

    /**
     * Marks the key's request as carried out; called in its command's transaction, so it stands or falls with it.
     * Refused ({@link CarriedOutByItsFirstAttempt}) when another attempt of the same request has marked it: a retry
     * that took over a request still running past the in-flight timeout waits here for the first attempt's
     * transaction, and must not carry the command out a second time once that one has committed.
     */
    void carriedOut(String principal, String key) {
        int marked = jdbc.update("""
                INSERT INTO idempotency_carried_out (principal, idempotency_key, carried_out_at) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING
                """, principal, key, timestamp(clock.instant()));
        if (marked == 0) {
            throw new CarriedOutByItsFirstAttempt();
        }
    }

    /** See {@link #carriedOut}; answered 409 {@code idempotency-key-in-flight}, and the key keeps the first answer. */
    static final class CarriedOutByItsFirstAttempt extends RuntimeException {

        CarriedOutByItsFirstAttempt() {
            super("The request with this Idempotency-Key was carried out by its first attempt while this retry waited"
                  + " for it; retry it in a moment to read that attempt's answer.", null, false, false);
        }
    }

    void answer(String principal, String key, Answered answer) {
        jdbc.update("""
                UPDATE idempotency_key SET status = ?, content_type = ?, body = ?, location = ?, ledger_position = ?
                WHERE principal = ? AND idempotency_key = ?
                """, answer.status(), answer.contentType(), answer.body(), answer.location(), answer.position(),
                principal, key);
    }

    /**
     * Gives the key up without an answer: the request decided nothing, and a retry runs it again. A key whose command
     * was carried out is kept: its retry must not run the command a second time.
     *
     * @return when the key's command was carried out, if it was (the key is then kept)
     */
    Optional<Instant> release(String principal, String key) {
        int released = jdbc.update("""
                DELETE FROM idempotency_key
                WHERE principal = ? AND idempotency_key = ? AND status IS NULL
                  AND NOT EXISTS (SELECT 1 FROM idempotency_carried_out c
                                  WHERE c.principal = idempotency_key.principal
                                    AND c.idempotency_key = idempotency_key.idempotency_key)
                """, principal, key);
        if (released == 1) {
            return Optional.empty();
        }
        return jdbc.query("""
                SELECT carried_out_at FROM idempotency_carried_out WHERE principal = ? AND idempotency_key = ?
                """, (row, index) -> row.getObject("carried_out_at", OffsetDateTime.class).toInstant(), principal, key)
                .stream().findFirst();
    }

    @Scheduled(fixedDelayString = "${ledger.idempotency.cleanup-interval:1h}", initialDelayString = "1m")
    void forgetExpired() {
        OffsetDateTime expiry = timestamp(clock.instant().minus(retention));
        jdbc.update("DELETE FROM idempotency_carried_out WHERE carried_out_at < ?", expiry);
        int forgotten = jdbc.update("DELETE FROM idempotency_key WHERE created_at < ?", expiry);
        if (forgotten > 0) {
            log.info("Forgot {} idempotency keys older than {}", forgotten, retention);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A key's row; {@code answer} means something only where {@code status} is not null. */
    private record Stored(byte[] fingerprint, Integer status, Answered answer, OffsetDateTime createdAt,
                          OffsetDateTime carriedOutAt) {
    }
}
