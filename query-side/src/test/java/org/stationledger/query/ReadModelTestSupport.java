package org.stationledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.stationledger.events.Actor;
import org.stationledger.query.rebuild.LivePosition;

/**
 * What the read-model tests share: the query side on an event store of its own (the context is discarded after each
 * test class, so every class reads exactly the events it recorded), appending events as an actor, reading over HTTP
 * as a caller, and waiting for or rebuilding the projections.
 */
@SpringBootTest(classes = ReadModelTestApplication.class)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
abstract class ReadModelTestSupport {

    private static final Duration CATCH_UP = Duration.ofSeconds(20);

    @Autowired
    private MockMvc http;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private TokenStore tokenStore;
    @Autowired
    private JdbcTemplate jdbc;

    private final Map<String, Long> aggregateSequences = new HashMap<>();
    private int eventCount;

    /** Stores the event as the next one of its aggregate, with the actor's metadata. */
    void append(String aggregateId, Actor actor, Object payload) {
        long sequence = aggregateSequences.merge(aggregateId, 0L, (last, ignored) -> last + 1);
        eventStore.publish(new GenericDomainEventMessage<>("Test", aggregateId, sequence, payload, actor.asMetaData()));
        eventCount++;
    }

    int eventCount() {
        return eventCount;
    }

    static LocalDate date(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    ResultActions read(String url, Actor caller) throws Exception {
        return http.perform(get(url).header(ReadModelTestApplication.ACTOR_HEADER, ReadModelTestApplication.header(caller)));
    }

    String body(String url, Actor caller) throws Exception {
        return read(url, caller).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Waits until every read model has handled every stored event. */
    void awaitProjections() throws InterruptedException {
        awaitProjections(CATCH_UP);
    }

    void awaitProjections(Duration catchUp) throws InterruptedException {
        long head = eventStore.createHeadToken().position().orElseThrow();
        long deadline = System.nanoTime() + catchUp.toNanos();
        for (StreamingEventProcessor processor : queryProcessors()) {
            while (!caughtUp(processor, head)) {
                assertThat(System.nanoTime()).as("%s caught up", processor.getName()).isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    /**
     * Resets every read model, checks that the reset emptied every read table, replays the events and checks that
     * each url then answers exactly as before.
     */
    void assertRebuildingAnswersTheSame(Actor caller, List<String> urls) throws Exception {
        Map<String, String> before = new HashMap<>();
        for (String url : urls) {
            before.put(url, body(url, caller));
        }

        for (StreamingEventProcessor processor : queryProcessors()) {
            processor.shutDown();
            processor.resetTokens();
        }
        List<String> readTables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name LIKE 'read\\_%'
                """, String.class);
        assertThat(readTables).isNotEmpty();
        for (String table : readTables) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class)).as(table).isZero();
            // Truncated, not deleted row by row: no dead rows left in the table for the replay to write past.
            assertThat(jdbc.queryForObject("SELECT pg_relation_size(CAST(? AS regclass))", Long.class, table))
                    .as(table + " storage after the reset").isZero();
        }
        queryProcessors().forEach(StreamingEventProcessor::start);
        awaitProjections();

        for (String url : urls) {
            assertThat(body(url, caller)).as(url).isEqualTo(before.get(url));
        }
    }

    /** The test application runs the query side alone: every streaming processor is a read model. */
    private List<StreamingEventProcessor> queryProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    /**
     * Every segment is claimed, at the head, and waits in no gap below it for an event that has since been stored
     * (committed out of global-index order). A replaying segment's position is the replay's, so this also waits for
     * a rebuild; its "replaying" flag may stay set until the next event and is no use here.
     */
    private boolean caughtUp(StreamingEventProcessor processor, long head) {
        var statuses = processor.processingStatus().values();
        return statuses.size() == tokenStore.fetchSegments(processor.getName()).length
               && statuses.stream().allMatch(status -> status.getCurrentPosition().orElse(-1) >= head)
               && LivePosition.handledStored(statuses.stream().map(LivePosition::token).toList(), head, jdbc);
    }
}
