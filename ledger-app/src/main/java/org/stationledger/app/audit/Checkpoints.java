package org.stationledger.app.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.stationledger.query.JdbcValues;

/**
 * Publishes the chain's head at intervals, into {@code audit_checkpoint} and the log, so that an auditor can keep
 * copies elsewhere and later prove that the chain up to one was not rewritten (verify with that head).
 */
@Component
class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final ChainBuilder chain;
    private final Clock clock;

    Checkpoints(JdbcTemplate jdbc, ChainBuilder chain, Clock clock) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.clock = clock;
    }

    /** A published head of the chain. */
    record Checkpoint(long upToSequence, String headHash, Instant at) {
    }

    @Scheduled(fixedDelayString = "${ledger.audit.checkpoint-interval:10m}",
               initialDelayString = "${ledger.audit.checkpoint-interval:10m}")
    void publish() {
        ChainLink head = chain.catchUp();
        if (head == ChainLink.START) {
            return;
        }
        Instant at = clock.instant();
        int published = jdbc.update("""
                INSERT INTO audit_checkpoint (up_to_sequence, head_hash, at) VALUES (?, ?, ?)
                ON CONFLICT (up_to_sequence) DO NOTHING
                """, head.globalIndex(), head.hash(), JdbcValues.timestamp(at));
        if (published == 1) {
            log.info("Audit checkpoint: upToSequence={} headHash={} at={}", head.globalIndex(),
                    HEX.formatHex(head.hash()), at);
        }
    }

    List<Checkpoint> all() {
        return jdbc.query("SELECT up_to_sequence, head_hash, at FROM audit_checkpoint ORDER BY up_to_sequence",
                (row, index) -> new Checkpoint(row.getLong("up_to_sequence"), HEX.formatHex(row.getBytes("head_hash")),
                        JdbcValues.instant(row, "at")));
    }
}
