/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.units;

import static dev.ferrum.bench.units.Bodies.EPS2;

import dev.ferrum.units.Acceleration;
import dev.ferrum.units.Area;
import dev.ferrum.units.GravitationalParameter;
import dev.ferrum.units.Length;
import dev.ferrum.units.Time;
import dev.ferrum.units.Velocity;
import tech.units.indriya.quantity.Quantities;

/**
 * One n-body step written several ways. Per pair: d = r_j − r_i; r² = |d|² + ε²; a_i += μ_j / r² · (d / r).
 * Then v += a·dt, x += v·dt. Raw and typed do the same operations in the same order (bitwise-equal results).
 */
final class NBodyKernels {

    private static final Area SOFTENING = Area.ofSi(EPS2);

    private NBodyKernels() {}

    static void raw(Bodies b, double dt) {
        double[] x = b.x;
        double[] y = b.y;
        double[] z = b.z;
        double[] mu = b.mu;
        for (int i = 0; i < b.n; i++) {
            double xi = x[i];
            double yi = y[i];
            double zi = z[i];
            double ax = 0;
            double ay = 0;
            double az = 0;
            for (int j = 0; j < b.n; j++) {
                double dx = x[j] - xi;
                double dy = y[j] - yi;
                double dz = z[j] - zi;
                double r2 = dx * dx + dy * dy + dz * dz + EPS2;
                double r = Math.sqrt(r2);
                double s = mu[j] / r2;
                ax = ax + s * (dx / r);
                ay = ay + s * (dy / r);
                az = az + s * (dz / r);
            }
            b.ax[i] = ax;
            b.ay[i] = ay;
            b.az[i] = az;
        }
        integrateRaw(b, dt);
    }

    private static void integrateRaw(Bodies b, double dt) {
        for (int i = 0; i < b.n; i++) {
            double vx = b.vx[i] + b.ax[i] * dt;
            double vy = b.vy[i] + b.ay[i] * dt;
            double vz = b.vz[i] + b.az[i] * dt;
            b.vx[i] = vx;
            b.vy[i] = vy;
            b.vz[i] = vz;
            b.x[i] = b.x[i] + vx * dt;
            b.y[i] = b.y[i] + vy * dt;
            b.z[i] = b.z[i] + vz * dt;
        }
    }

    /**
     * Typed, written naturally: the acceleration accumulators are {@link Acceleration} values carried around
     * the inner loop ({@code ax = ax.plus(...)}).
     */
    static void typed(Bodies b, Time dt) {
        double[] x = b.x;
        double[] y = b.y;
        double[] z = b.z;
        double[] mu = b.mu;
        for (int i = 0; i < b.n; i++) {
            Length xi = Length.ofSi(x[i]);
            Length yi = Length.ofSi(y[i]);
            Length zi = Length.ofSi(z[i]);
            Acceleration ax = Acceleration.ZERO;
            Acceleration ay = Acceleration.ZERO;
            Acceleration az = Acceleration.ZERO;
            for (int j = 0; j < b.n; j++) {
                Length dx = Length.ofSi(x[j]).minus(xi);
                Length dy = Length.ofSi(y[j]).minus(yi);
                Length dz = Length.ofSi(z[j]).minus(zi);
                Area r2 = dx.squared().plus(dy.squared()).plus(dz.squared()).plus(SOFTENING);
                Length r = r2.sqrt();
                Acceleration s = GravitationalParameter.ofSi(mu[j]).div(r2);
                ax = ax.plus(s.times(dx.div(r)));
                ay = ay.plus(s.times(dy.div(r)));
                az = az.plus(s.times(dz.div(r)));
            }
            b.ax[i] = ax.si();
            b.ay[i] = ay.si();
            b.az[i] = az.si();
        }
        integrateTyped(b, dt);
    }

    /**
     * Typed, with the accumulators as {@link Acceleration.Sum}: one mutable object per component allocated before
     * the inner loop, which escape analysis replaces by a register. Same operations, same order.
     */
    static void typedSum(Bodies b, Time dt) {
        accelerationsTypedSum(b);
        integrateTyped(b, dt);
    }

    /** The O(n^2) half of {@link #typedSum}. */
    static void accelerationsTypedSum(Bodies b) {
        double[] x = b.x;
        double[] y = b.y;
        double[] z = b.z;
        double[] mu = b.mu;
        for (int i = 0; i < b.n; i++) {
            Length xi = Length.ofSi(x[i]);
            Length yi = Length.ofSi(y[i]);
            Length zi = Length.ofSi(z[i]);
            Acceleration.Sum ax = Acceleration.sum();
            Acceleration.Sum ay = Acceleration.sum();
            Acceleration.Sum az = Acceleration.sum();
            for (int j = 0; j < b.n; j++) {
                Length dx = Length.ofSi(x[j]).minus(xi);
                Length dy = Length.ofSi(y[j]).minus(yi);
                Length dz = Length.ofSi(z[j]).minus(zi);
                Area r2 = dx.squared().plus(dy.squared()).plus(dz.squared()).plus(SOFTENING);
                Length r = r2.sqrt();
                Acceleration s = GravitationalParameter.ofSi(mu[j]).div(r2);
                ax.add(s.times(dx.div(r)));
                ay.add(s.times(dy.div(r)));
                az.add(s.times(dz.div(r)));
            }
            b.ax[i] = ax.total().si();
            b.ay[i] = ay.total().si();
            b.az[i] = az.total().si();
        }
    }

    /**
     * The O(n) half. Kept a separate method on purpose: inlined into the method that holds the O(n^2) loop, its
     * call sites looked cold to C2 ("low call site frequency"), the tiny quantity methods were not inlined, and
     * their results escaped into real calls: 21 wrappers allocated per body (see units/README.md).
     */
    static void integrateTyped(Bodies b, Time dt) {
        for (int i = 0; i < b.n; i++) {
            Velocity vx = Velocity.ofSi(b.vx[i]).plus(Acceleration.ofSi(b.ax[i]).times(dt));
            Velocity vy = Velocity.ofSi(b.vy[i]).plus(Acceleration.ofSi(b.ay[i]).times(dt));
            Velocity vz = Velocity.ofSi(b.vz[i]).plus(Acceleration.ofSi(b.az[i]).times(dt));
            b.vx[i] = vx.si();
            b.vy[i] = vy.si();
            b.vz[i] = vz.si();
            b.x[i] = Length.ofSi(b.x[i]).plus(vx.times(dt)).si();
            b.y[i] = Length.ofSi(b.y[i]).plus(vy.times(dt)).si();
            b.z[i] = Length.ofSi(b.z[i]).plus(vz.times(dt)).si();
        }
    }

    /** Indriya, with {@code asType} where a typed result is needed, as its users write it. */
    static void indriya(Bodies b, javax.measure.Quantity<javax.measure.quantity.Time> dt) {
        var metre = tech.units.indriya.unit.Units.METRE;
        var mu3s2 = tech.units.indriya.unit.Units.CUBIC_METRE.divide(tech.units.indriya.unit.Units.SECOND.pow(2));
        var mps2 = tech.units.indriya.unit.Units.METRE_PER_SQUARE_SECOND;
        javax.measure.Quantity<javax.measure.quantity.Area> softening =
                Quantities.getQuantity(EPS2, tech.units.indriya.unit.Units.SQUARE_METRE);
        for (int i = 0; i < b.n; i++) {
            javax.measure.Quantity<javax.measure.quantity.Length> xi = Quantities.getQuantity(b.x[i], metre);
            javax.measure.Quantity<javax.measure.quantity.Length> yi = Quantities.getQuantity(b.y[i], metre);
            javax.measure.Quantity<javax.measure.quantity.Length> zi = Quantities.getQuantity(b.z[i], metre);
            javax.measure.Quantity<javax.measure.quantity.Acceleration> ax = Quantities.getQuantity(0, mps2);
            javax.measure.Quantity<javax.measure.quantity.Acceleration> ay = Quantities.getQuantity(0, mps2);
            javax.measure.Quantity<javax.measure.quantity.Acceleration> az = Quantities.getQuantity(0, mps2);
            for (int j = 0; j < b.n; j++) {
                javax.measure.Quantity<javax.measure.quantity.Length> dx =
                        Quantities.getQuantity(b.x[j], metre).subtract(xi);
                javax.measure.Quantity<javax.measure.quantity.Length> dy =
                        Quantities.getQuantity(b.y[j], metre).subtract(yi);
                javax.measure.Quantity<javax.measure.quantity.Length> dz =
                        Quantities.getQuantity(b.z[j], metre).subtract(zi);
                javax.measure.Quantity<javax.measure.quantity.Area> r2 = dx.multiply(dx)
                        .asType(javax.measure.quantity.Area.class)
                        .add(dy.multiply(dy).asType(javax.measure.quantity.Area.class))
                        .add(dz.multiply(dz).asType(javax.measure.quantity.Area.class))
                        .add(softening);
                // JSR 385 has no square root of a quantity: through the number, as its users do.
                javax.measure.Quantity<javax.measure.quantity.Length> r =
                        Quantities.getQuantity(Math.sqrt(r2.getValue().doubleValue()), metre);
                javax.measure.Quantity<javax.measure.quantity.Acceleration> s = Quantities.getQuantity(b.mu[j], mu3s2)
                        .divide(r2)
                        .asType(javax.measure.quantity.Acceleration.class);
                ax = ax.add(s.multiply(dx.divide(r)).asType(javax.measure.quantity.Acceleration.class));
                ay = ay.add(s.multiply(dy.divide(r)).asType(javax.measure.quantity.Acceleration.class));
                az = az.add(s.multiply(dz.divide(r)).asType(javax.measure.quantity.Acceleration.class));
            }
            b.ax[i] = ax.to(mps2).getValue().doubleValue();
            b.ay[i] = ay.to(mps2).getValue().doubleValue();
            b.az[i] = az.to(mps2).getValue().doubleValue();
        }
        // The O(n) integration is not where the libraries differ (O(n^2) pairs dominate): plain doubles.
        integrateRaw(b, dt.to(tech.units.indriya.unit.Units.SECOND).getValue().doubleValue());
    }
}
