package org.stationledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stationledger.query.ProcessingGroups;
import org.stationledger.query.ReadModelTestApplication;

/**
 * The audit index keys each row by the event's own global index. A tracking token's position is not always it: an
 * event that filled a gap (committed after a later one) arrives with the token's high-water mark. Here the processor
 * is stopped and the projection is handed one batch as a tracking processor would hand it after a late commit: the
 * event at index 3 before the one at index 2, which then arrives with the high-water mark 3 as its token's position.
 */
@SpringBootTest(classes = ReadModelTestApplication.class)
class AuditIndexProjectionTest {

    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventStorageEngine storage;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private AuditIndexProjection projection;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void stopTheAuditProcessor() {
        processing.eventProcessor(ProcessingGroups.AUDIT_INDEX).ifPresent(EventProcessor::shutDown);
    }

    @AfterEach
    void startItAgain() {
        processing.eventProcessor(ProcessingGroups.AUDIT_INDEX).ifPresent(EventProcessor::start);
    }

    @Test
    void anEventThatFilledAGapIsIndexedAtItsOwnPositionNotAtTheTokens() {
        List<TrackedEventMessage<?>> stored = store("gap-test:first", "gap-test:late", "gap-test:after");
        long first = position(stored.get(0));
        long late = position(stored.get(1));
        long after = position(stored.get(2));

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(stored.get(0));
        handle(stored.get(0), GapAwareTrackingToken.newInstance(first, Set.of()));
        handle(stored.get(2), GapAwareTrackingToken.newInstance(after, Set.of(late)));
        handle(stored.get(1), GapAwareTrackingToken.newInstance(after, Set.of()));
        batch.commit();

        assertThat(jdbc.queryForList("""
                SELECT i.global_index || ' ' || e.aggregateidentifier
                FROM read_audit_index i JOIN domainevententry e ON e.globalindex = i.global_index
                WHERE e.aggregateidentifier LIKE 'gap-test:%' ORDER BY i.global_index""", String.class))
                .containsExactly(first + " gap-test:first", late + " gap-test:late", after + " gap-test:after");
    }

    /** Stores one event per aggregate, in this order, and reads them back as a processor would. */
    private List<TrackedEventMessage<?>> store(String... aggregateIds) {
        for (String aggregateId : aggregateIds) {
            eventStore.publish(new GenericDomainEventMessage<>("Test", aggregateId, 0, "an event of " + aggregateId));
        }
        List<TrackedEventMessage<?>> stored = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            events.filter(event -> event instanceof DomainEventMessage<?> domain
                                   && domain.getAggregateIdentifier().startsWith("gap-test:"))
                    .forEach(stored::add);
        }
        return stored;
    }

    private void handle(TrackedEventMessage<?> stored, GapAwareTrackingToken token) {
        var event = new GenericTrackedDomainEventMessage<>(token, (DomainEventMessage<?>) stored);
        projection.on(event.getPayload(), event, event.getTimestamp());
    }

    private static long position(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }
}
