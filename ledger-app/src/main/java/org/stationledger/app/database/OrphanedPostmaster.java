package org.stationledger.app.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL runs as a daemon of its own ({@code pg_ctl start}), so when the ledger's JVM dies without
 * shutting down — killed, out of memory, a crash — PostgreSQL keeps running on the data folder, and the next start
 * would wait for a server that cannot start beside it and give up. Before starting, the ledger stops such a
 * left-over server: one named by the folder's {@code postmaster.pid}, alive, a {@code postgres} on this very folder,
 * while no running ledger holds the folder's lock (zonky's {@code epg-lock}, which the OS releases when a JVM dies).
 * A server some other ledger still uses is never touched: that start fails with a message saying so.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);

    /** The lock file zonky's {@code EmbeddedPostgres} holds for as long as it runs a data folder. */
    private static final String LEDGER_LOCK = "epg-lock";
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private OrphanedPostmaster() {
    }

    /** Stops the PostgreSQL a dead ledger left running on {@code dataDir}, if there is one. */
    static void stopIfAny(Path dataDir) throws IOException {
        Optional<ProcessHandle> orphan = find(dataDir);
        if (orphan.isEmpty()) {
            return;
        }
        requireNoLedgerHolds(dataDir);
        ProcessHandle postmaster = orphan.get();
        log.warn("PostgreSQL (PID {}) is still running on {} after a ledger that did not shut down (killed or "
                 + "crashed); stopping it before starting again", postmaster.pid(), dataDir);
        stop(postmaster, dataDir);
    }

    /** The live postmaster that {@code dataDir/postmaster.pid} names, if it is a PostgreSQL server on that folder. */
    static Optional<ProcessHandle> find(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !sameFolder(Path.of(lines.get(1).trim()), dataDir)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // A stale file (PostgreSQL itself died) may name a PID that some other program has since been given.
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(process -> servesFolder(process, dataDir));
    }

    private static boolean servesFolder(ProcessHandle process, Path dataDir) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(false);
        // Where the OS shows the arguments, the server's -D must be this folder too.
        boolean onThisFolder = info.arguments().map(arguments -> {
            int flag = Arrays.asList(arguments).indexOf("-D");
            return flag >= 0 && flag + 1 < arguments.length && sameFolder(Path.of(arguments[flag + 1]), dataDir);
        }).orElse(true);
        return postgres && onThisFolder;
    }

    private static boolean sameFolder(Path a, Path b) {
        try {
            return Files.exists(a) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static void requireNoLedgerHolds(Path dataDir) throws IOException {
        try (FileChannel channel = FileChannel.open(dataDir.resolve(LEDGER_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse(dataDir);
            }
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDir);
        }
    }

    private static IllegalStateException inUse(Path dataDir) {
        return new IllegalStateException("Another running ledger uses the embedded PostgreSQL data folder " + dataDir
                                         + "; stop it first, or give this one a folder of its own "
                                         + "(ledger.embedded.data-dir)");
    }

    /**
     * SIGTERM: PostgreSQL's smart shutdown, which waits for its sessions to end (the dead ledger's are gone with its
     * sockets), writes a checkpoint and exits. Not {@code pg_ctl}: it refuses to run as root, where zonky runs the
     * server in a user namespace of its own.
     */
    private static void stop(ProcessHandle postmaster, Path dataDir) {
        postmaster.destroy();
        try {
            postmaster.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL on " + dataDir, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL (PID " + postmaster.pid() + ") on " + dataDir + " did not stop "
                                            + "within " + STOP_WAIT.toSeconds() + " s (is a client such as psql "
                                            + "still connected?); stop it, then start the ledger again", e);
        }
    }
}
