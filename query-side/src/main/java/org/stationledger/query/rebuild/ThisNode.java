package org.stationledger.query.rebuild;

import java.lang.management.ManagementFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's name, as the token store names the node that claims a segment: {@code ledger.node-name}, or Axon's
 * default, the JVM's {@code pid@host}.
 */
@Component
class ThisNode {

    private final String name;

    ThisNode(@Value("${ledger.node-name:}") String configured) {
        this.name = configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : configured;
    }

    String name() {
        return name;
    }
}
