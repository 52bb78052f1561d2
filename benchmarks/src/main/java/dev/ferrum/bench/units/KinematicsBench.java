/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.units;

import dev.ferrum.units.Quantity;
import dev.ferrum.units.Time;
import dev.ferrum.units.Units;
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
 * One Euler step of 1024 projectiles with quadratic drag: raw doubles vs Ferrum typed quantities vs Ferrum's
 * runtime {@link Quantity} vs Indriya. State is reset every iteration so all variants integrate the same
 * trajectories. One operation = one step of all particles.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KinematicsBench {

    static final int PARTICLES = 1024;

    private final Particles initial = new Particles(PARTICLES, 42);
    private final Particles particles = initial.copy();
    private final double dtRaw = 1e-3;
    private final Time dt = Time.of(1, Units.MILLISECOND);
    private final Quantity dtRuntime = Quantity.of(1, Units.MILLISECOND);
    private final javax.measure.Quantity<javax.measure.quantity.Time> dtIndriya =
            Quantities.getQuantity(1e-3, tech.units.indriya.unit.Units.SECOND);

    @Setup(Level.Iteration)
    public void reset() {
        particles.resetFrom(initial);
    }

    @Benchmark
    public double raw() {
        KinematicsKernels.raw(particles, dtRaw);
        return particles.x[0];
    }

    @Benchmark
    public double typed() {
        KinematicsKernels.typed(particles, dt);
        return particles.x[0];
    }

    @Benchmark
    public double runtimeQuantity() {
        KinematicsKernels.runtime(particles, dtRuntime);
        return particles.x[0];
    }

    @Benchmark
    public double indriya() {
        KinematicsKernels.Indriya.step(particles, dtIndriya);
        return particles.x[0];
    }
}
