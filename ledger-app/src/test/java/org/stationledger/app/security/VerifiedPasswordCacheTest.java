package org.stationledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A password is hashed the slow way until it has matched once; a wrong one is never let in. */
class VerifiedPasswordCacheTest {

    private final CountingEncoder bcrypt = new CountingEncoder(new BCryptPasswordEncoder(4));
    private final PasswordEncoder passwords = new VerifiedPasswordCache(bcrypt);
    private final String stored = bcrypt.encode("coord-pass");

    @Test
    void aPasswordThatMatchedIsNotHashedAgain() {
        assertThat(passwords.matches("coord-pass", stored)).isTrue();
        assertThat(passwords.matches("coord-pass", stored)).isTrue();
        assertThat(passwords.matches("coord-pass", stored)).isTrue();

        assertThat(bcrypt.checks).hasValue(1);
    }

    @Test
    void aWrongPasswordIsRefusedAfterTheRightOneMatchedAndEveryTimeChecked() {
        assertThat(passwords.matches("coord-pass", stored)).isTrue();

        assertThat(passwords.matches("coord-pas", stored)).isFalse();
        assertThat(passwords.matches("coord-pass ", stored)).isFalse();
        assertThat(passwords.matches("", stored)).isFalse();
        assertThat(bcrypt.checks).hasValue(4);
    }

    @Test
    void aRefusedPasswordIsNotRemembered() {
        assertThat(passwords.matches("guess", stored)).isFalse();
        assertThat(passwords.matches("guess", stored)).isFalse();

        assertThat(bcrypt.checks).hasValue(2);
    }

    @Test
    void aPasswordIsRememberedOnlyForTheHashItMatched() {
        String otherUsersHash = bcrypt.encode("other-pass");
        assertThat(passwords.matches("coord-pass", stored)).isTrue();

        assertThat(passwords.matches("coord-pass", otherUsersHash)).isFalse();
        assertThat(passwords.matches("other-pass", otherUsersHash)).isTrue();
        assertThat(passwords.matches("other-pass", stored)).isFalse();
    }

    @Test
    void requestsBringingTheSamePasswordAtOnceShareOneCheck() throws Exception {
        assertThat(checkedWhileTheFirstIsUnderWay("coord-pass", "coord-pass")).containsExactly(true, true);

        assertThat(bcrypt.checks).hasValue(1);
    }

    @Test
    void aWrongPasswordArrivingDuringTheRightOnesCheckIsCheckedOnItsOwn() throws Exception {
        assertThat(checkedWhileTheFirstIsUnderWay("coord-pass", "guess")).containsExactly(true, false);

        assertThat(bcrypt.checks).hasValue(2);
    }

    /**
     * Two requests for the same user: the second arrives while the first one's slow check is under way, and both
     * wait until it is released.
     */
    private List<Boolean> checkedWhileTheFirstIsUnderWay(String firstPassword, String secondPassword) throws Exception {
        bcrypt.hold();

        FutureTask<Boolean> first = startChecking(firstPassword);
        assertThat(bcrypt.entered.await(10, TimeUnit.SECONDS)).isTrue();
        FutureTask<Boolean> second = startChecking(secondPassword);
        bcrypt.release.countDown();

        return List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
    }

    /** Starts a request's check and returns once it waits, for the slow check or for another request's. */
    private FutureTask<Boolean> startChecking(String password) throws InterruptedException {
        FutureTask<Boolean> check = new FutureTask<>(() -> passwords.matches(password, stored));
        Thread request = new Thread(check);
        request.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (request.getState() != Thread.State.WAITING && !check.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return check;
    }

    @Test
    void encodingIsTheDelegates() {
        String encoded = passwords.encode("s3cret");

        assertThat(new BCryptPasswordEncoder().matches("s3cret", encoded)).isTrue();
        assertThat(passwords.upgradeEncoding(encoded)).isFalse();
    }

    /** Counts the slow checks; once {@link #hold()} is called, each waits until {@link #release} opens. */
    private static final class CountingEncoder implements PasswordEncoder {
        private final PasswordEncoder encoder;
        private final AtomicInteger checks = new AtomicInteger();
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private volatile boolean held;

        private CountingEncoder(PasswordEncoder encoder) {
            this.encoder = encoder;
        }

        void hold() {
            held = true;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return encoder.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            if (held) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return encoder.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return encoder.upgradeEncoding(encodedPassword);
        }
    }
}
