package org.stationledger.query.report;

import java.time.LocalDate;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.stationledger.events.Actor;
import org.stationledger.events.RuleViolation;
import org.stationledger.events.burden.ReportName;
import org.stationledger.query.Problems;
import org.stationledger.query.QueryParameters;
import org.stationledger.query.burden.BurdenPolicy;

/**
 * Generates the statistics reports from the event store, never from a read model and never from anything typed in:
 * a fold over the events up to a position. At the settled head that is the live report; at a published position it
 * is exactly the published one. It reads no projection, so a command node (which publishes) can run it too. The
 * folds of the years reported on most recently are kept and carried forward ({@code ledger.reports.folded-years}).
 */
@Component
public class ReportGenerator {

    private final YearFolds folds;
    private final LedgerHead head;

    public ReportGenerator(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                           PlatformTransactionManager transactions,
                           @Value("${ledger.reports.folded-years:2}") int foldedYears) {
        this.folds = new YearFolds(new LedgerFold(jdbc, serializer, transactions), foldedYears);
        this.head = new LedgerHead(jdbc);
    }

    /**
     * The report as {@code caller} may see it, built from the events up to {@code asOf} (null: the settled head).
     * Holds no connection while it waits for its year's fold or lays the report out: only the fold's reading does.
     */
    public Rendition render(int year, ReportName report, String stationId, Long asOf, ReportFormat format,
                            Actor caller) {
        String station = ReportAccess.stationOf(caller, report, stationId);
        Report built = build(year, report, station, asOf).visibleTo(caller);
        return new Rendition(report, year, station, built.position(), format, format.render(built));
    }

    /** The whole report at the settled head, as it is published: in CSV, the format that regenerates byte for byte. */
    public Rendition publishable(int year, ReportName report, String stationId) {
        Report built = build(year, report, stationId, null);
        return new Rendition(report, year, stationId, built.position(), ReportFormat.CSV,
                ReportFormat.CSV.render(built));
    }

    private Report build(int year, ReportName report, String stationId, Long asOf) {
        QueryParameters.year(year);
        if (report == ReportName.BURDEN) {
            BurdenPolicy.requireCountedYear(year);
        }
        if (asOf != null && asOf < 0) {
            throw Problems.invalidRequest("asOf is an event-store position: 0 or more.");
        }
        long settled = head.settled();
        if (asOf != null && asOf > settled) {
            throw RuleViolation.unprocessable("position-not-reached",
                    "The ledger's settled position is " + settled + "; a report cannot be built from events not yet stored.");
        }
        long position = asOf == null ? settled : asOf;
        LocalDate recordedOn = head.recordedOn(position);
        return folds.at(year, position, facts -> Reports.build(report, facts, stationId, position, recordedOn));
    }
}
