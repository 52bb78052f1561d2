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
import dev.ferrum.units.Quantity;
import dev.ferrum.units.Time;
import dev.ferrum.units.Units;
import dev.ferrum.units.Velocity;
import tech.units.indriya.quantity.Quantities;

/**
 * One Euler step of {@link Particles} written four ways. Per particle:
 * speed = |v|; mass flow = area × speed × ρ; F = mass flow × v × (−Cd/2); a = F / m + g; v += a·dt; x += v·dt.
 */
final class KinematicsKernels {

    private static final Density AIR = Density.ofSi(RHO);
    private static final Acceleration GRAVITY = Acceleration.ofSi(G);

    private KinematicsKernels() {}

    /** The baseline: plain doubles. */
    static void raw(Particles p, double dt) {
        double[] x = p.x;
        double[] y = p.y;
        double[] vx = p.vx;
        double[] vy = p.vy;
        double[] mass = p.mass;
        double[] area = p.area;
        for (int i = 0; i < p.n; i++) {
            double vxi = vx[i];
            double vyi = vy[i];
            double speed = Math.sqrt(vxi * vxi + vyi * vyi);
            double massFlow = area[i] * speed * RHO;
            double fx = massFlow * vxi * MINUS_HALF_CD;
            double fy = massFlow * vyi * MINUS_HALF_CD;
            double m = mass[i];
            double ax = fx / m;
            double ay = fy / m + G;
            double nvx = vxi + ax * dt;
            double nvy = vyi + ay * dt;
            vx[i] = nvx;
            vy[i] = nvy;
            x[i] = x[i] + nvx * dt;
            y[i] = y[i] + nvy * dt;
        }
    }

    /** Ferrum typed quantities; storage stays SI doubles, every intermediate is typed. */
    static void typed(Particles p, Time dt) {
        double[] x = p.x;
        double[] y = p.y;
        double[] vx = p.vx;
        double[] vy = p.vy;
        double[] mass = p.mass;
        double[] area = p.area;
        for (int i = 0; i < p.n; i++) {
            Velocity vxi = Velocity.ofSi(vx[i]);
            Velocity vyi = Velocity.ofSi(vy[i]);
            Velocity speed = vxi.hypot(vyi);
            MassFlow massFlow = Area.ofSi(area[i]).times(speed).times(AIR);
            Force fx = massFlow.times(vxi).times(MINUS_HALF_CD);
            Force fy = massFlow.times(vyi).times(MINUS_HALF_CD);
            Mass m = Mass.ofSi(mass[i]);
            Acceleration ax = fx.div(m);
            Acceleration ay = fy.div(m).plus(GRAVITY);
            Velocity nvx = vxi.plus(ax.times(dt));
            Velocity nvy = vyi.plus(ay.times(dt));
            vx[i] = nvx.si();
            vy[i] = nvy.si();
            x[i] = Length.ofSi(x[i]).plus(nvx.times(dt)).si();
            y[i] = Length.ofSi(y[i]).plus(nvy.times(dt)).si();
        }
    }

    /** Ferrum's run-time {@link Quantity}: every operation checks or computes a {@code Dimension}. */
    static void runtime(Particles p, Quantity dt) {
        Quantity air = AIR.toQuantity();
        Quantity gravity = GRAVITY.toQuantity();
        double[] x = p.x;
        double[] y = p.y;
        double[] vx = p.vx;
        double[] vy = p.vy;
        double[] mass = p.mass;
        double[] area = p.area;
        for (int i = 0; i < p.n; i++) {
            Quantity vxi = Quantity.of(vx[i], Units.METRE_PER_SECOND);
            Quantity vyi = Quantity.of(vy[i], Units.METRE_PER_SECOND);
            Quantity speed = vxi.pow(2).plus(vyi.pow(2)).sqrt();
            Quantity massFlow =
                    Quantity.of(area[i], Units.SQUARE_METRE).times(speed).times(air);
            Quantity fx = massFlow.times(vxi).times(MINUS_HALF_CD);
            Quantity fy = massFlow.times(vyi).times(MINUS_HALF_CD);
            Quantity m = Quantity.of(mass[i], Units.KILOGRAM);
            Quantity ax = fx.div(m);
            Quantity ay = fy.div(m).plus(gravity);
            Quantity nvx = vxi.plus(ax.times(dt));
            Quantity nvy = vyi.plus(ay.times(dt));
            vx[i] = nvx.in(Units.METRE_PER_SECOND);
            vy[i] = nvy.in(Units.METRE_PER_SECOND);
            x[i] = Quantity.of(x[i], Units.METRE).plus(nvx.times(dt)).in(Units.METRE);
            y[i] = Quantity.of(y[i], Units.METRE).plus(nvy.times(dt)).in(Units.METRE);
        }
    }

    /** Indriya (JSR 385 reference implementation) as its users write it: {@code asType} to get typed results back. */
    static final class Indriya {
        private static final javax.measure.Quantity<?> AIR = Quantities.getQuantity(
                RHO, tech.units.indriya.unit.Units.KILOGRAM.divide(tech.units.indriya.unit.Units.CUBIC_METRE));
        private static final javax.measure.Quantity<javax.measure.quantity.Acceleration> GRAVITY =
                Quantities.getQuantity(G, tech.units.indriya.unit.Units.METRE_PER_SQUARE_SECOND);

        private Indriya() {}

        static void step(Particles p, javax.measure.Quantity<javax.measure.quantity.Time> dt) {
            var metrePerSecond = tech.units.indriya.unit.Units.METRE_PER_SECOND;
            var metre = tech.units.indriya.unit.Units.METRE;
            double[] x = p.x;
            double[] y = p.y;
            double[] vx = p.vx;
            double[] vy = p.vy;
            double[] mass = p.mass;
            double[] area = p.area;
            for (int i = 0; i < p.n; i++) {
                javax.measure.Quantity<javax.measure.quantity.Speed> vxi =
                        Quantities.getQuantity(vx[i], metrePerSecond);
                javax.measure.Quantity<javax.measure.quantity.Speed> vyi =
                        Quantities.getQuantity(vy[i], metrePerSecond);
                // JSR 385 has no square root of a quantity: the magnitude goes through the numbers.
                javax.measure.Quantity<javax.measure.quantity.Speed> speed =
                        Quantities.getQuantity(Math.sqrt(vx[i] * vx[i] + vy[i] * vy[i]), metrePerSecond);
                javax.measure.Quantity<?> massFlow = Quantities.getQuantity(
                                area[i], tech.units.indriya.unit.Units.SQUARE_METRE)
                        .multiply(speed)
                        .multiply(AIR);
                javax.measure.Quantity<javax.measure.quantity.Force> fx =
                        massFlow.multiply(vxi).multiply(MINUS_HALF_CD).asType(javax.measure.quantity.Force.class);
                javax.measure.Quantity<javax.measure.quantity.Force> fy =
                        massFlow.multiply(vyi).multiply(MINUS_HALF_CD).asType(javax.measure.quantity.Force.class);
                javax.measure.Quantity<javax.measure.quantity.Mass> m =
                        Quantities.getQuantity(mass[i], tech.units.indriya.unit.Units.KILOGRAM);
                javax.measure.Quantity<javax.measure.quantity.Acceleration> ax =
                        fx.divide(m).asType(javax.measure.quantity.Acceleration.class);
                javax.measure.Quantity<javax.measure.quantity.Acceleration> ay = fy.divide(m)
                        .asType(javax.measure.quantity.Acceleration.class)
                        .add(GRAVITY);
                javax.measure.Quantity<javax.measure.quantity.Speed> nvx =
                        vxi.add(ax.multiply(dt).asType(javax.measure.quantity.Speed.class));
                javax.measure.Quantity<javax.measure.quantity.Speed> nvy =
                        vyi.add(ay.multiply(dt).asType(javax.measure.quantity.Speed.class));
                vx[i] = nvx.to(metrePerSecond).getValue().doubleValue();
                vy[i] = nvy.to(metrePerSecond).getValue().doubleValue();
                x[i] = Quantities.getQuantity(x[i], metre)
                        .add(nvx.multiply(dt).asType(javax.measure.quantity.Length.class))
                        .to(metre)
                        .getValue()
                        .doubleValue();
                y[i] = Quantities.getQuantity(y[i], metre)
                        .add(nvy.multiply(dt).asType(javax.measure.quantity.Length.class))
                        .to(metre)
                        .getValue()
                        .doubleValue();
            }
        }
    }
}
