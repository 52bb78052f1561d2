/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.units;

import static dev.ferrum.bench.units.Particles.G;
import static dev.ferrum.bench.units.Particles.MINUS_HALF_CD;
import static dev.ferrum.bench.units.Particles.RHO;

import dev.ferrum.units.Acceleration;
import dev.ferrum.units.Area;
import dev.ferrum.units.Density;
import dev.ferrum.units.Force;
import dev.ferrum.units.Length;
import dev.ferrum.units.Mass;
import dev.ferrum.units.MassFlow;
import dev.ferrum.units.Time;
import dev.ferrum.units.Velocity;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The pattern escape analysis cannot fix: the same kinematics step with the state kept as arrays of
 * quantity objects ({@code Velocity[]}, {@code Length[]}). Every new value is stored into the heap, so it
 * escapes and is allocated (16 B each: 12 B header + 8 B double, rounded to 24 B with alignment on a
 * compressed-oops heap). Compared with {@link KinematicsBench#raw} through the report.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ObjectStateBench {

    private static final Density AIR = Density.ofSi(RHO);
    private static final Acceleration GRAVITY = Acceleration.ofSi(G);

    private final Particles initial = new Particles(KinematicsBench.PARTICLES, 42);
    private final Time dt = Time.seconds(1e-3);
    private Length[] x;
    private Length[] y;
    private Velocity[] vx;
    private Velocity[] vy;
    private Mass[] mass;
    private Area[] area;

    @Setup(Level.Iteration)
    public void reset() {
        int n = initial.n;
        x = new Length[n];
        y = new Length[n];
        vx = new Velocity[n];
        vy = new Velocity[n];
        mass = new Mass[n];
        area = new Area[n];
        for (int i = 0; i < n; i++) {
            x[i] = Length.ofSi(initial.x[i]);
            y[i] = Length.ofSi(initial.y[i]);
            vx[i] = Velocity.ofSi(initial.vx[i]);
            vy[i] = Velocity.ofSi(initial.vy[i]);
            mass[i] = Mass.ofSi(initial.mass[i]);
            area[i] = Area.ofSi(initial.area[i]);
        }
    }

    @Benchmark
    public Length typedObjectArrays() {
        for (int i = 0; i < x.length; i++) {
            Velocity vxi = vx[i];
            Velocity vyi = vy[i];
            Velocity speed = vxi.hypot(vyi);
            MassFlow massFlow = area[i].times(speed).times(AIR);
            Force fx = massFlow.times(vxi).times(MINUS_HALF_CD);
            Force fy = massFlow.times(vyi).times(MINUS_HALF_CD);
            Acceleration ax = fx.div(mass[i]);
            Acceleration ay = fy.div(mass[i]).plus(GRAVITY);
            Velocity nvx = vxi.plus(ax.times(dt));
            Velocity nvy = vyi.plus(ay.times(dt));
            vx[i] = nvx;
            vy[i] = nvy;
            x[i] = x[i].plus(nvx.times(dt));
            y[i] = y[i].plus(nvy.times(dt));
        }
        return x[0];
    }
}
