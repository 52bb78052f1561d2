/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.units;

import java.util.SplittableRandom;

/**
 * N-body workload: {@code n} point masses (standard gravitational parameter μ = GM per body, m^3/s^2) in SI
 * doubles, structure of arrays. One operation is one step: all-pairs softened gravity, then Euler integration.
 * The pair loop includes i == j: with softening the self-term is exactly zero, and the loop stays branch-free.
 */
public final class Bodies {

    /** Softening length squared, m^2: keeps close encounters finite. */
    static final double EPS2 = 1e4;

    final int n;
    final double[] x;
    final double[] y;
    final double[] z;
    final double[] vx;
    final double[] vy;
    final double[] vz;
    final double[] mu;
    final double[] ax;
    final double[] ay;
    final double[] az;

    Bodies(int n, long seed) {
        this.n = n;
        x = new double[n];
        y = new double[n];
        z = new double[n];
        vx = new double[n];
        vy = new double[n];
        vz = new double[n];
        mu = new double[n];
        ax = new double[n];
        ay = new double[n];
        az = new double[n];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble(-1e7, 1e7);
            y[i] = random.nextDouble(-1e7, 1e7);
            z[i] = random.nextDouble(-1e6, 1e6);
            vx[i] = random.nextDouble(-1e3, 1e3);
            vy[i] = random.nextDouble(-1e3, 1e3);
            vz[i] = random.nextDouble(-1e2, 1e2);
            mu[i] = random.nextDouble(1e10, 4e14);
        }
    }

    private Bodies(Bodies o) {
        n = o.n;
        x = o.x.clone();
        y = o.y.clone();
        z = o.z.clone();
        vx = o.vx.clone();
        vy = o.vy.clone();
        vz = o.vz.clone();
        mu = o.mu.clone();
        ax = o.ax.clone();
        ay = o.ay.clone();
        az = o.az.clone();
    }

    /** A deep copy, so each kernel starts from the same state. */
    Bodies copy() {
        return new Bodies(this);
    }

    /** Restores the state of {@code o} (same size) without allocating, so resets add nothing to B/op. */
    void resetFrom(Bodies o) {
        System.arraycopy(o.x, 0, x, 0, n);
        System.arraycopy(o.y, 0, y, 0, n);
        System.arraycopy(o.z, 0, z, 0, n);
        System.arraycopy(o.vx, 0, vx, 0, n);
        System.arraycopy(o.vy, 0, vy, 0, n);
        System.arraycopy(o.vz, 0, vz, 0, n);
        System.arraycopy(o.mu, 0, mu, 0, n);
        System.arraycopy(o.ax, 0, ax, 0, n);
        System.arraycopy(o.ay, 0, ay, 0, n);
        System.arraycopy(o.az, 0, az, 0, n);
    }
}
