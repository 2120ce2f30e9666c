package org.stationledger.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The benchmark's command line; see {@link #USAGE}. */
final class BenchOptions {

    static final String USAGE = """
            bench/run [--stations N] [--years Y] [--smoke] [--db-url JDBC_URL [--db-user U] [--db-password P]]
                      [--out FILE] [--seconds S] [--threads T] [--clients C] [--label TEXT] [--set property=value]...
            bench/run --rebuilds-only --db-url JDBC_URL [--projection NAME]...
            bench/run --queries-only --db-url JDBC_URL [--seconds S] [--clients C]

              --stations N   stations in the registry (national scale: 54000; default 1000)
              --years Y      assessment years generated, one after another (default 5; queries are measured
                             after the first and after the last)
              --smoke        a seconds-long tiny run (12 stations, 2 years, short phases) for CI; its report goes
                             to bench/out/benchmarks-smoke.md, never to docs/benchmarks.md
              --db-url       any PostgreSQL JDBC URL, holding an empty ledger (default: an embedded PostgreSQL in
                             a fresh temporary data folder, durable: fsync and synchronous_commit on)
              --out FILE     where the report goes (default docs/benchmarks.md, or the smoke file)
              --seconds S    length of each timed load phase (raw baselines, queries; default 10)
              --threads T    command and raw-insert threads (default 8)
              --clients C    concurrent query clients (default 32)
              --label TEXT   a note printed with the settings (e.g. which optimisation is being measured)
              --set p=v      a ledger property for this run (e.g. --set ledger.embedded.pool-size=24)
              --rebuilds-only  no generation: time the rebuilds of a ledger that already holds events (the
                             database of an earlier --db-url run) against its raw read; prints, writes nothing
              --projection P only this projection's rebuild (repeatable; with --rebuilds-only)
              --queries-only no generation: the query loads against a ledger that already holds years, with its
                             years loaded and the raw primary-key baseline; prints, writes nothing
            """;

    int stations = 1000;
    int years = 5;
    boolean smoke;
    String dbUrl;
    String dbUser = System.getenv().getOrDefault("LEDGER_DB_USER", "postgres");
    String dbPassword = System.getenv().getOrDefault("LEDGER_DB_PASSWORD", "");
    Path out;
    double seconds = 10;
    int threads = 8;
    int clients = 32;
    String label = "";
    final Map<String, String> ledgerProperties = new LinkedHashMap<>();
    boolean rebuildsOnly;
    boolean queriesOnly;
    final Set<String> projections = new LinkedHashSet<>();

    static BenchOptions parse(String[] args) {
        BenchOptions options = new BenchOptions();
        boolean stationsGiven = false;
        boolean yearsGiven = false;
        boolean secondsGiven = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--stations" -> {
                    options.stations = Integer.parseInt(value(args, ++i, arg));
                    stationsGiven = true;
                }
                case "--years" -> {
                    options.years = Integer.parseInt(value(args, ++i, arg));
                    yearsGiven = true;
                }
                case "--smoke" -> options.smoke = true;
                case "--db-url" -> options.dbUrl = value(args, ++i, arg);
                case "--db-user" -> options.dbUser = value(args, ++i, arg);
                case "--db-password" -> options.dbPassword = value(args, ++i, arg);
                case "--out" -> options.out = Path.of(value(args, ++i, arg));
                case "--seconds" -> {
                    options.seconds = Double.parseDouble(value(args, ++i, arg));
                    secondsGiven = true;
                }
                case "--threads" -> options.threads = Integer.parseInt(value(args, ++i, arg));
                case "--clients" -> options.clients = Integer.parseInt(value(args, ++i, arg));
                case "--label" -> options.label = value(args, ++i, arg);
                case "--set" -> {
                    String setting = value(args, ++i, arg);
                    int equals = setting.indexOf('=');
                    if (equals < 1) {
                        throw new IllegalArgumentException("--set wants property=value, not " + setting);
                    }
                    options.ledgerProperties.put(setting.substring(0, equals), setting.substring(equals + 1));
                }
                case "--rebuilds-only" -> options.rebuildsOnly = true;
                case "--queries-only" -> options.queriesOnly = true;
                case "--projection" -> options.projections.add(value(args, ++i, arg));
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("Unknown argument " + arg + "\n" + USAGE);
            }
        }
        if (options.smoke) {
            options.stations = stationsGiven ? options.stations : 12;
            options.years = yearsGiven ? options.years : 2;
            options.seconds = secondsGiven ? options.seconds : 0.5;
        }
        if (options.stations < 10 || options.years < 1 || options.threads < 1 || options.clients < 1) {
            throw new IllegalArgumentException("Needs at least 10 stations, 1 year, 1 thread and 1 client.");
        }
        if ((options.rebuildsOnly || options.queriesOnly) && options.dbUrl == null) {
            throw new IllegalArgumentException("--rebuilds-only and --queries-only need the --db-url of a ledger "
                                               + "that holds events");
        }
        if (options.out == null) {
            options.out = options.smoke ? Path.of("bench/out/benchmarks-smoke.md") : Path.of("docs/benchmarks.md");
        }
        return options;
    }

    private static String value(String[] args, int index, String name) {
        if (index >= args.length) {
            throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
        }
        return args[index];
    }
}
