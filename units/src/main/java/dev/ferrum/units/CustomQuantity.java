/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

/**
 * The base class of quantity kinds defined by users, without rebuilding the library: a dynamic viscosity, a
 * fuel consumption, anything {@code dimensions.txt} does not list.
 * <pre>{@code
 * public final class Viscosity extends CustomQuantity<Viscosity> {
 *     public static final Kind<Viscosity> KIND =
 *             Kind.define("Viscosity", Dimension.of(-1, 1, -1, 0, 0, 0, 0), "Pa·s", Viscosity::new);
 *     private Viscosity(double si) { super(si); }
 *     @Override public Kind<Viscosity> kind() { return KIND; }
 * }
 * Viscosity water = Viscosity.KIND.ofSi(1.0e-3);
 * Viscosity sum = water.plus(water);                            // same kind only: checked by javac
 * Force drag = water.times(Length.metres(1)).times(Velocity.metresPerSecond(2)).as(Force.KIND); // run-time check
 * }</pre>
 * What the generated kinds have and these do not: the {@code times}/{@code div} table. A product with a
 * custom kind is a run-time {@link Quantity} that is narrowed with {@link Quantity#as} (one dimension check),
 * because the table is computed at build time. Everything else — same-kind arithmetic and comparison, typed
 * units ({@link Unit#define}), conversion, formatting, parsing ({@link Kind#parse}), lookups by dimension
 * ({@link Kind#of}) — works as for a generated kind.
 *
 * <p>Subclasses should be final, immutable and hold no other state; this class holds the SI value. The
 * dimension always comes from the kind, which {@link Kind#define} validated.
 *
 * @param <Q> the subclass itself
 */
public abstract non-sealed class CustomQuantity<Q extends CustomQuantity<Q>> implements Measure, Comparable<Q> {

    private final double si;

    /**
     * Creates the quantity.
     *
     * @param si the value in the kind's coherent SI unit
     */
    protected CustomQuantity(double si) {
        this.si = si;
    }

    /** The kind: return the constant {@link Kind#define} created. */
    @Override
    public abstract Kind<Q> kind();

    @Override
    public final double si() {
        return si;
    }

    @Override
    public final Dimension dimension() {
        return kind().dimension();
    }

    /**
     * The sum.
     *
     * @param other a quantity of the same kind
     * @return the sum
     */
    public final Q plus(Q other) {
        return kind().ofSi(si + other.si());
    }

    /**
     * The difference.
     *
     * @param other a quantity of the same kind
     * @return the difference
     */
    public final Q minus(Q other) {
        return kind().ofSi(si - other.si());
    }

    /**
     * Scalar product.
     *
     * @param factor a pure number
     * @return the product
     */
    public final Q times(double factor) {
        return kind().ofSi(si * factor);
    }

    /**
     * Scalar quotient.
     *
     * @param divisor a pure number
     * @return the quotient
     */
    public final Q div(double divisor) {
        return kind().ofSi(si / divisor);
    }

    /**
     * The negated quantity.
     *
     * @return {@code -this}
     */
    public final Q negate() {
        return kind().ofSi(-si);
    }

    /**
     * The product with any measure, as a run-time quantity; narrow it with {@link Quantity#as}.
     *
     * @param other any measure
     * @return the product
     */
    public final Quantity times(Measure other) {
        return toQuantity().times(other);
    }

    /**
     * The quotient by any measure, as a run-time quantity; narrow it with {@link Quantity#as}.
     *
     * @param other any measure
     * @return the quotient
     */
    public final Quantity div(Measure other) {
        return toQuantity().div(other);
    }

    /**
     * The number of {@code unit}s in this quantity.
     *
     * @param unit a unit of this kind
     * @return the value in that unit
     * @throws DimensionMismatchException if a raw or unchecked cast passed a unit of another dimension
     */
    public final double in(Unit<Q> unit) {
        return kind().check(unit).fromSi(si);
    }

    /**
     * The value in {@code unit} followed by its symbol.
     *
     * @param unit a unit of this kind
     * @return the text, e.g. {@code "1.0 mPa·s"}
     */
    public final String format(Unit<Q> unit) {
        return Quantity.format(in(unit), unit.symbol());
    }

    /**
     * This value as a run-time {@link Quantity}.
     *
     * @return the same value with its dimension carried at run time
     */
    public final Quantity toQuantity() {
        return Quantity.ofSi(si, dimension());
    }

    /** Orders by value ({@link Double#compare} of the SI values). */
    @Override
    public final int compareTo(Q other) {
        return Double.compare(si, other.si());
    }

    /** Equal when the other is of the same class with the same SI value. */
    // getClass, not instanceof: two user kinds with the same SI value (a torque and an energy) are not equal.
    @SuppressWarnings("EqualsGetClass")
    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Double.compare(((CustomQuantity<?>) o).si, si) == 0;
    }

    @Override
    public final int hashCode() {
        return Double.hashCode(si);
    }

    /** The SI value and the kind's coherent unit symbol; {@link Kind#parse} reads it back. */
    @Override
    public final String toString() {
        return Quantity.format(si, kind().symbol());
    }
}
