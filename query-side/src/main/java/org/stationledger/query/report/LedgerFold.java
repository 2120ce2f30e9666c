package org.stationledger.query.report;

import java.util.List;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stationledger.events.assessment.CycleClosed;
import org.stationledger.events.assessment.CycleOpened;
import org.stationledger.events.assessment.IndicatorProposed;
import org.stationledger.events.assessment.SchemePublished;
import org.stationledger.events.burden.BaselineRecorded;
import org.stationledger.events.burden.DocumentIssued;
import org.stationledger.events.burden.MeetingConvened;
import org.stationledger.events.inspection.ExceptionApproved;
import org.stationledger.events.inspection.ExceptionRefused;
import org.stationledger.events.inspection.ExceptionRequested;
import org.stationledger.events.inspection.FindingRecorded;
import org.stationledger.events.inspection.FindingWithdrawn;
import org.stationledger.events.inspection.InspectionAuthorised;
import org.stationledger.events.inspection.InspectionBlocked;
import org.stationledger.events.inspection.JointVisitJoined;
import org.stationledger.events.inspection.JointVisitScheduled;
import org.stationledger.events.rating.AppealUpheld;
import org.stationledger.events.rating.RatingFinalised;
import org.stationledger.events.rating.RatingRevised;
import org.stationledger.events.station.DepartmentRegistered;
import org.stationledger.events.station.StationDecommissioned;
import org.stationledger.events.station.StationDetailsChanged;
import org.stationledger.events.station.StationRegistered;

/**
 * Reads the events a year's reports need straight from the event store, in global order up to a position, and
 * folds them into {@link YearFacts}. The live report and a report "as of" a past position take this same path; the
 * live one simply stops at the head. The database selects the events (by type, and by the payload's year for the
 * year's own), and they are read as a stream, so a year of a province never sits in memory as rows.
 */
final class LedgerFold implements YearFolds.Fold {

    /** The registry and the baselines: every year's reports need all of them. */
    private static final String[] EVERY_YEAR = names(StationRegistered.class, StationDetailsChanged.class,
            StationDecommissioned.class, DepartmentRegistered.class, BaselineRecorded.class);
    /** Events of the year asked for only. */
    private static final String[] OF_THE_YEAR = names(CycleOpened.class, SchemePublished.class, CycleClosed.class, IndicatorProposed.class,
            JointVisitScheduled.class, JointVisitJoined.class, InspectionAuthorised.class, InspectionBlocked.class,
            ExceptionRequested.class, ExceptionApproved.class, ExceptionRefused.class, FindingRecorded.class,
            FindingWithdrawn.class, AppealUpheld.class, RatingFinalised.class, RatingRevised.class,
            DocumentIssued.class, MeetingConvened.class);
    private static final int FETCH_SIZE = 1000;

    private final JdbcTemplate streaming;
    private final TransactionTemplate reading;
    private final Serializer serializer;

    LedgerFold(JdbcTemplate jdbc, Serializer serializer, PlatformTransactionManager transactions) {
        // Inside a transaction the driver reads through a cursor, FETCH_SIZE rows at a time.
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(FETCH_SIZE);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.serializer = serializer;
    }

    /**
     * Applies to {@code facts} the events after global index {@code after} up to {@code upTo}: folding in global
     * order in steps gives the same facts as folding at once.
     */
    @Override
    public void foldOn(YearFacts facts, long after, long upTo) {
        reading.executeWithoutResult(transaction -> streaming.query("""
                SELECT globalindex, payloadtype, payloadrevision, payload FROM domainevententry
                WHERE globalindex > ? AND globalindex <= ?
                  AND (payloadtype = ANY (CAST(? AS TEXT[]))
                       OR (payloadtype = ANY (CAST(? AS TEXT[]))
                           AND convert_from(payload, 'UTF8')::json ->> 'year' = ?))
                ORDER BY globalindex""", (RowCallbackHandler) row -> {
            Object event = serializer.deserialize(new SimpleSerializedObject<>(row.getBytes("payload"), byte[].class,
                    row.getString("payloadtype"), row.getString("payloadrevision")));
            facts.apply(event, row.getLong("globalindex"));
        }, after, upTo, EVERY_YEAR, OF_THE_YEAR, Integer.toString(facts.year())));
    }

    private static String[] names(Class<?>... types) {
        return List.of(types).stream().map(Class::getName).toArray(String[]::new);
    }
}
