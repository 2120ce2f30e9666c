package org.stationledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

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
    void encodingIsTheDelegates() {
        String encoded = passwords.encode("s3cret");

        assertThat(new BCryptPasswordEncoder().matches("s3cret", encoded)).isTrue();
        assertThat(passwords.upgradeEncoding(encoded)).isFalse();
    }

    private static final class CountingEncoder implements PasswordEncoder {
        private final PasswordEncoder encoder;
        private final AtomicInteger checks = new AtomicInteger();

        private CountingEncoder(PasswordEncoder encoder) {
            this.encoder = encoder;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return encoder.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return encoder.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return encoder.upgradeEncoding(encodedPassword);
        }
    }
}
