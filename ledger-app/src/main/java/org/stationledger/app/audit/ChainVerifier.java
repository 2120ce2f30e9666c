package org.stationledger.app.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import javax.sql.DataSource;

/**
 * Re-reads the whole event table in global order beside the audit chain, recomputes every hash and says whether,
 * and where, the stored events no longer match the chain, the chain no longer follows from itself, or its head no
 * longer matches a checkpoint (every published one, and the one the caller kept). Plain JDBC, so that the ledger's
 * endpoint and the offline verifier run exactly this.
 *
 * <p>Both tables are read in one repeatable-read snapshot, so links added meanwhile do not count as broken.
 */
final class ChainVerifier {

    private static final int FETCH_SIZE = 1000;
    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;

    ChainVerifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A chain head an auditor kept: the chain's hash at a global index. */
    record ExpectedHead(long sequence, byte[] hash) {
    }

    Verification verify(ExpectedHead expected) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return verify(connection, expected);
            } finally {
                connection.rollback();
            }
        }
    }

    private Verification verify(Connection connection, ExpectedHead expected) throws SQLException {
        List<ExpectedHead> checkpoints = checkpoints(connection);
        if (expected != null) {
            checkpoints.add(expected);
            checkpoints.sort(Comparator.comparingLong(ExpectedHead::sequence));
        }
        Iterator<ExpectedHead> checkpoint = checkpoints.iterator();
        ExpectedHead nextCheckpoint = checkpoint.hasNext() ? checkpoint.next() : null;
        try (PreparedStatement eventQuery = cursor(connection,
                "SELECT " + StoredEvent.COLUMNS + " FROM domainevententry ORDER BY globalindex");
             PreparedStatement chainQuery = cursor(connection,
                     "SELECT global_index, previous_hash, hash FROM audit_chain ORDER BY global_index");
             ResultSet events = eventQuery.executeQuery();
             ResultSet chain = chainQuery.executeQuery()) {
            ChainLink previous = ChainLink.START;
            long checked = 0;
            boolean moreEvents = events.next();
            while (chain.next()) {
                long linked = chain.getLong("global_index");
                if (!moreEvents || events.getLong("globalindex") > linked) {
                    return Verification.broken(checked, linked, "event-missing", "The chain has a link for global "
                            + "index " + linked + " but the event table has no event there: it was deleted or moved.");
                }
                StoredEvent event = StoredEvent.read(events);
                if (event.globalIndex() < linked) {
                    return Verification.broken(checked, event.globalIndex(), "event-not-chained", "The event at global "
                            + "index " + event.globalIndex() + " lies inside the chain but has no link: it was inserted"
                            + " or moved there after the chain had passed.");
                }
                if (!Arrays.equals(chain.getBytes("previous_hash"), previous.hash())) {
                    return Verification.broken(checked, linked, "chain-altered", "The chain's link at global index "
                            + linked + " does not follow from the link before it: the chain itself was changed.");
                }
                byte[] hash = ChainHash.next(previous.hash(), event);
                if (!Arrays.equals(chain.getBytes("hash"), hash)) {
                    return Verification.broken(checked, linked, "event-altered", "The event at global index " + linked
                            + " no longer matches its link: its content, or its place in the store, was changed.");
                }
                for (; nextCheckpoint != null && nextCheckpoint.sequence() <= linked;
                     nextCheckpoint = checkpoint.hasNext() ? checkpoint.next() : null) {
                    if (nextCheckpoint.sequence() < linked) {
                        return unknownCheckpoint(checked, nextCheckpoint);
                    }
                    if (!Arrays.equals(nextCheckpoint.hash(), hash)) {
                        return Verification.broken(checked, linked, "checkpoint-mismatch", "The chain's hash at global"
                                + " index " + linked + " is not the checkpoint's: the chain up to it was rewritten.");
                    }
                }
                previous = new ChainLink(linked, hash);
                checked++;
                moreEvents = events.next();
            }
            if (nextCheckpoint != null) {
                return unknownCheckpoint(checked, nextCheckpoint);
            }
            long pending = 0;
            while (moreEvents) {
                pending++;
                moreEvents = events.next();
            }
            return new Verification(true, checked, null, null, null, previous.globalIndex(),
                    HEX.formatHex(previous.hash()), pending);
        }
    }

    private static Verification unknownCheckpoint(long checked, ExpectedHead checkpoint) {
        return Verification.broken(checked, checkpoint.sequence(), "checkpoint-unknown", "The chain has no link at "
                + "global index " + checkpoint.sequence() + ", where a checkpoint was taken.");
    }

    /** The checkpoints published so far, in order. */
    private static List<ExpectedHead> checkpoints(Connection connection) throws SQLException {
        List<ExpectedHead> checkpoints = new ArrayList<>();
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT up_to_sequence, head_hash FROM audit_checkpoint"
                                               + " ORDER BY up_to_sequence")) {
            while (rows.next()) {
                checkpoints.add(new ExpectedHead(rows.getLong("up_to_sequence"), rows.getBytes("head_hash")));
            }
        }
        return checkpoints;
    }

    private static PreparedStatement cursor(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(FETCH_SIZE);
        return statement;
    }
}
