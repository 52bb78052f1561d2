/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ferrum.bench.support.Comparison;
import dev.ferrum.units.Quantity;
import dev.ferrum.units.Time;
import dev.ferrum.units.Units;
import org.junit.jupiter.api.Test;
import tech.units.indriya.quantity.Quantities;

/** The benchmarked kernels do the same work: raw and typed agree bit for bit, the others to rounding. */
class UnitsKernelsTest {

    @Test
    void kinematicsKernelsAgree() {
        Particles raw = new Particles(256, 1);
        Particles typed = raw.copy();
        Particles runtime = raw.copy();
        Particles indriya = raw.copy();
        for (int step = 0; step < 20; step++) {
            KinematicsKernels.raw(raw, 1e-3);
            KinematicsKernels.typed(typed, Time.seconds(1e-3));
            KinematicsKernels.runtime(runtime, Quantity.of(1, Units.MILLISECOND));
        }
        KinematicsKernels.Indriya.step(indriya, Quantities.getQuantity(1e-3, tech.units.indriya.unit.Units.SECOND));
        assertThat(typed.x).containsExactly(raw.x);
        assertThat(typed.vy).containsExactly(raw.vy);
        for (int i = 0; i < raw.n; i++) {
            assertThat(runtime.x[i]).isCloseTo(raw.x[i], within(1e-9 * Math.abs(raw.x[i]) + 1e-12));
            assertThat(runtime.vy[i]).isCloseTo(raw.vy[i], within(1e-9 * Math.abs(raw.vy[i]) + 1e-12));
        }
        Particles once = new Particles(256, 1);
        KinematicsKernels.raw(once, 1e-3);
        for (int i = 0; i < raw.n; i++) {
            assertThat(indriya.vy[i]).isCloseTo(once.vy[i], within(1e-9 * Math.abs(once.vy[i]) + 1e-12));
            assertThat(indriya.x[i]).isCloseTo(once.x[i], within(1e-9 * Math.abs(once.x[i]) + 1e-12));
        }
        assertThat(raw.vy[0]).isNotEqualTo(new Particles(256, 1).vy[0]);
    }

    @Test
    void nBodyKernelsAgree() {
        Bodies raw = new Bodies(16, 3);
        Bodies typed = raw.copy();
        Bodies typedSum = raw.copy();
        Bodies indriya = raw.copy();
        for (int step = 0; step < 5; step++) {
            NBodyKernels.raw(raw, 10);
            NBodyKernels.typed(typed, Time.seconds(10));
            NBodyKernels.typedSum(typedSum, Time.seconds(10));
        }
        NBodyKernels.indriya(indriya, Quantities.getQuantity(10, tech.units.indriya.unit.Units.SECOND));
        assertThat(typed.x).containsExactly(raw.x);
        assertThat(typedSum.vz).containsExactly(raw.vz);
        Bodies once = new Bodies(16, 3);
        NBodyKernels.raw(once, 10);
        for (int i = 0; i < once.n; i++) {
            assertThat(indriya.ax[i]).isCloseTo(once.ax[i], within(1e-9 * Math.abs(once.ax[i])));
        }
        assertThat(raw.ax[0]).isNotZero();
    }

    @Test
    void conversionKernelsAgreeBitForBit() {
        ConversionBench bench = new ConversionBench();
        double[] raw = new double[ConversionBench.VALUES];
        double[] typed = new double[ConversionBench.VALUES];
        ConversionBench.raw(bench.kilometres, raw);
        ConversionBench.typed(bench.kilometres, typed);
        assertThat(typed).containsExactly(raw);
        assertThat(raw[0]).isCloseTo(bench.kilometres[0] / 1.609344, within(1e-9 * raw[0]));
    }

    @Test
    void suiteRowsReferenceExistingBenchmarks() throws NoSuchMethodException {
        UnitsSuite suite = new UnitsSuite();
        assertThat(suite.name()).isEqualTo("units");
        for (Comparison c : suite.comparisons()) {
            for (String key : new String[] {c.ours(), c.peer()}) {
                if (key == null) {
                    continue;
                }
                String name = key.split("[:\\[]")[0];
                String[] parts = name.split("\\.");
                Class<?> bench = suite.benchmarks().stream()
                        .filter(b -> b.getSimpleName().equals(parts[0]))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no benchmark class for " + key));
                assertThat(bench.getMethod(parts[1])).isNotNull();
            }
        }
    }
}
