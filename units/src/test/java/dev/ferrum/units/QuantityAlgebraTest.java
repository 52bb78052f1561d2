/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

import static dev.ferrum.units.Units.HOUR;
import static dev.ferrum.units.Units.KILOMETRE;
import static dev.ferrum.units.Units.KILOMETRE_PER_HOUR;
import static dev.ferrum.units.Units.METRE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuantityAlgebraTest {

    @Test
    void lengthOverTimeIsVelocityAndBack() {
        Length distance = Length.metres(100);
        Time time = Time.seconds(10);
        Velocity speed = distance.div(time);
        assertThat(speed.si()).isEqualTo(10.0);
        assertThat(speed.dimension()).isEqualTo(Dimension.of(1, 0, -1, 0, 0, 0, 0));
        Length back = speed.times(time);
        assertThat(back).isEqualTo(distance);
        assertThat(time.times(speed)).isEqualTo(distance);
    }

    @Test
    void mechanicsChainsThroughTheGeneratedTable() {
        Mass m = Mass.kilograms(2);
        Acceleration a = Velocity.metresPerSecond(6).div(Time.seconds(2));
        Force f = m.times(a);
        Energy work = f.times(Length.metres(5));
        Power p = work.div(Time.seconds(10));
        assertThat(f).isEqualTo(Force.newtons(6));
        assertThat(work).isEqualTo(Energy.joules(30));
        assertThat(p).isEqualTo(Power.watts(3));
        Pressure pressure = f.div(Length.metres(2).squared());
        assertThat(pressure.in(Units.PASCAL)).isEqualTo(1.5);
        assertThat(Length.metres(3).cubed()).isEqualTo(Volume.cubicMetres(27));
        assertThat(Area.squareMetres(16).sqrt()).isEqualTo(Length.metres(4));
        assertThat(Time.seconds(4).inverse()).isEqualTo(Frequency.hertz(0.25));
        Voltage v = Current.amperes(2).times(Resistance.ohms(5));
        assertThat(v).isEqualTo(Voltage.volts(10));
        assertThat(v.times(Current.amperes(2))).isEqualTo(Power.watts(20));
        Dimensionless ratio = Length.metres(1).div(Length.metres(4));
        assertThat(ratio.si()).isEqualTo(0.25);
    }

    @Test
    void aliasesAreOperandsButNeverResults() {
        Torque torque = Torque.newtonMetres(10);
        Energy work = torque.times(Angle.radians(2));
        assertThat(work).isEqualTo(Energy.joules(20));
        assertThat(Torque.from(Force.newtons(5).times(Length.metres(2)))).isEqualTo(torque);
        assertThat(Length.metres(2).times(Angle.degrees(90)).si()).isCloseTo(Math.PI, within(1e-12));
        assertThat(torque).isNotEqualTo(Energy.joules(10));
    }

    @Test
    void sumAccumulatesValuesOfItsKind() {
        Energy.Sum total = Energy.sum();
        for (int i = 1; i <= 4; i++) {
            total.add(Energy.joules(i));
        }
        assertThat(total.total()).isEqualTo(Energy.joules(10));
        assertThat(total.add(Energy.kilojoules(1)).total()).isEqualTo(Energy.joules(1010));
        assertThat(Velocity.sum().total()).isEqualTo(Velocity.ZERO);
        assertThat(Length.metres(3).hypot(Length.metres(4))).isEqualTo(Length.metres(5));
    }

    @Test
    void sameKindOperationsAndComparison() {
        Length a = Length.metres(3);
        Length b = Length.kilometres(0.002);
        assertThat(a.plus(b)).isEqualTo(Length.metres(5));
        assertThat(a.minus(b)).isEqualTo(Length.metres(1));
        assertThat(a.negate()).isEqualTo(Length.metres(-3));
        assertThat(a.negate().abs()).isEqualTo(a);
        assertThat(a.times(2)).isEqualTo(Length.metres(6));
        assertThat(a.div(3)).isEqualTo(Length.metres(1));
        assertThat(a.compareTo(b)).isPositive();
        assertThat(b.isLessThan(a)).isTrue();
        assertThat(a.isGreaterThan(b)).isTrue();
        assertThat(a.max(b)).isSameAs(a);
        assertThat(a.min(b)).isSameAs(b);
        assertThat(a.isCloseTo(Length.metres(3.0001), Length.millimetres(1))).isTrue();
        assertThat(a.isCloseTo(Length.metres(3.01), Length.millimetres(1))).isFalse();
        assertThat(Length.ZERO.si()).isZero();
    }

    @Test
    void unitsConvertBothWays() {
        Length marathon = Length.of(42.195, KILOMETRE);
        assertThat(marathon.in(METRE)).isCloseTo(42195, within(1e-9));
        assertThat(marathon.in(Units.MILE)).isCloseTo(26.2188, within(1e-4));
        assertThat(Length.miles(1).in(Units.FOOT)).isCloseTo(5280, within(1e-9));
        assertThat(Velocity.of(36, KILOMETRE_PER_HOUR).si()).isCloseTo(10, within(1e-12));
        assertThat(Pressure.bars(1).in(Units.PSI)).isCloseTo(14.5038, within(1e-4));
        assertThat(Energy.kilowattHours(1).in(Units.MEGAJOULE)).isCloseTo(3.6, within(1e-12));
        assertThat(Energy.electronvolts(1).si()).isEqualTo(1.602176634e-19);
        assertThat(Volume.litres(1).in(Units.MILLILITRE)).isCloseTo(1000, within(1e-9));
        assertThat(Mass.tonnes(1).in(Units.GRAM)).isCloseTo(1e6, within(1e-6));
        assertThat(Time.of(1.5, HOUR).in(Units.MINUTE)).isCloseTo(90, within(1e-12));
        assertThat(Angle.degrees(180).in(Units.RADIAN)).isCloseTo(Math.PI, within(1e-15));
        assertThat(Length.kilometres(5).to(KILOMETRE)).hasToString("5.0 km");
        assertThat(Length.kilometres(5).to(KILOMETRE).quantity()).isEqualTo(Length.metres(5000));
        assertThat(Length.kilometres(5).format(Units.MILE)).startsWith("3.10").endsWith(" mi");
    }

    @Test
    void siPrefixesApplyOnlyToPrefixableUnits() {
        Unit<Mass> microgram = Units.GRAM.withPrefix(Prefix.MICRO);
        assertThat(microgram.symbol()).isEqualTo("µg");
        assertThat(Mass.of(1, microgram).si()).isEqualTo(1e-9);
        assertThat(Units.METRE.withPrefix(Prefix.GIGA).factor()).isEqualTo(1e9);
        assertThatThrownBy(() -> Units.KILOMETRE.withPrefix(Prefix.MILLI))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KILOMETRE (km) does not take SI prefixes");
        assertThat(Prefix.QUECTO.factor()).isEqualTo(1e-30);
    }

    @Test
    void toStringUsesTheCoherentSymbol() {
        assertThat(Acceleration.metresPerSecondSquared(9.81)).hasToString("9.81 m/s^2");
        assertThat(Force.kilonewtons(2)).hasToString("2000.0 N");
        assertThat(Resistance.ohms(4.7)).hasToString("4.7 Ω");
        assertThat(Dimensionless.percent(50)).hasToString("0.5");
        assertThat(Velocity.metresPerSecond(3)
                        .times(Velocity.metresPerSecond(3).toQuantity().si()))
                .hasToString("9.0 m/s");
        assertThat(Quantity.of(Acceleration.metresPerSecondSquared(2)).times(Acceleration.metresPerSecondSquared(2)))
                .hasToString("4.0 m^2·s^-4");
    }

    @Test
    void parsesUnitExpressions() {
        assertThat(Quantity.parse("9.81 m/s^2").as(Acceleration.KIND))
                .isEqualTo(Acceleration.metresPerSecondSquared(9.81));
        assertThat(Acceleration.parse("9.81 m/s^2").si()).isEqualTo(9.81);
        assertThat(Force.parse("3 kg·m/s^2")).isEqualTo(Force.newtons(3));
        assertThat(Force.parse("3 kg m s^-2")).isEqualTo(Force.newtons(3));
        assertThat(Force.parse("3 kg*m/s²")).isEqualTo(Force.newtons(3));
        assertThat(Velocity.parse("72 km/h").si()).isCloseTo(20, within(1e-12));
        assertThat(Energy.parse("2 MeV").si()).isCloseTo(2e6 * 1.602176634e-19, within(1e-25));
        assertThat(Pressure.parse("1013.25 mbar").si()).isCloseTo(101325, within(1e-9));
        assertThat(Time.parse("250 us")).isEqualTo(Time.microseconds(250));
        assertThat(Time.parse("2 min")).isEqualTo(Time.minutes(2));
        assertThat(Entropy.parse("5 J/K")).isEqualTo(Entropy.joulesPerKelvin(5));
        assertThat(Quantity.parse("4.2 J/(g·K)").dimension()).isEqualTo(Dimension.of(2, 0, -2, 0, -1, 0, 0));
        assertThat(Quantity.parse("4.2 J/(g·K)").si()).isCloseTo(4200, within(1e-9));
        assertThat(Frequency.parse("50 1/s")).isEqualTo(Frequency.hertz(50));
        assertThat(Dimensionless.parse("0.25").si()).isEqualTo(0.25);
        assertThat(Length.parse("5km")).isEqualTo(Length.kilometres(5));
        assertThat(Unit.parse("km/h").as(Velocity.KIND).factor()).isCloseTo(1 / 3.6, within(1e-15));
    }

    @Test
    void narrowingReportsBothDimensions() {
        assertThatThrownBy(() -> Acceleration.parse("9.81 m/s"))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("cannot narrow \"9.81 m/s\" to Acceleration: it has dimension L·T^-1 (Velocity),"
                        + " Acceleration needs L·T^-2");
        assertThatThrownBy(() -> Quantity.parse("3 N").as(Energy.KIND))
                .isInstanceOf(DimensionMismatchException.class)
                .satisfies(e -> {
                    DimensionMismatchException d = (DimensionMismatchException) e;
                    assertThat(d.expected()).isEqualTo(Energy.KIND.dimension());
                    assertThat(d.actual()).isEqualTo(Force.KIND.dimension());
                });
        assertThatThrownBy(() -> Unit.parse("m/s").as(Force.KIND))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("Force needs L·M·T^-2");
    }

    @Test
    void parseErrorsSayWhatAndWhere() {
        assertThatThrownBy(() -> Quantity.parse("12.5 mpg"))
                .isInstanceOf(UnitParseException.class)
                .hasMessage("unknown unit 'mpg' at index 5 in \"12.5 mpg\"");
        assertThatThrownBy(() -> Quantity.parse("fast m/s"))
                .isInstanceOf(UnitParseException.class)
                .hasMessageStartingWith("expected a number at index 0");
        assertThatThrownBy(() -> Quantity.parse("1 m/(s"))
                .isInstanceOf(UnitParseException.class)
                .hasMessageStartingWith("unclosed '(' at index 4");
        assertThatThrownBy(() -> Quantity.parse("1 m^x"))
                .isInstanceOf(UnitParseException.class)
                .hasMessageStartingWith("expected an integer exponent");
        assertThatThrownBy(() -> Quantity.parse("1 m)"))
                .isInstanceOf(UnitParseException.class)
                .hasMessageStartingWith("unexpected ')' at index 3");
        assertThatThrownBy(() -> Unit.parse(""))
                .isInstanceOf(UnitParseException.class)
                .hasMessageStartingWith("expected a unit");
    }

    @Test
    void runtimeQuantityChecksWhatTheCompilerWouldHave() {
        Quantity length = Quantity.of(3, Units.METRE);
        Quantity time = Time.seconds(2).toQuantity();
        assertThatThrownBy(() -> length.plus(time))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("cannot add: 3.0 m has dimension L (Length), the other operand T (Time)");
        assertThatThrownBy(() -> length.compareTo(time)).isInstanceOf(DimensionMismatchException.class);
        assertThatThrownBy(() -> length.in(Units.SECOND)).isInstanceOf(DimensionMismatchException.class);
        Quantity speed = length.div(time);
        assertThat(speed.as(Velocity.KIND)).isEqualTo(Velocity.metresPerSecond(1.5));
        assertThat(speed.kind()).isSameAs(Velocity.KIND);
        assertThat(length.plus(Length.metres(1))).isEqualTo(Quantity.of(4, Units.METRE));
        assertThat(Length.from(length.times(2))).isEqualTo(Length.metres(6));
        assertThat(length.pow(2).sqrt()).isEqualTo(length);
        assertThat(speed.pow(3).kind().name()).isEqualTo("Quantity");
        assertThat(Quantity.of(2, Units.KILOMETRE).format(Units.METRE)).isEqualTo("2000.0 m");
        assertThat(speed.to(KILOMETRE_PER_HOUR).value()).isCloseTo(5.4, within(1e-12));
        assertThatThrownBy(() -> length.sqrt())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exponent of L is 1");
    }

    @Test
    void compoundUnitsCarryDimensionAndFactor() {
        Unit<Quantity> kmh = KILOMETRE.div(HOUR);
        assertThat(kmh.dimension()).isEqualTo(Velocity.KIND.dimension());
        assertThat(kmh.factor()).isEqualTo(1000.0 / 3600.0);
        assertThat(Units.CENTIMETRE.pow(3).as(Volume.KIND).of(1000).in(Units.LITRE))
                .isCloseTo(1, within(1e-12));
        assertThat(Units.NEWTON.times(METRE).as(Torque.KIND).of(3)).isEqualTo(Torque.newtonMetres(3));
    }

    @Test
    void temperaturePointsAreAffineDifferencesAreLinear() {
        TemperaturePoint morning = TemperaturePoint.celsius(12);
        TemperaturePoint noon = morning.plus(Temperature.celsiusDegrees(9));
        assertThat(noon.in(TemperatureScale.CELSIUS)).isCloseTo(21, within(1e-12));
        assertThat(noon.minus(morning).in(Units.KELVIN)).isCloseTo(9, within(1e-12));
        assertThat(noon.minus(morning).in(Units.DEGREE_FAHRENHEIT)).isCloseTo(16.2, within(1e-12));
        assertThat(TemperaturePoint.celsius(100).in(TemperatureScale.FAHRENHEIT))
                .isCloseTo(212, within(1e-9));
        assertThat(TemperaturePoint.fahrenheit(32).in(TemperatureScale.CELSIUS)).isCloseTo(0, within(1e-9));
        assertThat(TemperaturePoint.celsius(0).absolute()).isEqualTo(Temperature.kelvins(273.15));
        assertThat(TemperaturePoint.celsius(-40).in(TemperatureScale.FAHRENHEIT))
                .isCloseTo(-40, within(1e-9));
        assertThat(TemperaturePoint.parse("68 degF").in(TemperatureScale.CELSIUS))
                .isCloseTo(20, within(1e-9));
        assertThat(TemperaturePoint.parse(TemperaturePoint.celsius(25).toString()))
                .isEqualTo(TemperaturePoint.celsius(25));
        assertThatThrownBy(() -> TemperaturePoint.parse("20 °X"))
                .isInstanceOf(UnitParseException.class)
                .hasMessageContaining("unknown temperature scale '°X'");
        // pV = nRT with the absolute temperature
        Entropy r =
                Quantity.parse("8.314462618 J/(mol·K)").times(Amount.moles(1)).as(Entropy.KIND);
        Energy pv = r.times(TemperaturePoint.celsius(0).absolute());
        assertThat(pv.div(Volume.litres(22.414)).in(Units.KILOPASCAL)).isCloseTo(101.325, within(0.01));
    }

    @Test
    void kindLookupPrefersPrimaryOverAlias() {
        assertThat(Kind.of(Torque.KIND.dimension())).isSameAs(Energy.KIND);
        assertThat(Kind.registered(Dimension.of(2, 0, -4, 0, 0, 0, 0))).isEmpty();
        assertThat(Kind.of(Dimension.of(2, 0, -4, 0, 0, 0, 0)).symbol()).isEqualTo("m^2·s^-4");
        assertThat(Velocity.KIND).hasToString("Velocity[L·T^-1]");
        assertThat(Dimension.NONE).hasToString("1");
    }
}
