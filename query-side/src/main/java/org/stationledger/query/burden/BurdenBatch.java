package org.stationledger.query.burden;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The requests, visits and demands a batch of events changed, written when the batch commits: each fact read back
 * once, changed by the batch's events in their order, written once, and its counts moved from its stored state to
 * its new one in the same transaction as the processor's token. An event handled again leaves the fact as it was,
 * so its counts do not move.
 */
final class BurdenBatch {

    final PendingFacts<String, RequestFact> requests = new PendingFacts<>();
    final PendingFacts<String, VisitFact> visits = new PendingFacts<>();
    final PendingFacts<DemandFact.Key, DemandFact> demands = new PendingFacts<>();

    /** How a fact counts: {@link BurdenCounts}'s rule for its kind. */
    private interface Counting<F> {
        void add(BurdenCounts counts, F fact, int sign);
    }

    void write(BurdenTables tables) {
        BurdenCounts counts = new BurdenCounts();
        tables.writeRequests(settle(requests, tables::requests, counts, BurdenCounts::add));
        tables.writeVisits(settle(visits, tables::visits, counts, BurdenCounts::add));
        tables.writeDemands(settle(demands, tables::demands, counts, BurdenCounts::add));
        tables.add(counts);
    }

    /** Each fact's state after the batch, its counts moved there from its stored state. */
    private static <K, F> List<F> settle(PendingFacts<K, F> pending, Function<Set<K>, Map<K, F>> stored,
                                         BurdenCounts counts, Counting<F> counting) {
        if (pending.keys().isEmpty()) {
            return List.of();
        }
        List<PendingFacts.Change<F>> changes = pending.applyTo(stored.apply(pending.keys()));
        for (PendingFacts.Change<F> change : changes) {
            counting.add(counts, change.before(), -1);
            counting.add(counts, change.after(), 1);
        }
        return changes.stream().map(PendingFacts.Change::after).filter(Objects::nonNull).toList();
    }
}
