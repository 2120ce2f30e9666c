package org.stationledger.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.stationledger.events.Actor;

/** Users from configuration and the optional users file; a user in the file replaces one of the same name. */
@Component
class LedgerUserDirectory implements UserDetailsService {

    private final Map<String, LedgerUser> users = new LinkedHashMap<>();

    LedgerUserDirectory(LedgerUsersProperties properties) {
        List<LedgerUsersProperties.UserEntry> entries = new ArrayList<>(properties.users());
        if (properties.usersFile() != null) {
            entries.addAll(readFile(properties));
        }
        for (var entry : entries) {
            users.put(entry.username(), new LedgerUser(toActor(entry), entry.password()));
        }
    }

    private static List<LedgerUsersProperties.UserEntry> readFile(LedgerUsersProperties properties) {
        try {
            var yaml = new ObjectMapper(new YAMLFactory()).findAndRegisterModules();
            var file = yaml.readValue(properties.usersFile().toFile(), UsersFile.class);
            return file.users() == null ? List.of() : file.users();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read ledger.users-file " + properties.usersFile(), e);
        }
    }

    private static Actor toActor(LedgerUsersProperties.UserEntry entry) {
        if (entry.username() == null || entry.password() == null || entry.role() == null) {
            throw new IllegalStateException("Every ledger user needs username, password and role: " + entry);
        }
        return switch (entry.role()) {
            case COORDINATOR -> Actor.coordinator(entry.username());
            case AUDITOR -> Actor.auditor(entry.username());
            case DEPARTMENT -> Actor.department(entry.username(), required(entry.department(), entry, "department"));
            case STATION -> Actor.station(entry.username(), required(entry.station(), entry, "station"));
        };
    }

    private static String required(String value, LedgerUsersProperties.UserEntry entry, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("User " + entry.username() + " with role " + entry.role() + " needs " + field);
        }
        return value;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        LedgerUser user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException(username);
        }
        return user;
    }

    record UsersFile(List<LedgerUsersProperties.UserEntry> users) {
    }
}
