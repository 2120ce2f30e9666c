package org.stationledger.app;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.stationledger.query.report.ReportGenerator;

/**
 * Which side(s) of the ledger this process runs: {@code ledger.role} is {@code all} (default), {@code command} or
 * {@code query}. Each side is a component scan of its own module, so a query node has no command handlers and a
 * command node keeps no read models.
 */
final class SideSelection {

    private SideSelection() {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${ledger.role:all}' == 'all' || '${ledger.role:all}' == 'command'")
    @ComponentScan("org.stationledger.command")
    static class CommandSide {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${ledger.role:all}' == 'all' || '${ledger.role:all}' == 'query'")
    @ComponentScan("org.stationledger.query")
    static class QuerySide {
    }

    /**
     * The report generator reads the event store itself, not a read model, so a command node has it too: the
     * command side publishes reports and records their digest.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${ledger.role:all}' == 'command'")
    @Import(ReportGenerator.class)
    static class ReportsOnCommandNodes {
    }
}
