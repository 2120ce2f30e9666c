package org.stationledger.app.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What counts as a PostgreSQL left running on a data folder: only a live {@code postgres} on that very folder. A
 * stale {@code postmaster.pid}, whose PID another program may have been given since, names nothing to stop, and a
 * server that a running ledger holds is never stopped. {@code CrashRecoveryTest} stops a real left-over one.
 */
class OrphanedPostmasterTest {

    @TempDir
    Path dataDir;

    @Test
    void aFolderWithoutAPidFileHasNoServer() throws IOException {
        assertThat(OrphanedPostmaster.find(dataDir)).isEmpty();
    }

    @Test
    void aPidThatIsNotAPostgresServerIsLeftAlone() throws IOException {
        pidFile(ProcessHandle.current().pid(), dataDir);

        assertThat(OrphanedPostmaster.find(dataDir)).as("this JVM is alive, but not PostgreSQL").isEmpty();
    }

    @Test
    void aPidFileOfAnotherFolderIsLeftAlone(@TempDir Path otherFolder) throws IOException {
        pidFile(ProcessHandle.current().pid(), otherFolder);

        assertThat(OrphanedPostmaster.find(dataDir)).isEmpty();
    }

    @Test
    void aPidNoLongerRunningIsLeftAlone() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        pidFile(ended.pid(), dataDir);

        assertThat(OrphanedPostmaster.find(dataDir)).isEmpty();
    }

    @Test
    void aGarbledPidFileIsLeftAlone() throws IOException {
        Files.writeString(dataDir.resolve("postmaster.pid"), "not a pid\n" + dataDir + "\n");

        assertThat(OrphanedPostmaster.find(dataDir)).isEmpty();
    }

    @Test
    void aServerARunningLedgerHoldsIsNeverStopped() throws IOException {
        try (EmbeddedPostgres running = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(false).start()) {
            assertThat(OrphanedPostmaster.find(dataDir)).isPresent();

            assertThatThrownBy(() -> OrphanedPostmaster.stopIfAny(dataDir))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("Another running ledger");
            assertThat(OrphanedPostmaster.find(dataDir)).as("still running").isPresent();
        }
    }

    /** The first lines of PostgreSQL's {@code postmaster.pid}: the PID, then the data folder. */
    private void pidFile(long pid, Path folderInFile) throws IOException {
        Files.writeString(dataDir.resolve("postmaster.pid"), pid + "\n" + folderInFile + "\n1765000000\n5432\n");
    }
}
