package org.stationledger.events.rating;

import java.math.BigDecimal;

/** An upheld appeal lowers a finding's deduction to {@code deduction}. */
public record FindingReduction(String findingId, BigDecimal deduction) {
}
