package org.stationledger.command;

import org.springframework.jdbc.core.JdbcTemplate;

/** The one question look-up tables are asked most: is there such a row? */
public final class Lookups {

    private Lookups() {
    }

    /** Runs {@code SELECT EXISTS (SELECT 1 FROM <condition>)} with the given arguments. */
    public static boolean exists(JdbcTemplate jdbc, String fromWhere, Object... arguments) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + fromWhere + ")", Boolean.class,
                arguments));
    }
}
