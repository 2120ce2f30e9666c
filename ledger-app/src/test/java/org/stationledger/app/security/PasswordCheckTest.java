package org.stationledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.stationledger.app.IntegrationTest;

/** The ledger's password check, as configured: the README's bcrypt hashes work, and are checked once per process. */
class PasswordCheckTest extends IntegrationTest {

    @Autowired
    PasswordEncoder passwords;

    @Test
    void aBcryptHashFromHtpasswdOrSpringIsAcceptedAndAWrongPasswordRefused() {
        String spring = "{bcrypt}" + new BCryptPasswordEncoder().encode("s3cret");
        // htpasswd -B writes the same hash under the $2y$ prefix, as the README's example does.
        String htpasswd = spring.replace("{bcrypt}$2a$", "{bcrypt}$2y$");

        assertThat(passwords.matches("s3cret", spring)).isTrue();
        assertThat(passwords.matches("s3cret", htpasswd)).isTrue();
        assertThat(passwords.matches("s3cret!", spring)).isFalse();
        assertThat(passwords.matches("s3cret!", htpasswd)).isFalse();
        assertThat(passwords.matches("coord-pass", "{noop}coord-pass")).isTrue();
    }

    /** Its behaviour is VerifiedPasswordCacheTest's; this guards that the ledger is wired to it. */
    @Test
    void theConfiguredCheckIsTheOneThatRemembersMatchedPasswords() {
        assertThat(passwords).isInstanceOf(VerifiedPasswordCache.class);
    }
}
