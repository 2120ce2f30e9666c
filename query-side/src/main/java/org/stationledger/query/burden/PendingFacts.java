package org.stationledger.query.burden;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What a batch of events does to facts kept per key, in the order of the events, applied to the stored facts when
 * the batch is written. So an exception's decision handled in the same batch as its request applies to that
 * request, and each fact's counts move once per batch: from its stored state to its state after the batch.
 */
final class PendingFacts<K, F> {

    /** A fact before the batch and after it; null where there is none. */
    record Change<F>(F before, F after) {
    }

    private final Map<K, List<UnaryOperator<F>>> changes = new LinkedHashMap<>();

    /** The event states the whole fact, whatever was stored. */
    void set(K key, F fact) {
        changesOf(key).add(ignored -> fact);
    }

    /** The event changes the fact as it stands by then; a fact that does not exist stays absent. */
    void change(K key, UnaryOperator<F> change) {
        changesOf(key).add(fact -> fact == null ? null : change.apply(fact));
    }

    Set<K> keys() {
        return changes.keySet();
    }

    List<Change<F>> applyTo(Map<K, F> stored) {
        List<Change<F>> applied = new ArrayList<>(changes.size());
        changes.forEach((key, steps) -> {
            F before = stored.get(key);
            F after = before;
            for (UnaryOperator<F> step : steps) {
                after = step.apply(after);
            }
            applied.add(new Change<>(before, after));
        });
        return applied;
    }

    private List<UnaryOperator<F>> changesOf(K key) {
        return changes.computeIfAbsent(key, ignored -> new ArrayList<>());
    }
}
