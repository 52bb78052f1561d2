/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

import static dev.ferrum.units.Units.HOUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A unit smuggled past javac with a raw or unchecked cast is caught at run time by the typed methods that take a
 * unit. (The check is one reference comparison; the units benchmark rows measure that it costs nothing.)
 */
@SuppressWarnings({"unchecked", "rawtypes"})
class RawUnitCheckTest {

    @Test
    void aRawTimeUnitIsNotALengthUnit() {
        assertThatThrownBy(() -> Length.of(1, (Unit) HOUR))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("unit h measures Time (T), not Length (L): a raw or unchecked cast bypassed the"
                        + " compiler's check")
                .satisfies(e -> {
                    DimensionMismatchException d = (DimensionMismatchException) e;
                    assertThat(d.expected()).isEqualTo(Length.KIND.dimension());
                    assertThat(d.actual()).isEqualTo(Time.KIND.dimension());
                });
        Length l = Length.metres(1);
        assertThatThrownBy(() -> l.in((Unit) HOUR)).isInstanceOf(DimensionMismatchException.class);
        assertThatThrownBy(() -> l.to((Unit) HOUR)).isInstanceOf(DimensionMismatchException.class);
        assertThatThrownBy(() -> l.format((Unit) HOUR)).isInstanceOf(DimensionMismatchException.class);
    }

    @Test
    void heapPollutionThroughAGenericListIsCaught() {
        List<Unit<Length>> lengthUnits = new ArrayList<>();
        ((List) lengthUnits).add(Units.SECOND);
        assertThatThrownBy(() -> Length.of(3, lengthUnits.get(0))).isInstanceOf(DimensionMismatchException.class);
    }

    @Test
    void unitsOfTheSameDimensionButAnotherKindStillConvert() {
        // An alias's unit (N·m is Torque's) measures the same dimension as Energy: a cast is a conversion, not a lie.
        assertThat(Energy.of(2, (Unit) Units.NEWTON_METRE)).isEqualTo(Energy.joules(2));
        Unit<Velocity> parsed = Unit.parse("km/h").as(Velocity.KIND);
        assertThat(Velocity.of(36, parsed)).isEqualTo(Velocity.metresPerSecond(10));
        assertThat(Length.of(1, Units.KILOMETRE)).isEqualTo(Length.metres(1000));
    }
}
