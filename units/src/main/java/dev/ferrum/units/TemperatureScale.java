/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

/**
 * An affine temperature scale, defined by one reference point and the size of its degree: reading {@code x} is
 * {@code anchorKelvin + (x − anchorReading) × numerator / denominator} kelvin. Scales convert temperature
 * <em>points</em> ({@link TemperaturePoint}); differences use the linear units {@link Units#KELVIN},
 * {@link Units#DEGREE_CELSIUS} ({@code Δ°C}), {@link Units#DEGREE_FAHRENHEIT} ({@code Δ°F}).
 *
 * <p>Why anchored at the ice point: Celsius and Fahrenheit share it (0 °C = 32 °F = 273.15 K), so converting
 * through kelvin is exact there, and the degree ratio 5/9 is applied as an exact fraction (multiply by 5, then
 * divide by 9, one rounding) instead of the rounded 0.5555555555555556: 32 °F is exactly 0 °C, 212 °F exactly
 * 100 °C, −40 °F exactly −40 °C. (The textbook {@code (x + 459.67) × 5/9} gives 5.7e-14 °C for 32 °F.)
 */
public enum TemperatureScale {
    /** Kelvin: absolute, 0 K is absolute zero. */
    KELVIN("K", 0.0, 0.0, 1, 1),
    /** Celsius: 0 °C = 273.15 K, one degree = 1 K. */
    CELSIUS("°C", 0.0, 273.15, 1, 1),
    /** Fahrenheit: 32 °F = 273.15 K, one degree = 5/9 K. */
    FAHRENHEIT("°F", 32.0, 273.15, 5, 9),
    /** Rankine: absolute, one degree = 5/9 K. */
    RANKINE("°R", 0.0, 0.0, 5, 9);

    private final String symbol;
    private final double anchorReading;
    private final double anchorKelvin;
    private final double numerator;
    private final double denominator;

    TemperatureScale(String symbol, double anchorReading, double anchorKelvin, int numerator, int denominator) {
        this.symbol = symbol;
        this.anchorReading = anchorReading;
        this.anchorKelvin = anchorKelvin;
        this.numerator = numerator;
        this.denominator = denominator;
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
        return anchorKelvin + (reading - anchorReading) * numerator / denominator;
    }

    /**
     * The reading on this scale for an absolute temperature.
     *
     * @param kelvin the absolute temperature in kelvin
     * @return the reading
     */
    public double fromKelvin(double kelvin) {
        return anchorReading + (kelvin - anchorKelvin) * denominator / numerator;
    }

    /**
     * A reading on this scale as a reading on {@code target}. Scales that share their reference point (Celsius
     * and Fahrenheit share the ice point; kelvin and Rankine absolute zero) convert in one exact-fraction step:
     * {@code (x − 32) × 5 / 9} for °F to °C, exact whenever the result is a double (32 + 9n °F is 5n °C).
     * Others go through kelvin.
     *
     * @param reading a reading on this scale
     * @param target  the scale to read it on
     * @return the reading on {@code target}
     */
    public double convert(double reading, TemperatureScale target) {
        if (target == this) {
            return reading;
        }
        if (target.anchorKelvin == anchorKelvin) {
            return target.anchorReading
                    + (reading - anchorReading) * (numerator * target.denominator) / (denominator * target.numerator);
        }
        return target.fromKelvin(toKelvin(reading));
    }

    /**
     * The number of this scale's degrees in a temperature difference of {@code kelvins} K.
     *
     * @param kelvins a difference in kelvin
     * @return the same difference in degrees of this scale
     */
    double degrees(double kelvins) {
        return kelvins * denominator / numerator;
    }

    /**
     * The kelvins in a difference of {@code degrees} of this scale.
     *
     * @param degrees a difference in degrees of this scale
     * @return the same difference in kelvin
     */
    double kelvins(double degrees) {
        return degrees * numerator / denominator;
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
