/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.support;

import dev.ferrum.bench.report.Score;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * Interleaved timing: contenders take turns in one JVM, round after round, so that a burst of load from other
 * processes (minutes-long on a shared machine, enough to move one JMH run against the next) hits all of them
 * alike. Within a round the starting contender rotates, so no one always runs first (right after the
 * previous round's last, with its caches).
 *
 * <p>Each contender is a batch that returns a value; the values are summed into a sink so the JIT cannot drop
 * the work. The harness reports per contender the time of every measured round, divided by the batch's
 * operation count; {@link Samples#score} turns that into a {@link Score} whose value is the best round and
 * whose interval runs from the best to the 10th-percentile round, which says how repeatable the best is.
 *
 * <p>Used by suites for second opinions next to JMH (units' raw vs typed kernels, redis-benchmark rounds)
 * and by hand-run cross-checks (arena's {@code InterleavedTiming}).
 */
public final class Interleaved {

    private static volatile long sink;

    private Interleaved() {}

    /**
     * One contender.
     *
     * @param name       for the report
     * @param batch      the timed work; returns a value that is folded into a sink
     * @param operations how many operations one batch performs (times are reported per operation)
     * @param every      run only every {@code every}-th round (for a contender much slower than the others)
     */
    public record Contender(String name, LongSupplier batch, long operations, int every) {

        public Contender {
            if (operations < 1 || every < 1) {
                throw new IllegalArgumentException("operations and every must be at least 1, got " + operations
                        + " and " + every + " for " + name);
            }
        }

        /** A contender run every round. */
        public static Contender of(String name, long operations, LongSupplier batch) {
            return new Contender(name, batch, operations, 1);
        }
    }

    /**
     * Per-operation times of one contender, sorted ascending, in nanoseconds.
     *
     * @param name  the contender's name
     * @param nanos every measured round's time per operation, sorted
     */
    public record Samples(String name, double[] nanos) {

        public double min() {
            return nanos[0];
        }

        public double max() {
            return nanos[nanos.length - 1];
        }

        public double median() {
            return quantile(0.5);
        }

        /** The {@code q}-quantile (nearest rank), {@code 0 <= q <= 1}. */
        public double quantile(double q) {
            return nanos[(int) Math.min(nanos.length - 1, Math.floor(q * nanos.length))];
        }

        /** The best round, with the interval [best, 10th percentile], in {@code ns/op}. */
        public Score score() {
            return Score.interval(min(), min(), quantile(0.1), "ns/op", Double.NaN);
        }
    }

    /**
     * Runs the contenders round-robin.
     *
     * @param contenders   who takes turns
     * @param warmupRounds rounds run first and not recorded (to reach the optimising compiler)
     * @param rounds       rounds recorded
     * @param beforeRound  called with the round number before each round (e.g. to reset shared state); may be
     *                     {@code null}
     * @param afterRound   called with the round number after each round (e.g. to check that all contenders
     *                     computed the same result); may be {@code null}
     * @return one {@link Samples} per contender, in the given order
     */
    public static List<Samples> run(
            List<Contender> contenders, int warmupRounds, int rounds, IntConsumer beforeRound, IntConsumer afterRound) {
        int n = contenders.size();
        double[][] times = new double[n][rounds];
        int[] counts = new int[n];
        long local = 0;
        for (int r = -warmupRounds; r < rounds; r++) {
            if (beforeRound != null) {
                beforeRound.accept(r);
            }
            for (int turn = 0; turn < n; turn++) {
                int k = Math.floorMod(r + turn, n);
                Contender c = contenders.get(k);
                if (Math.floorMod(r, c.every()) != 0) {
                    continue;
                }
                long t0 = System.nanoTime();
                local += c.batch().getAsLong();
                long elapsed = System.nanoTime() - t0;
                if (r >= 0) {
                    times[k][counts[k]++] = elapsed / (double) c.operations();
                }
            }
            if (afterRound != null) {
                afterRound.accept(r);
            }
        }
        sink += local;
        List<Samples> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            if (counts[k] == 0) {
                throw new IllegalArgumentException(
                        "contender " + contenders.get(k).name() + " ran in no measured round; give more rounds");
            }
            double[] sorted = Arrays.copyOf(times[k], counts[k]);
            Arrays.sort(sorted);
            out.add(new Samples(contenders.get(k).name(), sorted));
        }
        return out;
    }

    /** Runs the contenders round-robin without per-round hooks. */
    public static List<Samples> run(List<Contender> contenders, int warmupRounds, int rounds) {
        return run(contenders, warmupRounds, rounds, null, null);
    }

    /** The sink, so a caller can print it and keep the work alive in a hand-run check. */
    public static long sink() {
        return sink;
    }
}
