/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

import java.util.Objects;

/**
 * A quantity whose dimension is known only at run time: values read from files, parsed text, products the
 * description has no kind for ({@code velocity²}). Every operation checks dimensions and throws
 * {@link DimensionMismatchException} where the typed classes would not have compiled.
 *
 * <p>Interoperates with the typed classes through {@link Measure}: {@code Quantity.of(length).times(time)},
 * {@code Length.from(quantity)}, {@code quantity.as(Length.KIND)}. Immutable, thread-safe, value-based.
 */
public final class Quantity implements Measure, Comparable<Quantity> {

    private final double si;
    private final Dimension dimension;

    private Quantity(double si, Dimension dimension) {
        this.si = si;
        this.dimension = Objects.requireNonNull(dimension, "dimension");
    }

    /**
     * A quantity from its SI value and dimension.
     *
     * @param si        value in the coherent SI unit
     * @param dimension its dimension
     * @return the quantity
     */
    public static Quantity ofSi(double si, Dimension dimension) {
        return new Quantity(si, dimension);
    }

    /**
     * {@code value} of {@code unit}, for any unit including parsed ones.
     *
     * @param value a number of units
     * @param unit  the unit
     * @return the quantity
     */
    public static Quantity of(double value, Unit<?> unit) {
        return new Quantity(unit.toSi(value), unit.dimension());
    }

    /**
     * The run-time view of any measure (a typed quantity loses its static kind, keeps its dimension).
     *
     * @param measure a measure
     * @return the same value as a {@code Quantity}
     */
    public static Quantity of(Measure measure) {
        return measure instanceof Quantity q ? q : new Quantity(measure.si(), measure.dimension());
    }

    /**
     * Parses a number followed by a unit expression: {@code "9.81 m/s^2"}, {@code "5 km"}, {@code "-3.2e-5 kg·m^2"},
     * {@code "12 J/(kg·K)"}, {@code "0.5"} (dimensionless). Symbols are those of {@link Units} plus SI prefixes on
     * prefixable units ({@code "MeV"}, {@code "mbar"}); {@code ·}, {@code *} and spaces multiply, {@code /} divides the
     * next factor, {@code ^n} (or {@code ²}, {@code ³}) raises. Every {@code toString} of this package parses back
     * to the same value. A number followed only by {@code °C}/{@code degC} or {@code °F}/{@code degF} is a
     * thermometer reading, converted to the absolute temperature ({@code "25 °C"} is 298.15 K); a temperature
     * difference is written {@code "25 Δ°C"} (or {@code delta_degC}, or in K). Symbols added with
     * {@link Unit#register} are recognised too.
     *
     * @param text the text
     * @return the quantity
     * @throws UnitParseException with the position of the first problem
     */
    public static Quantity parse(CharSequence text) {
        return UnitParser.parseQuantity(text.toString());
    }

    @Override
    public double si() {
        return si;
    }

    @Override
    public Dimension dimension() {
        return dimension;
    }

    @Override
    public Kind<? extends Measure> kind() {
        return Kind.of(dimension);
    }

    /**
     * Narrows to a typed quantity.
     *
     * @param kind the kind, e.g. {@code Acceleration.KIND}
     * @param <Q>  its class
     * @return the typed quantity
     * @throws DimensionMismatchException if the dimensions differ
     */
    public <Q extends Measure> Q as(Kind<Q> kind) {
        return kind.narrow(this);
    }

    /**
     * The number of {@code unit}s in this quantity.
     *
     * @param unit a unit of the same dimension
     * @return the value in that unit
     * @throws DimensionMismatchException if the unit has another dimension
     */
    public double in(Unit<?> unit) {
        check("convert to " + unit.symbol(), unit.dimension());
        return unit.fromSi(si);
    }

    /**
     * This quantity expressed in a unit, for display.
     *
     * @param unit a unit of the same dimension
     * @return value and unit
     * @throws DimensionMismatchException if the unit has another dimension
     */
    public UnitValue<Quantity> to(Unit<?> unit) {
        double value = in(unit);
        return new UnitValue<>(value, Unit.compound(unit.symbol(), dimension, unit.ratio()));
    }

    /**
     * The sum.
     *
     * @param other a measure of the same dimension
     * @return the sum
     * @throws DimensionMismatchException if the dimensions differ
     */
    public Quantity plus(Measure other) {
        check("add", other.dimension());
        return new Quantity(si + other.si(), dimension);
    }

    /**
     * The difference.
     *
     * @param other a measure of the same dimension
     * @return the difference
     * @throws DimensionMismatchException if the dimensions differ
     */
    public Quantity minus(Measure other) {
        check("subtract", other.dimension());
        return new Quantity(si - other.si(), dimension);
    }

    /**
     * The product; dimensions multiply.
     *
     * @param other any measure
     * @return the product
     */
    public Quantity times(Measure other) {
        return new Quantity(si * other.si(), dimension.times(other.dimension()));
    }

    /**
     * The quotient; dimensions divide.
     *
     * @param other any measure
     * @return the quotient
     */
    public Quantity div(Measure other) {
        return new Quantity(si / other.si(), dimension.div(other.dimension()));
    }

    /**
     * Scalar product.
     *
     * @param factor a pure number
     * @return the product
     */
    public Quantity times(double factor) {
        return new Quantity(si * factor, dimension);
    }

    /**
     * Scalar quotient.
     *
     * @param divisor a pure number
     * @return the quotient
     */
    public Quantity div(double divisor) {
        return new Quantity(si / divisor, dimension);
    }

    /**
     * An integer power.
     *
     * @param n the power
     * @return {@code this^n}
     * @throws ArithmeticException if an exponent of the dimension would leave ±{@value Dimension#MAX_EXPONENT}
     */
    public Quantity pow(int n) {
        return new Quantity(Math.pow(si, n), dimension.pow(n));
    }

    /**
     * The square root.
     *
     * @return the root
     * @throws IllegalArgumentException if some exponent is odd
     */
    public Quantity sqrt() {
        return new Quantity(Math.sqrt(si), dimension.root(2));
    }

    /**
     * The negated quantity.
     *
     * @return {@code -this}
     */
    public Quantity negate() {
        return new Quantity(-si, dimension);
    }

    /**
     * The absolute value.
     *
     * @return {@code |this|}
     */
    public Quantity abs() {
        return new Quantity(Math.abs(si), dimension);
    }

    /**
     * Orders by SI value.
     *
     * @throws DimensionMismatchException if the dimensions differ
     */
    @Override
    public int compareTo(Quantity other) {
        check("compare", other.dimension);
        return Double.compare(si, other.si);
    }

    /**
     * The value in {@code unit} followed by its symbol.
     *
     * @param unit a unit of the same dimension
     * @return the text, e.g. {@code "5.0 km"}
     * @throws DimensionMismatchException if the unit has another dimension
     */
    public String format(Unit<?> unit) {
        return format(in(unit), unit.symbol());
    }

    private void check(String operation, Dimension other) {
        if (!other.equals(dimension)) {
            throw new DimensionMismatchException(
                    "cannot " + operation + ": " + this + " has dimension " + dimension + Kind.describe(dimension)
                            + ", the other operand " + other + Kind.describe(other),
                    dimension,
                    other);
        }
    }

    static String format(double value, String symbol) {
        return symbol.isEmpty() ? Double.toString(value) : value + " " + symbol;
    }

    /** Equal when the other is a {@code Quantity} with the same dimension and SI value. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && q.dimension.equals(dimension) && Double.compare(q.si, si) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * dimension.hashCode() + Double.hashCode(si);
    }

    /**
     * The SI value and the symbol of the registered kind ({@code "9.81 m/s^2"}, {@code "3.0 N"}), or of the
     * base units ({@code "4.0 m^2·s^-2"}); {@link #parse} reads it back exactly.
     */
    @Override
    public String toString() {
        return format(si, Kind.of(dimension).symbol());
    }
}
