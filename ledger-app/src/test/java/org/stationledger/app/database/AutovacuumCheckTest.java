package org.stationledger.app.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/** An operator whose server runs without autovacuum is told at start; one whose server runs it hears nothing. */
@ExtendWith(OutputCaptureExtension.class)
class AutovacuumCheckTest {

    private static final String WARNING = "The database runs with autovacuum off";

    @Test
    void aServerWithoutAutovacuumIsReported(CapturedOutput output) throws IOException {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("autovacuum", "off").start()) {
            new AutovacuumCheck(new JdbcTemplate(server.getPostgresDatabase())).warnWhenOff();
        }

        assertThat(output).contains(WARNING);
    }

    @Test
    void aServerWithAutovacuumIsNot(CapturedOutput output) throws IOException {
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
            new AutovacuumCheck(new JdbcTemplate(server.getPostgresDatabase())).warnWhenOff();
        }

        assertThat(output).doesNotContain(WARNING);
    }
}
