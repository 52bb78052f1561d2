/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

/**
 * A physical dimension: the integer exponents of the seven SI base dimensions, length (L), mass (M),
 * time (T), electric current (I), thermodynamic temperature (Θ), amount of substance (N) and luminous
 * intensity (J), plus plane angle (A, the radian). Force is {@code L·M·T^-2}, i.e.
 * {@code Dimension.of(1, 1, -2, 0, 0, 0, 0)}.
 *
 * <p><b>Angle is tracked as an eighth exponent</b>, as in the "strong angular" system of the C++ mp-units
 * library and Boost.Units' plane-angle dimension, so that an angular velocity (rad/s, {@code A·T^-1}) is not a
 * frequency (Hz, {@code T^-1}) and a solid angle (sr) is {@code A^2}. SI calls the radian dimensionless (m/m);
 * the library honours that where no kind carries the angle: an angle factor that no kind accounts for is dropped
 * (arc length = radius × angle is a {@code Length}; torque × angle is an {@code Energy}). See
 * {@link #withoutAngle()} and the module README.
 *
 * <p>Every exponent is within ±{@value #MAX_EXPONENT}: larger exponents have no physical meaning and only come
 * from runaway arithmetic ({@code (((m^99)^99)^99)^99}), so they are an {@link ArithmeticException}, never a
 * silent wrap-around.
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
 * @param angle             exponent of A (radian)
 */
public record Dimension(
        int length, int mass, int time, int current, int temperature, int amount, int luminousIntensity, int angle) {

    /** The largest absolute value an exponent may have. */
    public static final int MAX_EXPONENT = 99;

    /** The dimension of pure numbers (all exponents zero). */
    public static final Dimension NONE = new Dimension(0, 0, 0, 0, 0, 0, 0, 0);

    /** The dimension of plane angle ({@code A}, the radian). */
    public static final Dimension ANGLE = new Dimension(0, 0, 0, 0, 0, 0, 0, 1);

    private static final int COUNT = 8;
    private static final String[] BASE_NAMES = {"L", "M", "T", "I", "Θ", "N", "J", "A"};
    /** Coherent SI base-unit symbols in the order {@link Dimension#baseUnitSymbol} prints them. */
    private static final String[] BASE_SYMBOLS = {"m", "kg", "s", "A", "K", "mol", "cd", "rad"};

    /**
     * Checks the exponent range.
     *
     * @throws ArithmeticException if an exponent is beyond ±{@value #MAX_EXPONENT}
     */
    public Dimension {
        int[] e = {length, mass, time, current, temperature, amount, luminousIntensity, angle};
        for (int k = 0; k < COUNT; k++) {
            if (Math.abs(e[k]) > MAX_EXPONENT) {
                throw new ArithmeticException("dimension exponent out of range: " + BASE_NAMES[k] + "^" + e[k]
                        + " (at most ±" + MAX_EXPONENT + ")");
            }
        }
    }

    /**
     * A dimension without an angle exponent.
     *
     * @param length            exponent of L
     * @param mass              exponent of M
     * @param time              exponent of T
     * @param current           exponent of I
     * @param temperature       exponent of Θ
     * @param amount            exponent of N
     * @param luminousIntensity exponent of J
     */
    public Dimension(int length, int mass, int time, int current, int temperature, int amount, int luminousIntensity) {
        this(length, mass, time, current, temperature, amount, luminousIntensity, 0);
    }

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
     * @return the dimension (angle exponent 0)
     */
    public static Dimension of(
            int length, int mass, int time, int current, int temperature, int amount, int luminousIntensity) {
        return new Dimension(length, mass, time, current, temperature, amount, luminousIntensity, 0);
    }

    /**
     * The dimension with these exponents, including plane angle.
     *
     * @param length            exponent of L
     * @param mass              exponent of M
     * @param time              exponent of T
     * @param current           exponent of I
     * @param temperature       exponent of Θ
     * @param amount            exponent of N
     * @param luminousIntensity exponent of J
     * @param angle             exponent of A
     * @return the dimension
     * @throws ArithmeticException if an exponent is beyond ±{@value #MAX_EXPONENT}
     */
    public static Dimension of(
            int length,
            int mass,
            int time,
            int current,
            int temperature,
            int amount,
            int luminousIntensity,
            int angle) {
        return new Dimension(length, mass, time, current, temperature, amount, luminousIntensity, angle);
    }

    private static Dimension of(long[] e) {
        return new Dimension(
                exponent(e[0]),
                exponent(e[1]),
                exponent(e[2]),
                exponent(e[3]),
                exponent(e[4]),
                exponent(e[5]),
                exponent(e[6]),
                exponent(e[7]));
    }

    private static int exponent(long e) {
        // Out-of-int values saturate so the constructor's range check reports them (instead of wrapping).
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, e));
    }

    private long[] wide() {
        return new long[] {length, mass, time, current, temperature, amount, luminousIntensity, angle};
    }

    /**
     * The exponents as an array in the order L, M, T, I, Θ, N, J, A.
     *
     * @return a new array of eight exponents
     */
    public int[] exponents() {
        return new int[] {length, mass, time, current, temperature, amount, luminousIntensity, angle};
    }

    /**
     * This dimension with the angle exponent set to zero: what SI (where rad = m/m = 1) calls the same dimension.
     * Narrowing uses it only when no kind is registered for the exact exponents.
     *
     * @return the dimension without angle
     */
    public Dimension withoutAngle() {
        return angle == 0 ? this : new Dimension(length, mass, time, current, temperature, amount, luminousIntensity);
    }

    /**
     * The dimension of a product: exponents add.
     *
     * @param other the other factor's dimension
     * @return the product's dimension
     * @throws ArithmeticException if an exponent leaves ±{@value #MAX_EXPONENT}
     */
    public Dimension times(Dimension other) {
        long[] a = wide();
        long[] b = other.wide();
        for (int k = 0; k < COUNT; k++) {
            a[k] += b[k];
        }
        return of(a);
    }

    /**
     * The dimension of a quotient: exponents subtract.
     *
     * @param other the divisor's dimension
     * @return the quotient's dimension
     * @throws ArithmeticException if an exponent leaves ±{@value #MAX_EXPONENT}
     */
    public Dimension div(Dimension other) {
        long[] a = wide();
        long[] b = other.wide();
        for (int k = 0; k < COUNT; k++) {
            a[k] -= b[k];
        }
        return of(a);
    }

    /**
     * The dimension of an integer power: exponents multiply.
     *
     * @param n the power, may be negative
     * @return the power's dimension
     * @throws ArithmeticException if an exponent leaves ±{@value #MAX_EXPONENT}
     */
    public Dimension pow(int n) {
        long[] a = wide();
        for (int k = 0; k < COUNT; k++) {
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
        long[] a = wide();
        for (int k = 0; k < COUNT; k++) {
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
        for (int k = 0; k < COUNT; k++) {
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
