/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

import static dev.ferrum.units.Units.DEGREE;
import static dev.ferrum.units.Units.RPM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Plane angle is its own dimension: rad/s is an angular velocity, never a frequency (Hz). */
class AngleKindTest {

    @Test
    void threeHundredSixtyDegreesPerMinuteIsOneRpm() {
        AngularVelocity w = Angle.degrees(360).div(Time.minutes(1));
        assertThat(w.in(RPM)).isCloseTo(1.0, within(1e-15));
        assertThat(AngularVelocity.rpm(1).in(Units.RADIAN_PER_SECOND)).isCloseTo(2 * Math.PI / 60, within(1e-16));
        assertThat(w.times(Time.minutes(1)).in(DEGREE)).isCloseTo(360, within(1e-12));
        assertThat(w.div(Angle.degrees(360))).isEqualTo(Frequency.hertz(1.0 / 60));
    }

    @Test
    void angularVelocityAndFrequencyDoNotMix() {
        assertThat(Angle.KIND.dimension()).isEqualTo(Dimension.ANGLE);
        assertThat(AngularVelocity.KIND.dimension()).isNotEqualTo(Frequency.KIND.dimension());
        assertThatThrownBy(() -> Frequency.parse("1 rpm"))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("(AngularVelocity), Frequency needs T^-1");
        assertThatThrownBy(() -> Quantity.parse("1 Hz").in(RPM)).isInstanceOf(DimensionMismatchException.class);
        assertThat(Quantity.parse("90 °/s").as(AngularVelocity.KIND).in(Units.DEGREE_PER_SECOND))
                .isCloseTo(90, within(1e-12));
        assertThat(Quantity.parse("1 rad/s").kind()).isSameAs(AngularVelocity.KIND);
        assertThat(Quantity.parse("3 rad/s^2").kind()).isSameAs(AngularAcceleration.KIND);
    }

    @Test
    void angleDropsOutWhereNoKindCarriesIt() {
        // SI: rad = m/m. Radius × angle = arc length; torque × angular velocity = power; ω × r = v.
        Length arc = Length.metres(2).times(Angle.radians(1.5));
        assertThat(arc).isEqualTo(Length.metres(3));
        Power p = Torque.newtonMetres(10).times(AngularVelocity.radiansPerSecond(3));
        assertThat(p).isEqualTo(Power.watts(30));
        Velocity v = AngularVelocity.radiansPerSecond(2).times(Length.metres(5));
        assertThat(v).isEqualTo(Velocity.metresPerSecond(10));
        assertThat(Length.from(Quantity.of(Length.metres(2)).times(Angle.radians(2))))
                .isEqualTo(Length.metres(4));
        // ...but it stays where a kind carries it: rad² is a solid angle, rad/s an angular velocity.
        SolidAngle sr = Angle.radians(2).times(Angle.radians(3));
        assertThat(sr).isEqualTo(SolidAngle.steradians(6));
        assertThat(Angle.radians(1).div(Angle.radians(4))).isEqualTo(Dimensionless.ofSi(0.25));
        assertThatThrownBy(() -> Dimensionless.from(Angle.radians(1))).isInstanceOf(DimensionMismatchException.class);
    }

    @Test
    void trigonometryOnAngles() {
        assertThat(Angle.degrees(30).sin()).isCloseTo(0.5, within(1e-15));
        assertThat(Angle.degrees(60).cos()).isCloseTo(0.5, within(1e-15));
        assertThat(Angle.degrees(45).tan()).isCloseTo(1.0, within(1e-15));
        assertThat(Angle.asin(1).in(DEGREE)).isCloseTo(90, within(1e-12));
        assertThat(Angle.acos(-1)).isEqualTo(Angle.radians(Math.PI));
        assertThat(Angle.atan(1).in(DEGREE)).isCloseTo(45, within(1e-12));
        assertThat(Angle.atan2(Length.metres(1), Length.metres(-1)).in(DEGREE)).isCloseTo(135, within(1e-12));
        assertThatThrownBy(() -> Angle.atan2(Quantity.of(Length.metres(1)), Quantity.of(Time.seconds(1))))
                .isInstanceOf(DimensionMismatchException.class);
        assertThat(Angle.revolutions(1)).isEqualTo(Angle.radians(2 * Math.PI));
    }

    @Property
    void degreesPerMinuteOverThreeSixtyIsRpm(@ForAll @DoubleRange(min = -1e6, max = 1e6) double degrees) {
        double rpm = Angle.degrees(degrees).div(Time.minutes(1)).in(RPM);
        assertThat(rpm).isCloseTo(degrees / 360, within(1e-14 * Math.max(1, Math.abs(degrees))));
    }

    @Property
    void sineAndCosineOfAnAnglePointOnTheUnitCircle(@ForAll @DoubleRange(min = -720, max = 720) double degrees) {
        Angle a = Angle.degrees(degrees);
        assertThat(a.sin() * a.sin() + a.cos() * a.cos()).isCloseTo(1.0, within(1e-15));
        Angle back = Angle.atan2(Length.metres(a.sin()), Length.metres(a.cos()));
        assertThat(Math.abs(Math.IEEEremainder(back.si() - a.si(), 2 * Math.PI)))
                .isLessThan(1e-12);
    }
}
