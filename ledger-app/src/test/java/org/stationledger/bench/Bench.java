package org.stationledger.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

/** Small helpers shared by the phases: parallel runs that count their operations, rates, percentiles. */
final class Bench {

    private Bench() {
    }

    /** What a timed phase did. */
    record Phase(String name, long operations, long nanos, long errors, List<String> firstErrors) {
        double perSecond() {
            return nanos == 0 ? 0 : operations * 1e9 / nanos;
        }

        double seconds() {
            return nanos / 1e9;
        }
    }

    /** Counts operations and keeps the first few errors of a phase. */
    static final class Counter {
        final LongAdder operations = new LongAdder();
        final LongAdder errors = new LongAdder();
        final List<String> firstErrors = new ArrayList<>();

        void ok() {
            operations.increment();
        }

        synchronized void failed(Throwable failure) {
            errors.increment();
            if (firstErrors.isEmpty()) {
                // The report keeps one line per error; the first one's whole trace goes to the log for diagnosis.
                failure.printStackTrace();
            }
            if (firstErrors.size() < 5) {
                Throwable root = failure;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                firstErrors.add(failure + (root == failure ? "" : " <- " + root));
            }
        }
    }

    /**
     * Runs {@code task(i)} for every i in [0, count) on {@code threads} threads, items handed out in order; a
     * task's failure is counted and the phase goes on. Bounded: waits at most {@code timeoutSeconds}.
     */
    static Phase parallel(String name, int threads, int count, Counter counter, IntConsumer task,
                          long timeoutSeconds) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "bench-" + name);
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    try {
                        task.accept(i);
                    } catch (RuntimeException e) {
                        counter.failed(e);
                    }
                }
            }));
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(timeoutSeconds, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                throw new IllegalStateException("Phase " + name + " did not finish within " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long nanos = System.nanoTime() - start;
        return new Phase(name, counter.operations.sum(), nanos, counter.errors.sum(), List.copyOf(counter.firstErrors));
    }

    /** Hands out send times {@code 1/rate} apart; each caller sleeps until its turn. Unlimited when rate is 0. */
    static final class RateLimiter {
        private final double nanosPerPermit;
        private final long start = System.nanoTime();
        private final AtomicLong issued = new AtomicLong();

        RateLimiter(double perSecond) {
            this.nanosPerPermit = perSecond <= 0 ? 0 : 1e9 / perSecond;
        }

        void acquire() {
            if (nanosPerPermit == 0) {
                return;
            }
            long due = start + (long) (issued.getAndIncrement() * nanosPerPermit);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleepNanos(wait);
            }
        }
    }

    /** Latencies in nanoseconds; percentiles by nearest rank. */
    static final class Latencies {
        private long[] values = new long[1024];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized void addAll(Latencies other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        synchronized int count() {
            return size;
        }

        /** The p-th percentile in milliseconds, or NaN without samples. */
        synchronized double percentileMillis(double p) {
            if (size == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * size) - 1;
            return sorted[Math.max(0, Math.min(size - 1, rank))] / 1e6;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
