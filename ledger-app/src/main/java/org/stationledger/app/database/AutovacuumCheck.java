package org.stationledger.app.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Warns at start when the database runs without autovacuum. The ledger's tables grow from empty, and PostgreSQL keeps
 * the plan it made for a pooled connection's prepared statement while a table was small until the table's statistics
 * change; without autovacuum's ANALYZE nothing changes them, and look-ups by key stay full scans of tables that keep
 * growing (docs/operations.md, "Autovacuum").
 */
@Component
class AutovacuumCheck {

    private static final Logger log = LoggerFactory.getLogger(AutovacuumCheck.class);

    private final JdbcTemplate jdbc;

    AutovacuumCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWhenOff() {
        if ("off".equals(jdbc.queryForObject("SHOW autovacuum", String.class))) {
            log.warn("The database runs with autovacuum off: the ledger's plans go stale as its tables grow. Turn it on,"
                     + " or run ANALYZE regularly (docs/operations.md, \"Autovacuum\").");
        }
    }
}
