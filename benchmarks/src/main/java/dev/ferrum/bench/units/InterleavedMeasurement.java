/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.units;

import dev.ferrum.bench.report.Row;
import dev.ferrum.bench.support.Interleaved;
import dev.ferrum.units.Time;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A second opinion on the raw-vs-typed rows that a loaded machine cannot shake: both kernels take turns in one
 * JVM ({@link Interleaved}: the order flips every round, each round starts from a fresh copy of the same
 * state), and the report takes the best round, with the 10th-percentile round as the interval's other end and
 * the medians in the note. Minutes-long load swings that move one JMH run against the next hit both sides of a
 * round equally. Results are also checked to be bit-for-bit equal every round.
 */
final class InterleavedMeasurement {

    private InterleavedMeasurement() {}

    static List<Row> rows(String suite, boolean quick) {
        int rounds = quick ? 300 : 2000;
        Bodies bodies = new Bodies(NBodyBench.BODIES, 7);
        Particles particles = new Particles(KinematicsBench.PARTICLES, 42);
        Time nbodyDt = Time.seconds(10);
        Time kinematicsDt = Time.seconds(1e-3);
        List<Interleaved.Samples> nbody = measure(
                rounds,
                10,
                bodies::copy,
                b -> NBodyKernels.raw(b, 10),
                b -> NBodyKernels.typedSum(b, nbodyDt),
                (a, b) -> Arrays.equals(a.x, b.x));
        List<Interleaved.Samples> kinematics = measure(
                rounds,
                100,
                particles::copy,
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

    private static Row row(String suite, String id, String description, List<Interleaved.Samples> rawThenTyped) {
        Interleaved.Samples raw = rawThenTyped.get(0);
        Interleaved.Samples typed = rawThenTyped.get(1);
        String note = String.format("medians: typed %.0f ns, raw %.0f ns", typed.median(), raw.median());
        return Row.compared(id, suite, description, typed.score(), "raw double", raw.score(), Double.NaN, null, note);
    }

    /** Raw then typed samples; each round both run {@code steps} steps on fresh copies, then must agree. */
    private static <S> List<Interleaved.Samples> measure(
            int rounds, int steps, Supplier<S> fresh, Consumer<S> raw, Consumer<S> typed, BiPredicate<S, S> same) {
        Object[] state = new Object[2];
        @SuppressWarnings("unchecked")
        Supplier<S> rawState = () -> (S) state[0];
        @SuppressWarnings("unchecked")
        Supplier<S> typedState = () -> (S) state[1];
        return Interleaved.run(
                List.of(
                        Interleaved.Contender.of("raw", steps, () -> run(raw, rawState.get(), steps)),
                        Interleaved.Contender.of("typed", steps, () -> run(typed, typedState.get(), steps))),
                rounds, // as many unrecorded rounds first, to bring both kernels to C2
                rounds,
                r -> {
                    state[0] = fresh.get();
                    state[1] = fresh.get();
                },
                r -> {
                    if (!same.test(rawState.get(), typedState.get())) {
                        throw new AssertionError("raw and typed kernels diverged in round " + r);
                    }
                });
    }

    private static <S> long run(Consumer<S> kernel, S state, int steps) {
        for (int k = 0; k < steps; k++) {
            kernel.accept(state);
        }
        return steps;
    }
}
