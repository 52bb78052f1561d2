/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

/**
 * A physical dimension: the integer exponents of the seven SI base dimensions, length (L), mass (M),
 * time (T), electric current (I), thermodynamic temperature (Θ), amount of substance (N) and luminous
 * intensity (J). Force is {@code L·M·T^-2}, i.e. {@code Dimension.of(1, 1, -2, 0, 0, 0, 0)}.
 *
 * <p>This is the run-time mirror of what the generated classes encode in their types: the build-time
 * generator does the same exponent arithmetic once per pair of kinds, a {@link Quantity} does it per
 * operation. Immutable and thread-safe.
 *
 * @param length            exponent of L (metre)
 * @param mass              exponent of M (kilogram)
 * @param time              exponent of T (second)
 * @param current           exponent of I (ampere)
 * @param temperature       exponent of Θ (kelvin)
 * @param amount            exponent of N (mole)
 * @param luminousIntensity exponent of J (candela)
 */
public record Dimension(
        int length, int mass, int time, int current, int temperature, int amount, int luminousIntensity) {

    /** The dimension of pure numbers (all exponents zero). */
    public static final Dimension NONE = new Dimension(0, 0, 0, 0, 0, 0, 0);

    private static final String[] BASE_NAMES = {"L", "M", "T", "I", "Θ", "N", "J"};
    /** Coherent SI base-unit symbols in the order {@link Dimension#baseUnitSymbol} prints them. */
    private static final String[] BASE_SYMBOLS = {"m", "kg", "s", "A", "K", "mol", "cd"};

    /**
     * The dimension with these exponents.
     *
     * @param length            exponent of L
     * @param mass              exponent of M
     * @param time              exponent of T
     * @param current           exponent of I
     * @param temperature       exponent of Θ
     * @param amount            exponent of N
     * @param luminousIntensity exponent of J
     * @return the dimension
     */
    public static Dimension of(
            int length, int mass, int time, int current, int temperature, int amount, int luminousIntensity) {
        return new Dimension(length, mass, time, current, temperature, amount, luminousIntensity);
    }

    private static Dimension of(int[] e) {
        return new Dimension(e[0], e[1], e[2], e[3], e[4], e[5], e[6]);
    }

    /**
     * The exponents as an array in the order L, M, T, I, Θ, N, J.
     *
     * @return a new array of seven exponents
     */
    public int[] exponents() {
        return new int[] {length, mass, time, current, temperature, amount, luminousIntensity};
    }

    /**
     * The dimension of a product: exponents add.
     *
     * @param other the other factor's dimension
     * @return the product's dimension
     */
    public Dimension times(Dimension other) {
        int[] a = exponents();
        int[] b = other.exponents();
        for (int k = 0; k < 7; k++) {
            a[k] += b[k];
        }
        return of(a);
    }

    /**
     * The dimension of a quotient: exponents subtract.
     *
     * @param other the divisor's dimension
     * @return the quotient's dimension
     */
    public Dimension div(Dimension other) {
        int[] a = exponents();
        int[] b = other.exponents();
        for (int k = 0; k < 7; k++) {
            a[k] -= b[k];
        }
        return of(a);
    }

    /**
     * The dimension of an integer power: exponents multiply.
     *
     * @param n the power, may be negative
     * @return the power's dimension
     */
    public Dimension pow(int n) {
        int[] a = exponents();
        for (int k = 0; k < 7; k++) {
            a[k] *= n;
        }
        return of(a);
    }

    /**
     * The dimension of an n-th root.
     *
     * @param n the root, at least 1
     * @return the root's dimension
     * @throws IllegalArgumentException if some exponent is not divisible by {@code n}
     */
    public Dimension root(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("root must be at least 1, got " + n);
        }
        int[] a = exponents();
        for (int k = 0; k < 7; k++) {
            if (a[k] % n != 0) {
                throw new IllegalArgumentException("cannot take root " + n + " of dimension " + this + ": exponent of "
                        + BASE_NAMES[k] + " is " + a[k]);
            }
            a[k] /= n;
        }
        return of(a);
    }

    /**
     * Whether all exponents are zero.
     *
     * @return whether this is {@link #NONE}
     */
    public boolean isNone() {
        return equals(NONE);
    }

    /**
     * The coherent SI unit of this dimension written in base units, e.g. {@code "m^2·kg·s^-2"} for energy;
     * empty for {@link #NONE}. {@link Quantity#parse} reads it back.
     *
     * @return the base-unit expression
     */
    public String baseUnitSymbol() {
        return join(BASE_SYMBOLS);
    }

    /** The exponents in dimension notation, e.g. {@code "L·M·T^-2"}; {@code "1"} for {@link #NONE}. */
    @Override
    public String toString() {
        String s = join(BASE_NAMES);
        return s.isEmpty() ? "1" : s;
    }

    private String join(String[] names) {
        int[] e = exponents();
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 7; k++) {
            if (e[k] != 0) {
                if (!sb.isEmpty()) {
                    sb.append('·');
                }
                sb.append(names[k]);
                if (e[k] != 1) {
                    sb.append('^').append(e[k]);
                }
            }
        }
        return sb.toString();
    }
}
