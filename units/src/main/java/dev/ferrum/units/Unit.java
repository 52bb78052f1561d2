/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

import java.util.Objects;

/**
 * A linear unit of some kind of quantity: a symbol and the factor that converts one of it to the kind's
 * coherent SI unit ({@code KILOMETRE}: {@code "km"}, 1000). Typed by the kind so that {@code Length.of(5, SECOND)}
 * does not compile; units built at run time ({@link #times}, {@link #parse}) are {@code Unit<Quantity>} and
 * are narrowed with {@link #as}.
 *
 * <p>Affine scales (°C as a point, °F as a point) are not units: see {@link TemperaturePoint}. The
 * {@link Units#DEGREE_CELSIUS} unit is a temperature <em>difference</em>. Immutable and thread-safe.
 *
 * @param <Q> the kind of quantity measured in this unit
 */
public final class Unit<Q extends Measure> {

    private final Kind<Q> kind;
    private final String symbol;
    private final double factor;
    private final boolean prefixable;
    private final String name;

    Unit(Kind<Q> kind, String symbol, double factor, boolean prefixable, String name) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException(
                    "unit factor must be positive and finite, got " + factor + " for " + symbol);
        }
        this.factor = factor;
        this.prefixable = prefixable;
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Parses a unit expression such as {@code "kg·m/s^2"}, {@code "km/h"} or {@code "J/(kg·K)"}.
     *
     * @param text the expression
     * @return the unit, of the dynamic or registered kind of its dimension
     * @throws UnitParseException if the text is not a unit expression of known symbols
     */
    public static Unit<Quantity> parse(CharSequence text) {
        return UnitParser.parseUnit(text.toString());
    }

    /**
     * The number of SI units in {@code value} of this unit.
     *
     * @param value a number of this unit
     * @return the SI value
     */
    public double toSi(double value) {
        return value * factor;
    }

    /**
     * The number of this unit in an SI value.
     *
     * @param si a value in the coherent SI unit
     * @return the number of this unit
     */
    public double fromSi(double si) {
        return si / factor;
    }

    /**
     * A quantity of {@code value} of this unit, e.g. {@code KILOMETRE.of(5)}.
     *
     * @param value a number of this unit
     * @return the quantity
     */
    public Q of(double value) {
        return kind.ofSi(value * factor);
    }

    /**
     * This unit with an SI prefix: {@code GRAM.withPrefix(Prefix.MICRO)} is µg.
     *
     * @param prefix the prefix
     * @return the prefixed unit
     * @throws IllegalArgumentException if this unit does not take prefixes (it already has one, or is non-SI)
     */
    public Unit<Q> withPrefix(Prefix prefix) {
        if (!prefixable) {
            throw new IllegalArgumentException("unit " + name + " (" + symbol + ") does not take SI prefixes");
        }
        return new Unit<>(kind, prefix.symbol() + symbol, factor * prefix.factor(), false, prefix.name() + name);
    }

    /**
     * The product unit, e.g. {@code NEWTON.times(METRE)}.
     *
     * @param other the other unit
     * @return a run-time unit of the product dimension
     */
    public Unit<Quantity> times(Unit<?> other) {
        return compound(symbol + "·" + other.bracketed(), dimension().times(other.dimension()), factor * other.factor);
    }

    /**
     * The quotient unit, e.g. {@code KILOMETRE.div(HOUR)}.
     *
     * @param other the divisor unit
     * @return a run-time unit of the quotient dimension
     */
    public Unit<Quantity> div(Unit<?> other) {
        return compound(symbol + "/" + other.bracketed(), dimension().div(other.dimension()), factor / other.factor);
    }

    /**
     * An integer power of this unit, e.g. {@code CENTIMETRE.pow(3)}.
     *
     * @param n the power
     * @return a run-time unit
     */
    public Unit<Quantity> pow(int n) {
        return compound(bracketed() + "^" + n, dimension().pow(n), Math.pow(factor, n));
    }

    static Unit<Quantity> compound(String symbol, Dimension dimension, double factor) {
        return new Unit<>(Kind.dynamic(dimension), symbol, factor, false, symbol);
    }

    private String bracketed() {
        return symbol.matches("[^·/^ ]*") ? symbol : "(" + symbol + ")";
    }

    /**
     * This unit narrowed to a typed kind, e.g. {@code Unit.parse("km/h").as(Velocity.KIND)}.
     *
     * @param target the kind
     * @param <R>    its class
     * @return the same unit, typed
     * @throws DimensionMismatchException if the dimensions differ
     */
    public <R extends Measure> Unit<R> as(Kind<R> target) {
        if (!target.dimension().equals(dimension())) {
            throw new DimensionMismatchException(
                    "unit " + symbol + " has dimension " + dimension() + Kind.describe(dimension()) + ", "
                            + target.name() + " needs " + target.dimension(),
                    target.dimension(),
                    dimension());
        }
        return new Unit<>(target, symbol, factor, prefixable, name);
    }

    /**
     * The kind.
     *
     * @return the kind this unit measures
     */
    public Kind<Q> kind() {
        return kind;
    }

    /**
     * The dimension.
     *
     * @return the kind's dimension
     */
    public Dimension dimension() {
        return kind.dimension();
    }

    /**
     * The symbol, e.g. {@code "km"}.
     *
     * @return the symbol (empty for {@link Units#ONE})
     */
    public String symbol() {
        return symbol;
    }

    /**
     * How many coherent SI units one of this unit is.
     *
     * @return the factor
     */
    public double factor() {
        return factor;
    }

    /**
     * Whether SI prefixes may be applied.
     *
     * @return whether {@link #withPrefix} works
     */
    public boolean isPrefixable() {
        return prefixable;
    }

    /** Units are equal when they have the same dimension, factor and symbol. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Unit<?> u
                && u.dimension().equals(dimension())
                && Double.compare(u.factor, factor) == 0
                && u.symbol.equals(symbol);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dimension(), factor, symbol);
    }

    /** The symbol. */
    @Override
    public String toString() {
        return symbol;
    }
}
