package org.stationledger.app.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code java -jar station-ledger.jar verify --db-url jdbc:postgresql://host/ledger [--db-user u] [--db-password p]
 * [--checkpoint-sequence n --checkpoint-hash h]}: verifies the audit chain straight from the database, without
 * starting the ledger, and prints the same JSON as {@code GET /api/audit/verify}. It reads only. Exit status: 0
 * verified, 1 not verified, 2 the verification could not run. The password may also come from
 * {@code LEDGER_DB_PASSWORD}, to keep it off the command line.
 */
public final class OfflineVerifier {

    static final int VERIFIED = 0;
    static final int NOT_VERIFIED = 1;
    static final int CANNOT_RUN = 2;
    private static final String USAGE = "usage: verify --db-url jdbc:postgresql://host:port/db [--db-user user]"
                                        + " [--db-password password] [--checkpoint-sequence n --checkpoint-hash hex]";

    private static final Set<String> OPTIONS = Set.of("db-url", "db-user", "db-password", "checkpoint-sequence",
            "checkpoint-hash");

    private OfflineVerifier() {
    }

    public static boolean isRequested(String[] args) {
        return args.length > 0 && "verify".equals(args[0]);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.println(USAGE);
                return CANNOT_RUN;
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        String url = options.get("db-url");
        // An option mistyped, or half a checkpoint, would otherwise verify without the check the auditor asked for.
        if (url == null || !OPTIONS.containsAll(options.keySet())
            || options.containsKey("checkpoint-sequence") != options.containsKey("checkpoint-hash")) {
            err.println(USAGE);
            return CANNOT_RUN;
        }
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        if (options.containsKey("db-user")) {
            dataSource.setUser(options.get("db-user"));
        }
        String password = options.getOrDefault("db-password", System.getenv("LEDGER_DB_PASSWORD"));
        if (password != null) {
            dataSource.setPassword(password);
        }
        try {
            ChainVerifier.ExpectedHead expected = options.containsKey("checkpoint-sequence")
                    ? new ChainVerifier.ExpectedHead(Long.parseLong(options.get("checkpoint-sequence")),
                            HexFormat.of().parseHex(options.get("checkpoint-hash")))
                    : null;
            Verification verification = new ChainVerifier(dataSource).verify(expected);
            out.println(new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL)
                    .writeValueAsString(verification));
            return verification.verified() ? VERIFIED : NOT_VERIFIED;
        } catch (SQLException | IOException | RuntimeException e) {
            err.println("Cannot verify: " + e.getMessage());
            return CANNOT_RUN;
        }
    }
}
