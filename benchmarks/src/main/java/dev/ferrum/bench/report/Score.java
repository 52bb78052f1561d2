/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.report;

/**
 * One measured value.
 *
 * @param value        the score
 * @param error        the 99.9% confidence half-width JMH reports, or {@code NaN}
 * @param unit         JMH's unit, e.g. {@code ns/op} or {@code ops/s}
 * @param bytesPerOp   heap allocation per operation from {@code -prof gc}, or {@code NaN} if not profiled
 */
public record Score(double value, double error, String unit, double bytesPerOp) {

    /**
     * Whether a larger value is better for this unit: time-per-operation units ({@code ns/op},
     * {@code s/op}, ...) are better when smaller; rates ({@code ops/s}, {@code MB/s}) when larger.
     */
    public static boolean higherIsBetter(String unit) {
        return unit == null || !unit.endsWith("/op");
    }
}
