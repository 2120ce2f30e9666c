package org.stationledger.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stationledger.app.IntegrationTest;
import org.stationledger.command.LookupGroup;
import org.stationledger.query.ProcessingGroups;

/**
 * The command side's set-based checks rest on look-up tables written in the command's own transaction. Axon falls
 * back to a tracking processor, silently, for a group it builds before the group's configuration ran (any bean
 * asking for the processors too early does that), and the look-ups would then trail the commands.
 */
class LookupTransactionTest extends IntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void theLookupsRunInTheCommandsTransactionAndTheReadModelsOnTrackingProcessors() {
        assertThat(processing.eventProcessor(LookupGroup.NAME)).containsInstanceOf(SubscribingEventProcessor.class);
        ProcessingGroups.TABLES.keySet().forEach(projection -> assertThat(processing.eventProcessor(projection))
                .as(projection).containsInstanceOf(TrackingEventProcessor.class));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ?", Long.class,
                LookupGroup.NAME)).as("nothing tracks the look-ups").isZero();
    }
}
