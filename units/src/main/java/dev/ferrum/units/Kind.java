/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleFunction;

/**
 * A kind of quantity: its name, {@link Dimension}, coherent SI unit symbol and how to make one from an SI
 * value. Every generated class has one ({@code Length.KIND}); they are the bridge from the run-time world
 * ({@link Quantity}, parsed text) back to the typed one: {@code Quantity.parse("9.81 m/s^2").as(Acceleration.KIND)}.
 *
 * <p>Kinds are created only by this package (by the generated classes, and {@link #dynamic} kinds for
 * dimensions no class was generated for). Immutable and thread-safe.
 *
 * @param <Q> the class of quantities of this kind
 */
public final class Kind<Q extends Measure> {

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

    Q narrow(Measure measure, CharSequence source) {
        Dimension actual = measure.dimension();
        if (!actual.equals(dimension)) {
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
