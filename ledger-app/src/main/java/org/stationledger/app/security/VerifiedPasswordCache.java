package org.stationledger.app.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Checks a password against its stored hash once, then remembers that it matched. HTTP Basic sends the password with
 * every request, and a bcrypt check at Spring Security's default strength costs tens of milliseconds of CPU: on two
 * cores that alone would cap a deployment with {@code {bcrypt}} users at a few dozen requests per second
 * (docs/benchmarks.md, change 19). What is remembered, per stored hash, is a salted SHA-256 of the password that
 * matched it, with a salt drawn when the process starts and never stored, as Elasticsearch's realm cache does; a wrong
 * password is never remembered and always goes to the real check. The map holds at most one entry per configured
 * user, since only a stored hash can be matched.
 */
final class VerifiedPasswordCache implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final byte[] salt = new byte[32];
    private final Map<String, byte[]> verifiedDigestByStoredHash = new ConcurrentHashMap<>();
    private final Map<Attempt, CompletableFuture<Boolean>> checksUnderWay = new ConcurrentHashMap<>();

    VerifiedPasswordCache(PasswordEncoder delegate) {
        this.delegate = delegate;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String storedHash) {
        if (rawPassword == null || storedHash == null) {
            return delegate.matches(rawPassword, storedHash);
        }
        byte[] digest = digest(rawPassword);
        byte[] verified = verifiedDigestByStoredHash.get(storedHash);
        if (verified != null && MessageDigest.isEqual(verified, digest)) {
            return true;
        }
        return checkOnce(rawPassword, storedHash, digest);
    }

    /**
     * Requests that carry the same password for the same stored hash at the same time (a client's first burst after a
     * start) share one slow check instead of each paying for it. Should that check fail, each request checks again on
     * its own, and fails as it would have.
     */
    private boolean checkOnce(CharSequence rawPassword, String storedHash, byte[] digest) {
        Attempt attempt = new Attempt(storedHash, ByteBuffer.wrap(digest));
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> underWay = checksUnderWay.putIfAbsent(attempt, mine);
        if (underWay != null) {
            try {
                return underWay.join();
            } catch (CompletionException | CancellationException e) {
                return delegate.matches(rawPassword, storedHash);
            }
        }
        try {
            boolean matches = delegate.matches(rawPassword, storedHash);
            if (matches) {
                verifiedDigestByStoredHash.put(storedHash, digest);
            }
            mine.complete(matches);
            return matches;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checksUnderWay.remove(attempt, mine);
        }
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean upgradeEncoding(String storedHash) {
        return delegate.upgradeEncoding(storedHash);
    }

    /** One password (its salted digest) against one stored hash. */
    private record Attempt(String storedHash, ByteBuffer digest) {
    }

    private byte[] digest(CharSequence rawPassword) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
