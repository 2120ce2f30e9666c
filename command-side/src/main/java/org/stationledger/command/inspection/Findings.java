package org.stationledger.command.inspection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Findings as they stand now, for commands that judge a station's rating or route a finding to its inspection. */
public interface Findings {

    record FindingFacts(String findingId, String inspectionId, int year, String stationId, String departmentId,
                        String indicatorId, BigDecimal deduction, boolean withdrawn) {
    }

    Optional<FindingFacts> finding(String findingId);

    /** Not withdrawn, with deductions as reduced by upheld appeals. */
    List<FindingFacts> liveFindings(String stationId, int year);
}
