/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A unit's conversion factor to SI, kept as an exact fraction {@code numerator / denominator} of two integers
 * that doubles represent exactly (at most 2^53) whenever the definition allows it: the inch is exactly
 * 254/10000 m, the foot 3048/10000 m, a degree Fahrenheit 5/9 K. Converting {@code v} then computes
 * {@code v × numerator / denominator}, which is exact or correctly rounded when {@code v × numerator} is exact
 * (any integer count of inches), where {@code v × 0.0254} would round the factor first: 12 in is then exactly
 * 0.3048 m, which is exactly 1 ft.
 *
 * <p>Factors that are not such a fraction (π/180 for the degree, 1.602176634e-19 for the electronvolt, whose
 * denominator 10^28 is not an exact double) are kept as {@code value / 1}: one rounding, as before.
 *
 * @param numerator   an integer ≤ 2^53 when {@code exact}, else the factor itself
 * @param denominator an integer ≤ 2^53 when {@code exact}, else 1
 * @param value       {@code numerator / denominator} rounded once
 * @param exact       whether the fraction is the exact definition
 */
record Ratio(double numerator, double denominator, double value, boolean exact) {

    private static final BigInteger MAX_EXACT_INTEGER = BigInteger.ONE.shiftLeft(53);

    static final Ratio ONE = new Ratio(1, 1, 1, true);

    /**
     * The fraction {@code n / d} in lowest terms, exact if both fit in 53 bits.
     *
     * @param n numerator, positive
     * @param d denominator, positive
     * @return the ratio
     */
    static Ratio of(BigInteger n, BigInteger d) {
        BigInteger g = n.gcd(d);
        if (g.signum() > 0) {
            n = n.divide(g);
            d = d.divide(g);
        }
        if (n.compareTo(MAX_EXACT_INTEGER) <= 0 && d.compareTo(MAX_EXACT_INTEGER) <= 0) {
            double nd = n.doubleValue();
            double dd = d.doubleValue();
            return new Ratio(nd, dd, nd / dd, true);
        }
        return inexact(new BigDecimal(n)
                .divide(new BigDecimal(d), new java.math.MathContext(40))
                .doubleValue());
    }

    /**
     * The factor a double stands for: its shortest decimal ({@link Double#toString}), which is what was written in
     * the source ({@code 0.0254}, {@code 133.322387415}), as a fraction with a power-of-ten denominator.
     *
     * @param value a positive finite factor
     * @return the ratio, exact if the decimal fits
     */
    static Ratio ofDecimal(double value) {
        return ofDecimal(new BigDecimal(Double.toString(value)), value);
    }

    /**
     * A decimal or fraction literal as written: {@code "0.0254"}, {@code "5/9"}, {@code "1e3"}.
     *
     * @param text the literal
     * @return the ratio
     * @throws NumberFormatException if it is neither
     */
    static Ratio parse(String text) {
        int slash = text.indexOf('/');
        if (slash >= 0) {
            BigDecimal n = new BigDecimal(text.substring(0, slash));
            BigDecimal d = new BigDecimal(text.substring(slash + 1));
            return of(fraction(n)[0].multiply(fraction(d)[1]), fraction(n)[1].multiply(fraction(d)[0]));
        }
        BigDecimal b = new BigDecimal(text);
        return ofDecimal(b, b.doubleValue());
    }

    private static Ratio ofDecimal(BigDecimal b, double value) {
        BigInteger[] f = fraction(b);
        Ratio r = of(f[0], f[1]);
        return r.exact ? r : inexact(value);
    }

    /** A decimal as {numerator, denominator} with a power-of-ten denominator. */
    private static BigInteger[] fraction(BigDecimal b) {
        b = b.stripTrailingZeros();
        if (b.scale() <= 0) {
            return new BigInteger[] {b.toBigIntegerExact(), BigInteger.ONE};
        }
        return new BigInteger[] {b.unscaledValue(), BigInteger.TEN.pow(b.scale())};
    }

    static Ratio inexact(double value) {
        return new Ratio(value, 1, value, false);
    }

    /**
     * The product.
     *
     * @param o the other factor
     * @return exact if both are and the result still fits
     */
    Ratio times(Ratio o) {
        if (exact && o.exact) {
            return of(
                    big(numerator).multiply(big(o.numerator)), big(denominator).multiply(big(o.denominator)));
        }
        return inexact(value * o.value);
    }

    /**
     * The quotient.
     *
     * @param o the divisor
     * @return exact if both are and the result still fits
     */
    Ratio div(Ratio o) {
        if (exact && o.exact) {
            return of(
                    big(numerator).multiply(big(o.denominator)),
                    big(denominator).multiply(big(o.numerator)));
        }
        return inexact(value / o.value);
    }

    /**
     * An integer power; callers bound {@code n} (the parser allows |n| ≤ 99).
     *
     * @param n the power
     * @return exact if this is and the result fits
     */
    Ratio pow(int n) {
        if (exact && Math.abs(n) <= 64) {
            BigInteger a = big(numerator).pow(Math.abs(n));
            BigInteger b = big(denominator).pow(Math.abs(n));
            return n >= 0 ? of(a, b) : of(b, a);
        }
        return inexact(Math.pow(value, n));
    }

    private static BigInteger big(double integer) {
        return BigDecimal.valueOf(integer).toBigIntegerExact();
    }

    /**
     * {@code v} of this unit in SI: {@code v × numerator / denominator}, branch-free so that conversion loops
     * vectorise (the test on the denominator is loop-invariant). For |v| above {@code Double.MAX_VALUE / numerator}
     * (about 7e305 inches) the product overflows to infinity even where the result would not; an exact numerator is
     * at most 2^53, so the limit is above 1e292.
     *
     * @param v a number of units
     * @return the SI value
     */
    double toSi(double v) {
        return denominator == 1.0 ? v * numerator : v * numerator / denominator;
    }

    /**
     * The number of units in an SI value: {@code si × denominator / numerator} (the same overflow caveat).
     *
     * @param si the SI value
     * @return the number of units
     */
    double fromSi(double si) {
        return denominator == 1.0 ? si / numerator : si * denominator / numerator;
    }
}
