/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.units;

import dev.ferrum.units.Length;
import dev.ferrum.units.Units;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of the run-time unit check in the typed {@code of(value, unit)} and {@code in(unit)} (one reference
 * comparison each, there only to catch raw or unchecked casts): 1024 distances converted from kilometres to miles
 * through a typed {@code Length}, against raw doubles doing the same exact-fraction arithmetic the units do
 * ({@code km × 1000} to metres, {@code m × 1000 / 1609344} to miles), so the results are bit-for-bit equal
 * ({@code UnitsKernelsTest}) and the difference is the check. One operation = 1024 conversions.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ConversionBench {

    static final int VALUES = 1024;

    final double[] kilometres = new double[VALUES];
    final double[] miles = new double[VALUES];

    public ConversionBench() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < VALUES; i++) {
            kilometres[i] = random.nextDouble(0.1, 1e4);
        }
    }

    @Benchmark
    public double raw() {
        return raw(kilometres, miles);
    }

    @Benchmark
    public double typed() {
        return typed(kilometres, miles);
    }

    static double raw(double[] km, double[] out) {
        for (int i = 0; i < km.length; i++) {
            double metres = km[i] * 1000.0;
            out[i] = metres * 1000.0 / 1609344.0;
        }
        return out[0];
    }

    static double typed(double[] km, double[] out) {
        for (int i = 0; i < km.length; i++) {
            out[i] = Length.of(km[i], Units.KILOMETRE).in(Units.MILE);
        }
        return out[0];
    }
}
