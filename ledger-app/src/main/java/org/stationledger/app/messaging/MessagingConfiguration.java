package org.stationledger.app.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.slf4j.MDC;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.stationledger.app.security.CurrentActor;
import org.stationledger.events.LedgerMetaData;

/**
 * How commands pick up who sent them and why, and how that reaches every event: the gateway stamps the actor and
 * the request's ids on each command; the correlation data provider copies them onto every event the command
 * applies, adding the command's id as the causation id.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    private static final String[] COPIED_KEYS = {LedgerMetaData.PRINCIPAL, LedgerMetaData.ROLE, LedgerMetaData.SCOPE,
            LedgerMetaData.DEPARTMENT_ID, LedgerMetaData.STATION_ID, LedgerMetaData.CORRELATION_ID,
            LedgerMetaData.REQUEST_ID};

    /** The ledger's clock. Tests replace it to play a whole year; event timestamps follow it too. */
    @Bean
    @ConditionalOnMissingBean
    Clock ledgerClock() {
        return Clock.systemUTC();
    }

    /**
     * Events, messages and tokens as JSON. The HTTP layer's mapper refuses unknown fields (a typo in a request is an
     * error); the ledger's own history must stay readable when a later version adds a field, so this copy ignores
     * them.
     */
    @Bean
    @Primary
    @Qualifier("serializer")
    Serializer serializer(ObjectMapper httpObjectMapper) {
        ObjectMapper mapper = httpObjectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return JacksonSerializer.builder().objectMapper(mapper).lenientDeserialization().build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /**
     * Axon's JDBC event store as its auto-configuration builds it, with one setting more: {@code batchSize}, the
     * number of events one query fetches when a processor reads the stream (Axon's default is 100). A rebuild reads
     * the whole store; bigger batches mean ten times fewer round trips (see docs/benchmarks.md). It reads no snapshots,
     * reads streamed events' timestamps the quick way, and an append of {@code ledger.event-store.large-append} events
     * or more holds back the others until it commits ({@link LedgerEventStorageEngine}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          @Value("${ledger.event-store.batch-size:1000}") int batchSize,
                                          @Value("${ledger.event-store.large-append:1000}") int largeAppend) {
        return new LedgerEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .batchSize(batchSize), largeAppend);
    }

    /**
     * Axon's JDBC token store as its auto-configuration builds it, but for the name of the node that claims a
     * projection's segments: {@code ledger.node-name} when given (the projections overview and a rebuild's progress
     * show it), otherwise Axon's own default, the JVM's {@code pid@host}. Two nodes must not share a name: a node
     * takes a segment claimed under its own name for its own.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                          TokenStoreProperties tokenStoreProperties, @Value("${ledger.node-name:}") String nodeName) {
        JdbcTokenStore.Builder tokenStore = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(new TokenSchema())
                .serializer(serializer)
                .claimTimeout(tokenStoreProperties.getClaimTimeout());
        return (nodeName.isBlank() ? tokenStore : tokenStore.nodeId(nodeName)).build();
    }

    /**
     * Axon's JDBC auto-configuration provides this only while it also builds the event store; it tells a duplicate
     * key in the event table (another command appended to the aggregate first) from any other failure.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    /**
     * Axon's embedded event store as its auto-configuration builds it, with a shorter {@code fetchDelay}: how long
     * its reader waits before it looks for new events while the projections wait at the head (Axon's default is a
     * second). A local commit wakes the reader at once anyway; the delay bounds how late events stored by another
     * node (a command node of a scale-out) reach this node's projections.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${ledger.event-store.fetch-delay:100ms}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, Clock clock, RetryThreads commandRetries,
                                  @Value("${ledger.commands.conflict-retries:3}") int conflictRetries) {
        GenericEventMessage.clock = clock;
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(commandRetries.scheduler(conflictRetries))
                .dispatchInterceptors(stampActorAndRequest())
                .build();
    }

    @Bean
    RetryThreads commandRetries(@Value("${ledger.commands.retry-threads:4}") int threads) {
        return new RetryThreads(threads);
    }

    /**
     * The threads that carry out the retries of commands that lost a race, each retry in the thread that runs it.
     * Several, so that a retry that waits for a lock (a national plan's approval holds the event table's append lock
     * for seconds) does not hold up the other commands' retries. Held here rather than as a ScheduledExecutorService
     * bean: Spring would take such a bean for the application's scheduler, and run every scheduled job on it.
     */
    static final class RetryThreads implements DisposableBean {

        private final ScheduledExecutorService executor;

        RetryThreads(int threads) {
            executor = Executors.newScheduledThreadPool(threads, new CustomizableThreadFactory("command-retry-"));
        }

        ConflictRetryScheduler scheduler(int maxRetries) {
            return new ConflictRetryScheduler(IntervalRetryScheduler.builder()
                    .retryExecutor(executor)
                    .retryInterval(20)
                    .maxRetryCount(maxRetries));
        }

        @Override
        public void destroy() {
            executor.shutdownNow();
        }
    }

    /**
     * Only a command passes its actor and ids on. Axon asks for correlation data whenever it creates a message in a
     * unit of work, including a projection's result for every event it handles; reading such an event's metadata
     * would deserialise it for nothing (no event handler here sends a message).
     */
    @Bean
    CorrelationDataProvider ledgerCorrelationData() {
        return message -> {
            if (!(message instanceof CommandMessage<?>)) {
                return Map.of();
            }
            Map<String, Object> data = new HashMap<>();
            for (String key : COPIED_KEYS) {
                Object value = message.getMetaData().get(key);
                if (value != null) {
                    data.put(key, value);
                }
            }
            data.put(LedgerMetaData.CAUSATION_ID, message.getIdentifier());
            return data;
        };
    }

    /** Refuses to send a command that nobody can be held responsible for. */
    private static MessageDispatchInterceptor<CommandMessage<?>> stampActorAndRequest() {
        return messages -> (index, command) -> {
            var actor = CurrentActor.get().orElseThrow(() ->
                    new IllegalStateException("Command " + command.getPayloadType().getSimpleName()
                                              + " sent without an authenticated actor"));
            Map<String, String> metaData = new HashMap<>(actor.asMetaData());
            putIfPresent(metaData, LedgerMetaData.REQUEST_ID, MDC.get(LedgerMetaData.REQUEST_ID));
            putIfPresent(metaData, LedgerMetaData.CORRELATION_ID, MDC.get(LedgerMetaData.CORRELATION_ID));
            metaData.putIfAbsent(LedgerMetaData.CORRELATION_ID, command.getIdentifier());
            return command.andMetaData(metaData);
        };
    }

    private static void putIfPresent(Map<String, String> metaData, String key, String value) {
        if (value != null) {
            metaData.put(key, value);
        }
    }

    /** Retries a command only when it lost a race ({@link LostRaces}); rule violations are never retried. */
    static final class ConflictRetryScheduler extends IntervalRetryScheduler {
        ConflictRetryScheduler(IntervalRetryScheduler.Builder builder) {
            super(builder);
        }

        @Override
        protected boolean isExplicitlyNonTransient(Throwable failure) {
            return !LostRaces.lost(failure);
        }
    }

}
