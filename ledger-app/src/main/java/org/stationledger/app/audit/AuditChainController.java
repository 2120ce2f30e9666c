package org.stationledger.app.audit;

import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stationledger.events.RuleViolation;

/** Verification of the whole event store against the audit chain, and the published checkpoints of its head. */
@RestController
@RequestMapping("/api/audit")
class AuditChainController {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private final ChainBuilder chain;
    private final ChainVerifier verifier;
    private final Checkpoints checkpoints;

    AuditChainController(ChainBuilder chain, DataSource dataSource, Checkpoints checkpoints) {
        this.chain = chain;
        this.verifier = new ChainVerifier(dataSource);
        this.checkpoints = checkpoints;
    }

    /** Chains what can be chained first, so the answer covers every event stored before the request. */
    @GetMapping("/verify")
    Verification verify(@RequestParam(required = false) Long checkpointSequence,
                        @RequestParam(required = false) String checkpointHash) throws SQLException {
        ChainVerifier.ExpectedHead expected = expectedHead(checkpointSequence, checkpointHash);
        chain.catchUp();
        return verifier.verify(expected);
    }

    @GetMapping("/checkpoints")
    List<Checkpoints.Checkpoint> checkpoints() {
        return checkpoints.all();
    }

    private static ChainVerifier.ExpectedHead expectedHead(Long sequence, String hash) {
        if (sequence == null && hash == null) {
            return null;
        }
        if (sequence == null || hash == null || !SHA256_HEX.matcher(hash).matches()) {
            throw RuleViolation.invalid("invalid-request",
                    "checkpointSequence and checkpointHash (64 hex digits) go together.");
        }
        return new ChainVerifier.ExpectedHead(sequence, HexFormat.of().parseHex(hash));
    }
}
