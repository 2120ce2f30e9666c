package org.stationledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** What a projection's held-back rows look like in the database once its batch of events commits. */
@SpringBootTest(classes = ReadModelTestApplication.class)
class BatchedWritesTest {

    private static final BatchedWrites.Rows ROWS = new BatchedWrites.Rows("""
            INSERT INTO batched_writes_test (id, value)
            SELECT * FROM unnest(CAST(:id AS TEXT[]), CAST(:value AS INT[]))
            ON CONFLICT (id) DO UPDATE SET value = EXCLUDED.value
            """, "id", "value");

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DataSource dataSource;

    @BeforeEach
    void createTable() {
        jdbc.execute("CREATE TABLE batched_writes_test (id TEXT PRIMARY KEY, value INT NOT NULL)");
    }

    @AfterEach
    void dropTable() {
        jdbc.execute("DROP TABLE batched_writes_test");
    }

    @Test
    void rowsWaitForTheBatchAndARowWrittenTwiceEndsAsItWasLast() {
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("a batch of events"));
        BatchedWrites.write(named, ROWS, "a", "a", 1);
        BatchedWrites.write(named, ROWS, "b", "b", 2);
        BatchedWrites.write(named, ROWS, "a", "a", 3);
        assertThat(rows()).as("held back until the batch commits").isEmpty();

        batch.commit();

        assertThat(rows()).containsExactly("a=3", "b=2");
    }

    @Test
    void aFlushSendsTheHeldBackRowsSoThatAFollowingStatementSeesThem() {
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("a batch of events"));
        BatchedWrites.write(named, ROWS, "a", "a", 1);
        BatchedWrites.flush();
        jdbc.update("UPDATE batched_writes_test SET value = value + 10 WHERE id = 'a'");

        batch.commit();

        assertThat(rows()).containsExactly("a=11");
    }

    /**
     * The database closes a projection's connection as its batch goes out (a restart, a fail-over, an operator): the
     * batch fails as a {@link DataAccessException}, which the processor retries — not as an {@link Error}, which
     * would stop the processor for good (the driver threw one, under {@code -ea}, before PostgreSQL JDBC 42.7.12).
     */
    @Test
    void aBatchWhoseConnectionTheDatabaseClosedFailsAsARetryableException() throws Exception {
        try (Connection closedByTheDatabase = dataSource.getConnection()) {
            closedByTheDatabase.setAutoCommit(false);
            int pid = new JdbcTemplate(new SingleConnectionDataSource(closedByTheDatabase, true))
                    .queryForObject("SELECT pg_backend_pid()", Integer.class);
            jdbc.queryForObject("SELECT pg_terminate_backend(?, 10000)", Boolean.class, pid);
            NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(
                    new SingleConnectionDataSource(closedByTheDatabase, true));
            UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("a batch"));
            BatchedWrites.write(named, "INSERT INTO batched_writes_test (id, value) VALUES (:id, 1)",
                    new MapSqlParameterSource("id", "a"));

            assertThatThrownBy(batch::commit).isInstanceOf(DataAccessException.class);
        }
    }

    private List<String> rows() {
        return jdbc.queryForList("SELECT id || '=' || value FROM batched_writes_test ORDER BY id", String.class);
    }
}
