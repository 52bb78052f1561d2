/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleFunction;

/**
 * A kind of quantity: its name, {@link Dimension}, coherent SI unit symbol and how to make one from an SI
 * value. Every generated class has one ({@code Length.KIND}); they are the bridge from the run-time world
 * ({@link Quantity}, parsed text) back to the typed one: {@code Quantity.parse("9.81 m/s^2").as(Acceleration.KIND)}.
 *
 * <p>Kinds are created by the generated classes, as {@link #dynamic} kinds for dimensions no class was
 * generated for, and by users with {@link #define} (with a {@link CustomQuantity} subclass). Immutable and
 * thread-safe.
 *
 * @param <Q> the class of quantities of this kind
 */
public final class Kind<Q extends Measure> {

    /** Kinds defined at run time by {@link #define}, in definition order. */
    private static final List<Kind<?>> DEFINED = new CopyOnWriteArrayList<>();

    private final String name;
    private final Dimension dimension;
    private final String symbol;
    private final boolean primary;
    private final DoubleFunction<Q> factory;

    Kind(String name, Dimension dimension, String symbol, boolean primary, DoubleFunction<Q> factory) {
        this.name = Objects.requireNonNull(name, "name");
        this.dimension = Objects.requireNonNull(dimension, "dimension");
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.primary = primary;
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * Defines a new kind of quantity at run time, without rebuilding the library (see {@link CustomQuantity} for
     * the class to write). If no kind has this dimension yet, the new one becomes the kind {@link #of} and
     * {@link Quantity#kind()} report for it (and its symbol is what run-time quantities of that dimension print);
     * otherwise it is a distinct kind with the same dimension, like {@code Torque} next to {@code Energy}.
     *
     * @param name      a name no other kind has, e.g. {@code "Viscosity"}
     * @param dimension its dimension
     * @param symbol    its coherent SI unit as a unit expression the parser reads with factor 1 (e.g.
     *                  {@code "Pa·s"}), or empty for a dimensionless kind
     * @param factory   makes a quantity from an SI value (the subclass's constructor)
     * @param <Q>       the subclass
     * @return the kind; keep it in a {@code static final} field
     * @throws IllegalArgumentException if the name is taken, or the symbol does not parse to this dimension with
     *                                  factor 1; nothing is registered then
     */
    public static synchronized <Q extends CustomQuantity<Q>> Kind<Q> define(
            String name, Dimension dimension, String symbol, DoubleFunction<Q> factory) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(factory, "factory");
        if (!name.matches("[A-Z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("kind name must look like a class name, got '" + name + "'");
        }
        for (List<Kind<?>> list : List.of(Catalog.KINDS, DEFINED)) {
            for (Kind<?> k : list) {
                if (k.name.equals(name)) {
                    throw new IllegalArgumentException("a kind named " + name + " already exists: " + k);
                }
            }
        }
        if (symbol.isEmpty() ? !dimension.isNone() : !coherent(symbol, dimension)) {
            throw new IllegalArgumentException("symbol '" + symbol + "' of " + name
                    + " must be a unit expression of dimension " + dimension + " with factor 1");
        }
        Kind<Q> kind = new Kind<>(name, dimension, symbol, registered(dimension).isEmpty(), factory);
        DEFINED.add(kind);
        return kind;
    }

    private static boolean coherent(String symbol, Dimension dimension) {
        try {
            Unit<Quantity> u = Unit.parse(symbol);
            return u.dimension().equals(dimension) && u.factor() == 1.0;
        } catch (UnitParseException e) {
            return false;
        }
    }

    /**
     * Parses a number and a unit expression into a quantity of this kind, e.g.
     * {@code Viscosity.KIND.parse("1.002 mPa·s")} (see {@link Quantity#parse}).
     *
     * @param text the text
     * @return the quantity
     * @throws UnitParseException         if the text is not a number followed by a known unit expression
     * @throws DimensionMismatchException if it parses to another dimension
     */
    public Q parse(CharSequence text) {
        return narrow(Quantity.parse(text), text);
    }

    /**
     * The kind registered for a dimension, or a dynamic one ({@link Quantity}-valued) if the description
     * has none: the primary kind, never an alias ({@code Energy}, not {@code Torque}).
     *
     * @param dimension the dimension
     * @return the kind
     */
    public static Kind<? extends Measure> of(Dimension dimension) {
        Optional<Kind<?>> registered = registered(dimension);
        if (registered.isPresent()) {
            return registered.get();
        }
        return dynamic(dimension);
    }

    /**
     * The generated (primary) kind for a dimension, if {@code dimensions.txt} declares one.
     *
     * @param dimension the dimension
     * @return the kind, or empty
     */
    public static Optional<Kind<?>> registered(Dimension dimension) {
        for (Kind<?> k : Catalog.KINDS) {
            if (k.primary && k.dimension.equals(dimension)) {
                return Optional.of(k);
            }
        }
        for (Kind<?> k : DEFINED) {
            if (k.primary && k.dimension.equals(dimension)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * The dynamic kind of a dimension: values are runtime {@link Quantity} objects, the symbol is the base-unit
     * form ({@code "m^2·s^-2"}).
     *
     * @param dimension the dimension
     * @return a kind named {@code "Quantity"}
     */
    public static Kind<Quantity> dynamic(Dimension dimension) {
        return new Kind<>("Quantity", dimension, dimension.baseUnitSymbol(), false, si -> Quantity.ofSi(si, dimension));
    }

    /**
     * The kind's name, e.g. {@code "Velocity"}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The dimension.
     *
     * @return the exponents
     */
    public Dimension dimension() {
        return dimension;
    }

    /**
     * The coherent SI unit's symbol, e.g. {@code "m/s"}; empty for dimensionless kinds.
     *
     * @return the symbol
     */
    public String symbol() {
        return symbol;
    }

    /**
     * The coherent SI unit of this kind ({@code m/s} for velocity), e.g. to {@link Unit#define} others from.
     *
     * @return a unit with factor 1 and this kind's symbol
     */
    public Unit<Q> coherentUnit() {
        return new Unit<>(this, symbol, Ratio.ONE, false, name);
    }

    /**
     * A quantity of this kind.
     *
     * @param si the value in the coherent SI unit
     * @return the quantity
     */
    public Q ofSi(double si) {
        return factory.apply(si);
    }

    /**
     * Narrows a measure to this kind.
     *
     * @param measure any measure
     * @return a quantity of this kind with the same SI value
     * @throws DimensionMismatchException if the dimensions differ
     */
    public Q narrow(Measure measure) {
        return narrow(measure, null);
    }

    /**
     * Whether a value of dimension {@code actual} is a quantity of this kind: the same exponents, or (radians being
     * dimensionless in SI) the same after dropping an angle exponent that no registered kind accounts for, e.g. the
     * {@code L·A} of radius × angle is a {@code Length}. An angular velocity ({@code A·T^-1}, a registered kind) is
     * never a frequency.
     *
     * @param actual the dimension of some value
     * @return whether {@link #narrow} accepts it
     */
    public boolean accepts(Dimension actual) {
        if (actual.equals(dimension)) {
            return true;
        }
        return actual.angle() != 0
                && dimension.angle() == 0
                && actual.withoutAngle().equals(dimension)
                && registered(actual).isEmpty();
    }

    /**
     * {@code unit} itself after checking that it measures this kind, for the typed {@code of/in/to/format} methods.
     * The compiler already guarantees it unless the caller used a raw or unchecked cast ({@code (Unit) HOUR}):
     * the check is one reference comparison on the fast path.
     *
     * @param unit a unit that should be of this kind
     * @return the unit
     * @throws DimensionMismatchException if it measures another dimension
     */
    Unit<Q> check(Unit<Q> unit) {
        if (unit.kind() != this) {
            checkForeign(unit);
        }
        return unit;
    }

    private void checkForeign(Unit<?> unit) {
        // An alias's unit (N·m for Energy) or a unit narrowed from a parsed one is fine: same dimension.
        Dimension actual = unit.kind().dimension();
        if (!actual.equals(dimension)) {
            throw new DimensionMismatchException(
                    "unit " + unit.symbol() + " measures " + unit.kind().name() + " (" + actual + "), not " + name
                            + " (" + dimension + "): a raw or unchecked cast bypassed the compiler's check",
                    dimension,
                    actual);
        }
    }

    Q narrow(Measure measure, CharSequence source) {
        Dimension actual = measure.dimension();
        if (!accepts(actual)) {
            String what = source != null ? "\"" + source + "\"" : measure.toString();
            throw new DimensionMismatchException(
                    "cannot narrow " + what + " to " + name + ": it has dimension " + actual + describe(actual) + ", "
                            + name + " needs " + dimension,
                    dimension,
                    actual);
        }
        return factory.apply(measure.si());
    }

    static String describe(Dimension d) {
        return registered(d).map(k -> " (" + k.name() + ")").orElse("");
    }

    /** The name and dimension, e.g. {@code "Velocity[L·T^-1]"}. */
    @Override
    public String toString() {
        return name + "[" + dimension + "]";
    }
}
