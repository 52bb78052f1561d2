/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.units;

import dev.ferrum.units.Time;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tech.units.indriya.quantity.Quantities;

/**
 * One step of a 64-body gravity simulation (4096 softened pair interactions, then Euler integration):
 * raw doubles vs Ferrum typed with immutable accumulators carried around the inner loop ({@code typed}, allocates)
 * vs typed with {@code Acceleration.Sum} accumulators ({@code typedSum}) vs Indriya.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NBodyBench {

    static final int BODIES = 64;

    private final Bodies initial = new Bodies(BODIES, 7);
    private final Bodies bodies = initial.copy();
    private final double dtRaw = 10;
    private final Time dt = Time.seconds(10);
    private final javax.measure.Quantity<javax.measure.quantity.Time> dtIndriya =
            Quantities.getQuantity(10, tech.units.indriya.unit.Units.SECOND);

    @Setup(Level.Iteration)
    public void reset() {
        bodies.resetFrom(initial);
    }

    @Benchmark
    public double raw() {
        NBodyKernels.raw(bodies, dtRaw);
        return bodies.x[0];
    }

    @Benchmark
    public double typed() {
        NBodyKernels.typed(bodies, dt);
        return bodies.x[0];
    }

    @Benchmark
    public double typedSum() {
        NBodyKernels.typedSum(bodies, dt);
        return bodies.x[0];
    }

    @Benchmark
    public double indriya() {
        NBodyKernels.indriya(bodies, dtIndriya);
        return bodies.x[0];
    }
}
