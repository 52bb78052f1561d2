/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

/**
 * A point on the temperature scale (a thermometer reading), as opposed to {@link Temperature}, a temperature
 * <em>difference</em>. The two differ exactly where Celsius and Fahrenheit are affine: 20 °C is 293.15 K, but
 * a rise of 20 °C is a rise of 20 K. The types keep them apart:
 * <pre>{@code
 * TemperaturePoint morning = TemperaturePoint.celsius(12);
 * TemperaturePoint noon = morning.plus(Temperature.celsiusDegrees(9));   // point + difference = point
 * Temperature rise = noon.minus(morning);                                // point - point = difference
 * // morning.plus(noon) does not compile: adding two readings means nothing
 * }</pre>
 * Physics that needs the absolute temperature (pV = nRT) takes {@link #absolute()}, a {@link Temperature}
 * measured from absolute zero.
 *
 * <p>A point keeps the reading and scale it was made with, so converting it to another scale that shares the
 * reference point (Celsius ↔ Fahrenheit, kelvin ↔ Rankine) is one exact-fraction step, not a round trip through a
 * rounded kelvin value: {@code fahrenheit(32 + 9n).in(CELSIUS)} is exactly {@code 5n}. Equality, hashing and
 * ordering are by the absolute temperature ({@code celsius(0).equals(fahrenheit(32))}). Immutable, thread-safe,
 * value-based.
 */
public final class TemperaturePoint implements Comparable<TemperaturePoint> {

    /** Absolute zero, 0 K. */
    public static final TemperaturePoint ABSOLUTE_ZERO = new TemperaturePoint(0.0, TemperatureScale.KELVIN);

    private final double reading;
    private final TemperatureScale scale;
    /** The absolute temperature, derived from the reading. */
    private final double kelvin;

    private TemperaturePoint(double reading, TemperatureScale scale) {
        this.reading = reading;
        this.scale = scale;
        this.kelvin = scale.toKelvin(reading);
    }

    /**
     * A reading on a scale.
     *
     * @param reading the reading
     * @param scale   its scale
     * @return the point
     */
    public static TemperaturePoint of(double reading, TemperatureScale scale) {
        return new TemperaturePoint(reading, java.util.Objects.requireNonNull(scale, "scale"));
    }

    /**
     * A Celsius reading.
     *
     * @param reading degrees Celsius
     * @return the point
     */
    public static TemperaturePoint celsius(double reading) {
        return of(reading, TemperatureScale.CELSIUS);
    }

    /**
     * A Fahrenheit reading.
     *
     * @param reading degrees Fahrenheit
     * @return the point
     */
    public static TemperaturePoint fahrenheit(double reading) {
        return of(reading, TemperatureScale.FAHRENHEIT);
    }

    /**
     * An absolute temperature in kelvin.
     *
     * @param kelvin kelvin
     * @return the point
     */
    public static TemperaturePoint kelvin(double kelvin) {
        return new TemperaturePoint(kelvin, TemperatureScale.KELVIN);
    }

    /**
     * Parses {@code "20 °C"}, {@code "68 degF"}, {@code "293.15 K"}: a number and a scale symbol.
     *
     * @param text the text
     * @return the point
     * @throws UnitParseException if it is not a number followed by a scale symbol
     */
    public static TemperaturePoint parse(CharSequence text) {
        String s = text.toString().strip();
        int space = s.lastIndexOf(' ');
        if (space < 0) {
            throw new UnitParseException(
                    "expected a number, a space and a scale symbol (K, °C, °F, °R)", text.toString(), 0);
        }
        double reading;
        try {
            reading = Double.parseDouble(s.substring(0, space).strip());
        } catch (NumberFormatException e) {
            throw new UnitParseException("expected a number", text.toString(), 0);
        }
        try {
            return of(reading, TemperatureScale.ofSymbol(s.substring(space + 1)));
        } catch (IllegalArgumentException e) {
            throw new UnitParseException(e.getMessage(), text.toString(), space + 1);
        }
    }

    /**
     * The reading on a scale.
     *
     * @param scale the scale
     * @return the reading
     */
    public double in(TemperatureScale scale) {
        return this.scale.convert(reading, scale);
    }

    /**
     * The temperature above absolute zero, for physics (pV = nRT).
     *
     * @return the absolute temperature as a difference from 0 K
     */
    public Temperature absolute() {
        return Temperature.ofSi(kelvin);
    }

    /**
     * A point shifted by a difference.
     *
     * @param difference the shift
     * @return the shifted point
     */
    public TemperaturePoint plus(Temperature difference) {
        return new TemperaturePoint(reading + scale.degrees(difference.si()), scale);
    }

    /**
     * A point shifted down by a difference.
     *
     * @param difference the shift
     * @return the shifted point
     */
    public TemperaturePoint minus(Temperature difference) {
        return new TemperaturePoint(reading - scale.degrees(difference.si()), scale);
    }

    /**
     * The difference between two points.
     *
     * @param other the other point
     * @return {@code this - other} as a difference
     */
    public Temperature minus(TemperaturePoint other) {
        return Temperature.ofSi(scale.kelvins(reading - other.in(scale)));
    }

    /**
     * The reading on a scale followed by its symbol, e.g. {@code "20.0 °C"}.
     *
     * @param scale the scale
     * @return the text
     */
    public String format(TemperatureScale scale) {
        return in(scale) + " " + scale.symbol();
    }

    @Override
    public int compareTo(TemperaturePoint other) {
        return Double.compare(kelvin, other.kelvin);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TemperaturePoint t && Double.compare(t.kelvin, kelvin) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(kelvin);
    }

    /** Kelvin with its symbol, e.g. {@code "293.15 K"}; {@link #parse} reads it back. */
    @Override
    public String toString() {
        return format(TemperatureScale.KELVIN);
    }
}
