package org.stationledger.query.rebuild;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * A projection's tables in a schema of their own, {@code rebuild_<group>}, beside the live ones. The statements run
 * on the caller's transaction; with {@link #use()} its connection resolves unqualified names in the shadow schema
 * first and the live one next, so a projection's own SQL writes into the shadow tables while the event store is
 * still found where it lives.
 */
final class ShadowSchema {

    private static final int CHECKSUM_FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final JdbcTemplate paging;
    private final String live;
    private final String shadow;
    private final List<String> tables;

    ShadowSchema(JdbcTemplate jdbc, String live, String projection, List<String> tables) {
        this.jdbc = jdbc;
        this.paging = new JdbcTemplate(jdbc.getDataSource());
        paging.setFetchSize(CHECKSUM_FETCH_SIZE);
        this.live = live;
        this.shadow = "rebuild_" + projection.replace('-', '_');
        this.tables = tables;
    }

    String name() {
        return shadow;
    }

    List<String> tables() {
        return tables;
    }

    /** Empty copies of the live tables (columns, keys, indexes) and of the views over them. */
    void create() {
        List<String[]> views = jdbc.query("""
                SELECT DISTINCT v.relname, pg_get_viewdef(v.oid)
                FROM pg_depend d
                JOIN pg_rewrite r ON r.oid = d.objid
                JOIN pg_class v ON v.oid = r.ev_class
                JOIN pg_class t ON t.oid = d.refobjid
                WHERE v.relkind = 'v' AND t.relkind = 'r' AND t.relnamespace = CAST(? AS regnamespace)
                  AND t.relname = ANY (?)
                """, (row, index) -> new String[] {row.getString(1), row.getString(2)}, live,
                tables.toArray(String[]::new));
        drop();
        jdbc.execute("CREATE SCHEMA " + shadow);
        for (String table : tables) {
            jdbc.execute("CREATE TABLE " + shadow + "." + table + " (LIKE " + live + "." + table + " INCLUDING ALL)");
        }
        use();
        // The definitions name the tables unqualified (they were read with the live schema on the path), so here
        // they bind to the shadow copies.
        for (String[] view : views) {
            jdbc.execute("CREATE VIEW " + shadow + "." + view[0] + " AS " + view[1]);
        }
    }

    /**
     * Until the transaction ends, unqualified names mean the shadow tables (and the live schema's other tables), and
     * statements are planned for the tables as they are, which a rebuild fills from empty (see
     * {@code ProjectionTransactions} for what a cached plan does as a table grows).
     */
    void use() {
        jdbc.execute("SELECT set_config('search_path', '" + shadow + ", " + live + "', true),"
                     + " set_config('plan_cache_mode', 'force_custom_plan', true)");
    }

    void drop() {
        jdbc.execute("DROP SCHEMA IF EXISTS " + shadow + " CASCADE");
    }

    /** Holds off the live processor's writes (reads go on) until the transaction ends. */
    void lockLiveTables() {
        jdbc.execute("LOCK TABLE " + String.join(", ", tables.stream().map(table -> live + "." + table).toList())
                     + " IN EXCLUSIVE MODE");
    }

    String liveChecksum(String table) {
        return checksum(live + "." + table);
    }

    String shadowChecksum(String table) {
        return checksum(shadow + "." + table);
    }

    /** Makes the live table hold exactly the shadow table's rows; readers see the change when the transaction commits. */
    void replaceLive(String table) {
        jdbc.update("DELETE FROM " + live + "." + table);
        jdbc.update("INSERT INTO " + live + "." + table + " SELECT * FROM " + shadow + "." + table);
    }

    /**
     * SHA-256 over the table's rows as PostgreSQL writes them as text, sorted bytewise, one line each: equal for
     * equal contents, whatever order the rows were written in.
     */
    private String checksum(String qualifiedTable) {
        MessageDigest sha256 = sha256();
        paging.query("SELECT CAST(t AS TEXT) FROM " + qualifiedTable + " t ORDER BY CAST(t AS TEXT) COLLATE \"C\"",
                (RowCallbackHandler) row -> {
                    sha256.update(row.getString(1).getBytes(StandardCharsets.UTF_8));
                    sha256.update((byte) '\n');
                });
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
