/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.units;

import java.util.SplittableRandom;

/**
 * Kinematics workload: {@code n} projectiles with quadratic air drag under gravity, stored as SI doubles in
 * parallel arrays (structure of arrays), advanced by one explicit Euler step per operation. The three
 * kernels (raw {@code double}, Ferrum typed, Indriya) perform the same floating-point operations in the same
 * order, so raw and typed agree bit for bit.
 */
public final class Particles {

    /** Air density at sea level, kg/m^3. */
    static final double RHO = 1.225;
    /** Half the drag coefficient of a sphere (0.47), negated: drag opposes velocity. */
    static final double MINUS_HALF_CD = -0.5 * 0.47;
    /** Gravity along y, m/s^2. */
    static final double G = -9.80665;

    final int n;
    final double[] x;
    final double[] y;
    final double[] vx;
    final double[] vy;
    final double[] mass;
    final double[] area;

    Particles(int n, long seed) {
        this.n = n;
        x = new double[n];
        y = new double[n];
        vx = new double[n];
        vy = new double[n];
        mass = new double[n];
        area = new double[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble(0, 100);
            y[i] = random.nextDouble(0, 1000);
            vx[i] = random.nextDouble(-50, 50);
            vy[i] = random.nextDouble(-50, 50);
            mass[i] = random.nextDouble(0.05, 5);
            double radius = random.nextDouble(0.01, 0.2);
            area[i] = Math.PI * radius * radius;
        }
    }

    /** A deep copy, so each kernel starts from the same state. */
    Particles copy() {
        return new Particles(this);
    }

    /** Restores the state of {@code o} (same size) without allocating, so resets add nothing to B/op. */
    void resetFrom(Particles o) {
        System.arraycopy(o.x, 0, x, 0, n);
        System.arraycopy(o.y, 0, y, 0, n);
        System.arraycopy(o.vx, 0, vx, 0, n);
        System.arraycopy(o.vy, 0, vy, 0, n);
        System.arraycopy(o.mass, 0, mass, 0, n);
        System.arraycopy(o.area, 0, area, 0, n);
    }

    private Particles(Particles o) {
        n = o.n;
        x = o.x.clone();
        y = o.y.clone();
        vx = o.vx.clone();
        vy = o.vy.clone();
        mass = o.mass.clone();
        area = o.area.clone();
    }
}
