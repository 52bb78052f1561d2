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
 * <p>Factors are kept as exact fractions where the definition allows ({@code 0.0254} m per inch is
 * 254/10000), so defined conversions are exact: 12 in is exactly 1 ft. New units: {@link #define},
 * {@link #register}.
 *
 * <p>Affine scales (°C as a point, °F as a point) are not units: see {@link TemperaturePoint}. The
 * {@link Units#DEGREE_CELSIUS} unit ({@code Δ°C}) is a temperature <em>difference</em>. Immutable and thread-safe.
 *
 * @param <Q> the kind of quantity measured in this unit
 */
public final class Unit<Q extends Measure> {

    private final Kind<Q> kind;
    private final String symbol;
    private final Ratio ratio;
    private final boolean prefixable;
    private final String name;

    Unit(Kind<Q> kind, String symbol, Ratio ratio, boolean prefixable, String name) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        double factor = ratio.value();
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException(
                    "unit factor must be positive and finite, got " + factor + " for " + symbol);
        }
        this.ratio = ratio;
        this.prefixable = prefixable;
        this.name = Objects.requireNonNull(name, "name");
    }

    /** For generated code: a factor written in {@code dimensions.txt} ({@code "0.0254"}, {@code "5/9"}). */
    Unit(Kind<Q> kind, String symbol, String factor, boolean prefixable, String name) {
        this(kind, symbol, Ratio.parse(factor), prefixable, name);
    }

    /**
     * Defines a new unit as a multiple of an existing one, without rebuilding the library:
     * <pre>{@code
     * Unit<Length> FURLONG = Unit.define("fur", 660, Units.FOOT);           // exactly 201.168 m
     * Unit<Pressure> MMHG = Unit.define("mmHg", 133.322387415, Units.PASCAL);
     * Length.of(1, FURLONG).in(Units.METRE);                               // 201.168
     * }</pre>
     * The multiple is taken as the decimal it prints as ({@link Double#toString}), so a definition written as a
     * decimal literal stays an exact fraction where doubles allow it (see the module README). The new unit is
     * typed like {@code of}; to parse its symbol too, {@link #register} it.
     *
     * @param symbol the symbol, e.g. {@code "fur"}; not empty, no spaces or operators
     * @param amount how many {@code of} one new unit is; positive and finite
     * @param of     the unit it is defined in
     * @param <Q>    the kind
     * @return the new unit (not prefixable)
     * @throws IllegalArgumentException if the symbol or amount is invalid
     */
    public static <Q extends Measure> Unit<Q> define(String symbol, double amount, Unit<Q> of) {
        checkSymbol(symbol);
        if (!(amount > 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException(
                    "the amount defining " + symbol + " must be positive and finite, got " + amount);
        }
        return new Unit<>(of.kind, symbol, Ratio.ofDecimal(amount).times(of.ratio), false, symbol);
    }

    /**
     * Makes a unit's symbol known to every parser of this library ({@link Quantity#parse}, {@link Unit#parse}, the
     * generated {@code parse} methods), e.g. after {@link #define}: {@code Unit.register(FURLONG)} and then
     * {@code Length.parse("3 fur")}. The registry is global and thread-safe; a symbol can be registered once.
     * Registering the same unit again is a no-op.
     *
     * @param unit the unit
     * @param <Q>  its kind
     * @return the unit
     * @throws IllegalArgumentException if the symbol already names another unit (built in or registered); nothing
     *                                  is registered then
     */
    public static <Q extends Measure> Unit<Q> register(Unit<Q> unit) {
        UnitParser.register(unit);
        return unit;
    }

    private static void checkSymbol(String symbol) {
        Objects.requireNonNull(symbol, "symbol");
        if (symbol.isEmpty() || !UnitParser.isSymbol(symbol)) {
            throw new IllegalArgumentException("'" + symbol
                    + "' is not a unit symbol: it must be non-empty, not start with a digit, and contain no spaces,"
                    + " operators (·*/^), parentheses, signs or superscripts");
        }
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
        return ratio.toSi(value);
    }

    /**
     * The number of this unit in an SI value.
     *
     * @param si a value in the coherent SI unit
     * @return the number of this unit
     */
    public double fromSi(double si) {
        return ratio.fromSi(si);
    }

    /**
     * Converts a number of this unit directly to a number of {@code target}, with the exact ratio between the two
     * definitions ({@code INCH.convert(v, FOOT)} is {@code v / 12}, one rounding), not through a rounded SI value:
     * {@code INCH.convert(12.0 * n, FOOT) == n} for every whole n, {@code FOOT.convert(5280.0 * n, MILE) == n}.
     * Going through a quantity ({@code Length.of(v, INCH).in(FOOT)}) rounds twice (to SI, then from SI) and is
     * within an ulp or two, exact in common cases such as 12 in = 1 ft.
     *
     * <p>Computes the ratio per call (exact integer arithmetic): for a hot loop, convert to SI once instead.
     *
     * @param value  a number of this unit
     * @param target a unit of the same dimension
     * @return the number of {@code target}
     * @throws DimensionMismatchException if {@code target} measures another dimension (a raw or unchecked cast)
     */
    public double convert(double value, Unit<Q> target) {
        if (!target.dimension().equals(dimension())) {
            throw new DimensionMismatchException(
                    "cannot convert " + symbol + " (" + dimension() + ") to " + target.symbol + " ("
                            + target.dimension() + ")",
                    dimension(),
                    target.dimension());
        }
        return ratio.div(target.ratio).toSi(value);
    }

    /**
     * A quantity of {@code value} of this unit, e.g. {@code KILOMETRE.of(5)}.
     *
     * @param value a number of this unit
     * @return the quantity
     */
    public Q of(double value) {
        return kind.ofSi(ratio.toSi(value));
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
        return new Unit<>(kind, prefix.symbol() + symbol, ratio.times(prefix.ratio()), false, prefix.name() + name);
    }

    /**
     * The product unit, e.g. {@code NEWTON.times(METRE)}.
     *
     * @param other the other unit
     * @return a run-time unit of the product dimension
     */
    public Unit<Quantity> times(Unit<?> other) {
        return compound(
                symbol + "·" + other.bracketed(), dimension().times(other.dimension()), ratio.times(other.ratio));
    }

    /**
     * The quotient unit, e.g. {@code KILOMETRE.div(HOUR)}.
     *
     * @param other the divisor unit
     * @return a run-time unit of the quotient dimension
     */
    public Unit<Quantity> div(Unit<?> other) {
        return compound(symbol + "/" + other.bracketed(), dimension().div(other.dimension()), ratio.div(other.ratio));
    }

    /**
     * An integer power of this unit, e.g. {@code CENTIMETRE.pow(3)}.
     *
     * @param n the power
     * @return a run-time unit
     */
    public Unit<Quantity> pow(int n) {
        return compound(bracketed() + "^" + n, dimension().pow(n), ratio.pow(n));
    }

    static Unit<Quantity> compound(String symbol, Dimension dimension, Ratio ratio) {
        return new Unit<>(Kind.dynamic(dimension), symbol, ratio, false, symbol);
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
        return new Unit<>(target, symbol, ratio, prefixable, name);
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
        return ratio.value();
    }

    Ratio ratio() {
        return ratio;
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
                && Double.compare(u.factor(), factor()) == 0
                && u.symbol.equals(symbol);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dimension(), factor(), symbol);
    }

    /** The symbol. */
    @Override
    public String toString() {
        return symbol;
    }
}
