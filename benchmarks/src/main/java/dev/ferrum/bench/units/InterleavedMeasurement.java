/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.units;

import dev.ferrum.bench.report.Row;
import dev.ferrum.bench.report.Score;
import dev.ferrum.units.Time;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A second opinion on the raw-vs-typed rows that a loaded machine cannot shake: both kernels run alternately in
 * one JVM (the order flips every round, each round starts from a fresh copy of the same state), and the report
 * takes the minimum and the median over all rounds. Minutes-long load swings that move one JMH run against the
 * next hit both sides of a round equally. Results are also checked to be bit-for-bit equal every round.
 */
final class InterleavedMeasurement {

    private InterleavedMeasurement() {}

    /** Per-step nanoseconds of two kernels, sorted. */
    private record Pair(long[] raw, long[] typed) {
        double min(long[] a) {
            return a[0];
        }

        double median(long[] a) {
            return a[a.length / 2];
        }
    }

    static List<Row> rows(String suite, boolean quick) {
        int rounds = quick ? 300 : 2000;
        Bodies bodies = new Bodies(NBodyBench.BODIES, 7);
        Particles particles = new Particles(KinematicsBench.PARTICLES, 42);
        Time nbodyDt = Time.seconds(10);
        Time kinematicsDt = Time.seconds(1e-3);
        Pair nbody = measure(
                rounds,
                10,
                () -> bodies.copy(),
                b -> NBodyKernels.raw(b, 10),
                b -> NBodyKernels.typedSum(b, nbodyDt),
                (a, b) -> Arrays.equals(a.x, b.x));
        Pair kinematics = measure(
                rounds,
                100,
                () -> particles.copy(),
                p -> KinematicsKernels.raw(p, 1e-3),
                p -> KinematicsKernels.typed(p, kinematicsDt),
                (a, b) -> Arrays.equals(a.x, b.x));
        return List.of(
                row(
                        suite,
                        "units.kinematics.typed_vs_raw.interleaved",
                        "kinematics step, raw and typed alternating in one JVM, min of " + rounds + " rounds",
                        kinematics),
                row(
                        suite,
                        "units.nbody.typed_vs_raw.interleaved",
                        "n-body step (typed with Sum), raw and typed alternating in one JVM, min of " + rounds
                                + " rounds",
                        nbody));
    }

    private static Row row(String suite, String id, String description, Pair p) {
        Score typed = new Score(p.min(p.typed()), Double.NaN, "ns/op", Double.NaN);
        Score raw = new Score(p.min(p.raw()), Double.NaN, "ns/op", Double.NaN);
        String note = String.format("medians: typed %.0f ns, raw %.0f ns", p.median(p.typed()), p.median(p.raw()));
        return Row.compared(id, suite, description, typed, "raw double", raw, Double.NaN, null, note);
    }

    interface Equality<S> {
        boolean same(S a, S b);
    }

    private static <S> Pair measure(
            int rounds,
            int steps,
            java.util.function.Supplier<S> fresh,
            Consumer<S> raw,
            Consumer<S> typed,
            Equality<S> equality) {
        long[] rawNanos = new long[rounds];
        long[] typedNanos = new long[rounds];
        for (int pass = 0; pass < 2; pass++) { // pass 0 warms both kernels up to C2
            for (int r = 0; r < rounds; r++) {
                S a = fresh.get();
                S b = fresh.get();
                boolean rawFirst = (r & 1) == 0;
                long t0 = System.nanoTime();
                run(rawFirst ? raw : typed, rawFirst ? a : b, steps);
                long t1 = System.nanoTime();
                run(rawFirst ? typed : raw, rawFirst ? b : a, steps);
                long t2 = System.nanoTime();
                rawNanos[r] = (rawFirst ? t1 - t0 : t2 - t1) / steps;
                typedNanos[r] = (rawFirst ? t2 - t1 : t1 - t0) / steps;
                if (!equality.same(a, b)) {
                    throw new AssertionError("raw and typed kernels diverged in round " + r);
                }
            }
        }
        Arrays.sort(rawNanos);
        Arrays.sort(typedNanos);
        return new Pair(rawNanos, typedNanos);
    }

    private static <S> void run(Consumer<S> kernel, S state, int steps) {
        for (int k = 0; k < steps; k++) {
            kernel.accept(state);
        }
    }
}
