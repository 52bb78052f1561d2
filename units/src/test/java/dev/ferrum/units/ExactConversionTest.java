/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

import static dev.ferrum.units.Units.DEGREE_CELSIUS;
import static dev.ferrum.units.Units.FOOT;
import static dev.ferrum.units.Units.INCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Temperature text is a point unless it says Δ; defined conversions are exact where doubles can be. */
@SuppressWarnings({"unchecked", "rawtypes"})
class ExactConversionTest {

    @Test
    void parsingACelsiusReadingGivesTheAbsoluteTemperature() {
        assertThat(Temperature.parse("25 °C")).isEqualTo(Temperature.kelvins(298.15));
        assertThat(Temperature.parse("25 degC")).isEqualTo(Temperature.kelvins(298.15));
        assertThat(Temperature.parse("77 °F")).isEqualTo(Temperature.kelvins(298.15));
        assertThat(Quantity.parse("-40°F").as(Temperature.KIND))
                .isEqualTo(TemperaturePoint.celsius(-40).absolute());
        assertThat(Temperature.parse("25 °C"))
                .isEqualTo(TemperaturePoint.parse("25 °C").absolute());
    }

    @Test
    void aTemperatureDifferenceMustSayDelta() {
        assertThat(Temperature.parse("25 Δ°C")).isEqualTo(Temperature.kelvins(25));
        assertThat(Temperature.parse("9 delta_degF")).isEqualTo(Temperature.kelvins(5));
        assertThat(DEGREE_CELSIUS.symbol()).isEqualTo("Δ°C");
        Temperature rise = Temperature.celsiusDegrees(25);
        assertThat(Temperature.parse(rise.format(DEGREE_CELSIUS))).isEqualTo(rise);
        assertThat(Quantity.parse("4.2 J/(g·Δ°C)").si()).isEqualTo(4200.0);
        assertThatThrownBy(() -> Quantity.parse("4.2 J/(g·°C)"))
                .isInstanceOf(UnitParseException.class)
                .hasMessageContaining("°C is a temperature scale")
                .hasMessageContaining("write Δ°C")
                .satisfies(e -> assertThat(((UnitParseException) e).index()).isEqualTo(9));
    }

    @Test
    void affineConversionsAreExactAtTheDefinedPoints() {
        assertThat(TemperaturePoint.fahrenheit(32).in(TemperatureScale.CELSIUS)).isEqualTo(0.0);
        assertThat(TemperaturePoint.fahrenheit(212).in(TemperatureScale.CELSIUS))
                .isEqualTo(100.0);
        assertThat(TemperaturePoint.fahrenheit(-40).in(TemperatureScale.CELSIUS))
                .isEqualTo(-40.0);
        assertThat(TemperaturePoint.celsius(100).in(TemperatureScale.FAHRENHEIT))
                .isEqualTo(212.0);
        assertThat(TemperaturePoint.celsius(0).in(TemperatureScale.FAHRENHEIT)).isEqualTo(32.0);
        assertThat(TemperaturePoint.fahrenheit(32).in(TemperatureScale.KELVIN)).isEqualTo(273.15);
        assertThat(TemperaturePoint.kelvin(0).in(TemperatureScale.RANKINE)).isEqualTo(0.0);
        assertThat(TemperaturePoint.parse("491.67 °R").in(TemperatureScale.FAHRENHEIT))
                .isCloseTo(32.0, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void linearDefinedConversionsAreExact() {
        assertThat(Length.of(12, INCH).in(FOOT)).isEqualTo(1.0);
        assertThat(Length.inches(12)).isEqualTo(Length.feet(1));
        assertThat(Quantity.parse("12 in").in(FOOT)).isEqualTo(1.0);
        assertThat(Length.miles(1).in(FOOT)).isEqualTo(5280.0);
        assertThat(Length.feet(3).in(INCH)).isEqualTo(36.0);
        assertThat(Velocity.kilometresPerHour(36)).isEqualTo(Velocity.metresPerSecond(10));
        assertThat(Velocity.knots(3600).in(Units.METRE_PER_SECOND)).isEqualTo(1852.0);
        assertThat(Temperature.fahrenheitDegrees(9)).isEqualTo(Temperature.kelvins(5));
        assertThat(Units.MILE.convert(1, Units.FOOT)).isEqualTo(5280.0);
        assertThatThrownBy(() -> INCH.convert(1, (Unit) Units.SECOND)).isInstanceOf(DimensionMismatchException.class);
    }

    @Property
    void unitToUnitConversionIsExactForWholeFeet(@ForAll @IntRange(min = -1_000_000, max = 1_000_000) int feet) {
        assertThat(INCH.convert(12.0 * feet, FOOT)).isEqualTo((double) feet);
        assertThat(FOOT.convert(feet, INCH)).isEqualTo(12.0 * feet);
        assertThat(FOOT.convert(5280.0 * feet, Units.MILE)).isEqualTo((double) feet);
        assertThat(new UnitValue<>(12.0 * feet, INCH).in(FOOT).value()).isEqualTo((double) feet);
        // Through a quantity the SI value is rounded once on the way in and once on the way out: within 2 ulp.
        double viaSi = Length.of(12.0 * feet, INCH).in(FOOT);
        assertThat(Math.abs(viaSi - feet)).isLessThanOrEqualTo(2 * Math.ulp((double) feet));
    }

    @Property
    void fahrenheitToCelsiusIsExactOnWholeFiveDegreeSteps(
            @ForAll @IntRange(min = -1_000_000, max = 1_000_000) int steps) {
        // 32 + 9n °F is exactly 5n °C.
        double fahrenheit = 32 + 9.0 * steps;
        assertThat(TemperatureScale.FAHRENHEIT.convert(fahrenheit, TemperatureScale.CELSIUS))
                .isEqualTo(5.0 * steps);
        assertThat(TemperaturePoint.fahrenheit(fahrenheit).in(TemperatureScale.CELSIUS))
                .isEqualTo(5.0 * steps);
        assertThat(TemperaturePoint.celsius(5.0 * steps).in(TemperatureScale.FAHRENHEIT))
                .isEqualTo(fahrenheit);
    }
}
