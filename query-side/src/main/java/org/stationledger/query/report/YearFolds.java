package org.stationledger.query.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The latest fold of each of the few years reported on most recently, carried forward from where it stopped: a
 * report at the head then reads only the events stored since its year's last report instead of the whole year again
 * (nationally, seconds of reading for every download, every format, every station's own summary).
 *
 * <p>Folding in global order in steps gives the same facts as folding at once, and a fold only ever moves to a
 * settled position (nothing can still be stored below it), so a report is the same whichever way its facts were
 * folded. A report as of a position before the kept fold is folded afresh and not kept. A fold that fails half-way
 * starts again from the first event, never from a point it cannot know.
 */
final class YearFolds {

    /** Applies to a year's facts the events after one global index up to another, in global order. */
    @FunctionalInterface
    interface Fold {
        void foldOn(YearFacts facts, long after, long upTo);
    }

    private final Fold fold;
    private final Map<Integer, Folded> folds;

    /** Keeps the folds of the {@code kept} years reported on most recently; 0 keeps none. */
    YearFolds(Fold fold, int kept) {
        this.fold = fold;
        this.folds = new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Folded> eldest) {
                return size() > kept;
            }
        };
    }

    /** What {@code read} makes of the year's facts at {@code position}, a settled position of the event store. */
    <T> T at(int year, long position, Function<YearFacts, T> read) {
        Folded folded = kept(year);
        synchronized (folded) {
            if (folded.position <= position) {
                folded.advanceTo(position);
                return read.apply(folded.facts);
            }
        }
        YearFacts afresh = new YearFacts(year);
        fold.foldOn(afresh, -1, position);
        return read.apply(afresh);
    }

    private synchronized Folded kept(int year) {
        return folds.computeIfAbsent(year, Folded::new);
    }

    /** One year's facts and the global index they were folded up to; guarded by its own monitor. */
    private final class Folded {

        private final int year;
        private YearFacts facts;
        private long position = -1;

        Folded(int year) {
            this.year = year;
            this.facts = new YearFacts(year);
        }

        void advanceTo(long settled) {
            try {
                fold.foldOn(facts, position, settled);
                position = settled;
            } catch (RuntimeException e) {
                facts = new YearFacts(year);
                position = -1;
                throw e;
            }
        }
    }
}
