package org.stationledger.app.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.stationledger.app.security.LedgerUser;
import org.stationledger.command.report.ReportCommands;
import org.stationledger.events.Actor;
import org.stationledger.events.LedgerMetaData;
import org.stationledger.events.RuleViolation;
import org.stationledger.events.burden.PublicationTrigger;
import org.stationledger.events.burden.ReportName;

/**
 * Publishes the jurisdiction's reports each month (cron {@code ledger.reports.publish-cron}, by default 02:00 UTC on
 * the 1st), on every node that runs the command side: the month just ended, so on 1 January the year just ended.
 * Several command nodes may run it at once; a report's publication for a month is recorded once, the others are
 * refused and logged. Station summaries are published on demand only (one per station and month would be noise).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnExpression("'${ledger.role:all}' == 'all' || '${ledger.role:all}' == 'command'")
class MonthlyPublication {

    /** The principal every scheduled publication is recorded under, acting for the co-ordinating office. */
    static final String PRINCIPAL = "ledger-scheduler";
    private static final Logger log = LoggerFactory.getLogger(MonthlyPublication.class);

    private final CommandGateway commands;
    private final Clock clock;

    MonthlyPublication(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(cron = "${ledger.reports.publish-cron:0 0 2 1 * *}", zone = "UTC")
    void publishMonthly() {
        publishFor(YearMonth.from(LocalDate.now(clock).minusDays(1)));
    }

    /** Publishes every jurisdiction report of {@code month}'s year for that month; returns how many it recorded. */
    int publishFor(YearMonth month) {
        var scheduler = new LedgerUser(Actor.coordinator(PRINCIPAL), "");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(scheduler, null, scheduler.getAuthorities()));
        MDC.put(LedgerMetaData.CORRELATION_ID, "publication-" + month + "-" + UUID.randomUUID());
        int published = 0;
        try {
            for (ReportName report : ReportName.values()) {
                if (report.perStation()) {
                    continue;
                }
                try {
                    var publication = commands.<ReportCommands.Publication>sendAndWait(new ReportCommands.PublishReport(
                            month.getYear(), report, null, PublicationTrigger.SCHEDULED, month.toString()));
                    log.info("Published {} {} for {} at position {}, SHA-256 {}", report.slug(), month.getYear(), month,
                            publication.position(), publication.sha256());
                    published++;
                } catch (RuleViolation refused) {
                    log.info("Not published {} {} for {}: {}", report.slug(), month.getYear(), month, refused.getMessage());
                }
            }
        } finally {
            MDC.remove(LedgerMetaData.CORRELATION_ID);
            SecurityContextHolder.clearContext();
        }
        return published;
    }
}
