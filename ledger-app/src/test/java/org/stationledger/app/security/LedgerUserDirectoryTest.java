package org.stationledger.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.stationledger.events.Actor;
import org.stationledger.events.Role;

/** Users come from configuration and from a YAML users file of the same shape; the file wins on a name clash. */
class LedgerUserDirectoryTest {

    @TempDir
    Path folder;

    @Test
    void usersFromTheFileJoinAndReplaceThoseFromConfiguration() throws IOException {
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("s3cret");
        Path file = folder.resolve("users.yml");
        Files.writeString(file, """
                users:
                  - { username: coord, password: "%s", role: COORDINATOR }
                  - { username: hc, password: "{noop}hc-pass", role: STATION, station: SY-SH-HC }
                """.formatted(hash));
        var configured = List.of(
                new LedgerUsersProperties.UserEntry("coord", "{noop}old", Role.COORDINATOR, null, null),
                new LedgerUsersProperties.UserEntry("crim", "{noop}crim-pass", Role.DEPARTMENT, "CRIMINAL-INVESTIGATION", null));

        var directory = new LedgerUserDirectory(new LedgerUsersProperties(configured, file));

        var coord = (LedgerUser) directory.loadUserByUsername("coord");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("s3cret", coord.getPassword())).isTrue();
        assertThat(((LedgerUser) directory.loadUserByUsername("hc")).actor()).isEqualTo(Actor.station("hc", "SY-SH-HC"));
        assertThat(((LedgerUser) directory.loadUserByUsername("crim")).actor().departmentId())
                .isEqualTo("CRIMINAL-INVESTIGATION");
    }

    @Test
    void aDepartmentUserWithoutADepartmentIsAConfigurationError() {
        var broken = List.of(new LedgerUsersProperties.UserEntry("x", "{noop}x", Role.DEPARTMENT, null, null));
        assertThatThrownBy(() -> new LedgerUserDirectory(new LedgerUsersProperties(broken, null)))
                .hasMessageContaining("needs department");
    }
}
