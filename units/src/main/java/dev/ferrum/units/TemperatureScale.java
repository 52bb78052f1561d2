/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

/**
 * An affine temperature scale: reading {@code x} on the scale is {@code (x + offset) × factor} kelvin.
 * Scales convert temperature <em>points</em> ({@link TemperaturePoint}); differences use the linear units
 * {@link Units#KELVIN}, {@link Units#DEGREE_CELSIUS}, {@link Units#DEGREE_FAHRENHEIT}.
 */
public enum TemperatureScale {
    /** Kelvin: absolute, 0 K is absolute zero. */
    KELVIN("K", 0.0, 1.0),
    /** Celsius: 0 °C = 273.15 K, one degree = 1 K. */
    CELSIUS("°C", 273.15, 1.0),
    /** Fahrenheit: 0 °F = 459.67 °R = 255.372 K, one degree = 5/9 K. */
    FAHRENHEIT("°F", 459.67, 5.0 / 9.0),
    /** Rankine: absolute, one degree = 5/9 K. */
    RANKINE("°R", 0.0, 5.0 / 9.0);

    private final String symbol;
    private final double offset;
    private final double factor;

    TemperatureScale(String symbol, double offset, double factor) {
        this.symbol = symbol;
        this.offset = offset;
        this.factor = factor;
    }

    /**
     * The symbol, e.g. {@code "°C"}.
     *
     * @return the symbol
     */
    public String symbol() {
        return symbol;
    }

    /**
     * Kelvin for a reading on this scale.
     *
     * @param reading the reading
     * @return the absolute temperature in kelvin
     */
    public double toKelvin(double reading) {
        return (reading + offset) * factor;
    }

    /**
     * The reading on this scale for an absolute temperature.
     *
     * @param kelvin the absolute temperature in kelvin
     * @return the reading
     */
    public double fromKelvin(double kelvin) {
        return kelvin / factor - offset;
    }

    /**
     * The scale with this symbol ({@code K}, {@code °C}/{@code degC}, {@code °F}/{@code degF}, {@code °R}/{@code degR}).
     *
     * @param symbol the symbol
     * @return the scale
     * @throws IllegalArgumentException if no scale has that symbol
     */
    public static TemperatureScale ofSymbol(String symbol) {
        for (TemperatureScale s : values()) {
            if (s.symbol.equals(symbol) || s.symbol.replace("°", "deg").equals(symbol)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown temperature scale '" + symbol + "' (known: K, °C, °F, °R)");
    }
}
