/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.report;

/**
 * One measured value with its uncertainty.
 *
 * <p>The interval {@code [lo, hi]} is what the measurement can vouch for: JMH's 99.9% confidence interval for a
 * single fork, the range (min to max) of the forks' scores when there are several, or what a harness outside
 * JMH reports (the best and 10th-percentile round of an interleaved run). {@code NaN} bounds mean unknown.
 *
 * @param value      the score
 * @param lo         lower end of its interval, or {@code NaN}
 * @param hi         upper end of its interval, or {@code NaN}
 * @param unit       JMH's unit, e.g. {@code ns/op} or {@code ops/s}
 * @param bytesPerOp heap allocation per operation from {@code -prof gc}, or {@code NaN} if not profiled
 */
public record Score(double value, double lo, double hi, String unit, double bytesPerOp) {

    /**
     * A score with a symmetric error half-width (JMH's {@code scoreError}); {@code NaN} error means unknown.
     */
    public Score(double value, double error, String unit, double bytesPerOp) {
        this(value, value - error, value + error, unit, bytesPerOp);
    }

    /** A score with an interval that need not be symmetric (min-max over forks or rounds). */
    public static Score interval(double value, double lo, double hi, String unit, double bytesPerOp) {
        return new Score(value, lo, hi, unit, bytesPerOp);
    }

    /** Half the interval's width, or {@code NaN} when unknown. */
    public double error() {
        return (hi - lo) / 2;
    }

    /** Whether both ends of the interval are known. */
    public boolean hasInterval() {
        return !Double.isNaN(lo) && !Double.isNaN(hi);
    }

    /** The same score in another unit: value and interval multiplied by {@code factor}. */
    public Score scaled(double factor, String newUnit) {
        double a = lo * factor;
        double b = hi * factor;
        return new Score(value * factor, Math.min(a, b), Math.max(a, b), newUnit, bytesPerOp);
    }

    /**
     * Whether a larger value is better for this unit: time-per-operation units ({@code ns/op},
     * {@code s/op}, ...) are better when smaller; rates ({@code ops/s}, {@code MB/s}) when larger.
     */
    public static boolean higherIsBetter(String unit) {
        return unit == null || !unit.endsWith("/op");
    }
}
