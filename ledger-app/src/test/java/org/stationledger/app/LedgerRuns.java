package org.stationledger.app;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole ledgers started and stopped by a test, on the embedded PostgreSQL with a data folder of their own: start one,
 * stop it, start another on the same folder, as an operator restarts the ledger.
 */
public final class LedgerRuns {

    private LedgerRuns() {
    }

    /** Properties for a ledger on a fresh embedded data folder, on any free port; add to them before starting. */
    public static Map<String, Object> freshEmbeddedLedger() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", 0);
        properties.put("ledger.embedded.data-dir", TestDatabase.newEmbeddedDir().toString());
        return properties;
    }

    /**
     * Starts a ledger with these properties as command-line arguments: they override application.yml (given as
     * default properties, application.yml's own values would win over them).
     */
    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(LedgerApplication.class).run(arguments);
    }

    public static Api api(ConfigurableApplicationContext context, String username) {
        return api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")), username);
    }

    /** A demo user's session against a ledger listening on {@code port} (one this JVM may not have started). */
    public static Api api(int port, String username) {
        return new Api(port, username, username + "-pass");
    }
}
