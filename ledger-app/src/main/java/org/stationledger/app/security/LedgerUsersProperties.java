package org.stationledger.app.security;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.stationledger.events.Role;

/**
 * The ledger's users, from {@code ledger.users} and/or a YAML file at {@code ledger.users-file} of the same shape.
 * Passwords carry Spring Security's encoding prefix ({@code {noop}}, {@code {bcrypt}}, ...).
 */
@ConfigurationProperties(prefix = "ledger")
public record LedgerUsersProperties(List<UserEntry> users, Path usersFile) {

    public LedgerUsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record UserEntry(String username, String password, Role role, String department, String station) {
    }
}
