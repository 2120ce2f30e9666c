package org.stationledger.command.assessment;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stationledger.events.assessment.GradeBands;
import org.stationledger.events.assessment.IndicatorKind;

/** An in-memory {@link Cycles} for tests: what the cycle look-up tables would say. */
public class InMemoryCycles implements Cycles {

    public static final int VISIT_CAP = 4;
    public static final int COMMENT_WINDOW_DAYS = 10;

    private final Map<Integer, CycleFacts> cycles = new HashMap<>();
    private final Map<String, IndicatorFacts> indicators = new HashMap<>();
    private final Set<String> registeredAfterClose = new HashSet<>();

    /** An open cycle with its scheme published and its plan approved (the state most plan and gate tests need). */
    public InMemoryCycles open(int year) {
        return put(new CycleFacts(year, Status.OPEN, VISIT_CAP, COMMENT_WINDOW_DAYS, GradeBands.DEFAULT, true, true, null));
    }

    public InMemoryCycles closed(int year) {
        return put(new CycleFacts(year, Status.CLOSED, VISIT_CAP, COMMENT_WINDOW_DAYS, GradeBands.DEFAULT, true, true,
                Instant.parse(year + "-12-31T12:00:00Z")));
    }

    public InMemoryCycles put(CycleFacts cycle) {
        cycles.put(cycle.year(), cycle);
        return this;
    }

    /** A station registered after the year's close: it has no draft. */
    public InMemoryCycles registeredAfterClose(int year, String stationId) {
        registeredAfterClose.add(year + "/" + stationId);
        return this;
    }

    public InMemoryCycles indicator(int year, String indicatorId, String departmentId, int maxPoints, IndicatorKind kind) {
        indicators.put(year + "/" + indicatorId, new IndicatorFacts(year, indicatorId, departmentId, maxPoints, kind));
        return this;
    }

    @Override
    public Optional<CycleFacts> cycle(int year) {
        return Optional.ofNullable(cycles.get(year));
    }

    /** One command at a time in a fixture: nothing to hold. */
    @Override
    public Optional<CycleFacts> cycleToChange(int year) {
        return cycle(year);
    }

    @Override
    public void closing(int year) {
    }

    @Override
    public boolean drafted(int year, String stationId) {
        return cycle(year).filter(cycle -> !cycle.isOpen()).isPresent()
               && !registeredAfterClose.contains(year + "/" + stationId);
    }

    @Override
    public Optional<IndicatorFacts> indicator(int year, String indicatorId) {
        return Optional.ofNullable(indicators.get(year + "/" + indicatorId));
    }

    @Override
    public List<IndicatorFacts> indicators(int year) {
        return indicators.values().stream().filter(indicator -> indicator.year() == year)
                .sorted(Comparator.comparing(IndicatorFacts::indicatorId)).toList();
    }
}
