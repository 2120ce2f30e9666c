package org.stationledger.query.burden;

import java.math.BigDecimal;

/**
 * A count of documents or meetings held to its 2018 baseline. {@code target} is the most allowed (70% of the
 * baseline, rounded down); {@code percentOfBaseline} and {@code reductionPercent} are to one decimal and absent for
 * a baseline of zero; {@code projected} is the year-end count at the pace so far, once the pace is judged.
 */
public record Measure(long count, Long baseline, Long target, BigDecimal percentOfBaseline,
                      BigDecimal reductionPercent, Long projected, BurdenStatus status) {
}
