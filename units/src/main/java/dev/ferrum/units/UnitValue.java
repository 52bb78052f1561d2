/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

import java.util.Objects;

/**
 * A number of some unit, for display: what {@code length.to(KILOMETRE)} returns. Printing it shows that
 * unit ({@code "5.0 km"}) where the quantity itself would print its SI form ({@code "5000.0 m"}).
 *
 * @param value the number of units
 * @param unit  the unit
 * @param <Q>   the kind of quantity
 */
public record UnitValue<Q extends Measure>(double value, Unit<Q> unit) {

    /**
     * Checks the unit is present.
     *
     * @param value the number of units
     * @param unit  the unit
     */
    public UnitValue {
        Objects.requireNonNull(unit, "unit");
    }

    /**
     * Back to a quantity.
     *
     * @return the quantity {@code value} of {@code unit} denotes
     */
    public Q quantity() {
        return unit.of(value);
    }

    /**
     * The same amount in another unit, converted with the exact ratio between the two units (see
     * {@link Unit#convert}): {@code new UnitValue<>(12, INCH).in(FOOT)} is exactly 1.
     *
     * @param target a unit of the same kind
     * @return the value in {@code target}
     */
    public UnitValue<Q> in(Unit<Q> target) {
        return new UnitValue<>(unit.convert(value, target), target);
    }

    /** The value and the unit symbol, e.g. {@code "5.0 km"}. */
    @Override
    public String toString() {
        return Quantity.format(value, unit.symbol());
    }
}
