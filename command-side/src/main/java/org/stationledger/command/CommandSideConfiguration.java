package org.stationledger.command;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's look-up tables are maintained by a subscribing processor: its handlers run in the command's
 * own unit of work and transaction, and any failure there (a unique key lost to a concurrent command) rolls the
 * whole command back instead of being logged and skipped.
 */
@Configuration(proxyBeanMethods = false)
class CommandSideConfiguration {

    @Autowired
    void configureLookups(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(LookupGroup.NAME)
                  .registerListenerInvocationErrorHandler(LookupGroup.NAME, configuration -> PropagatingErrorHandler.instance());
    }
}
