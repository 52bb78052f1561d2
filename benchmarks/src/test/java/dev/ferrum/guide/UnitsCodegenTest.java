/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ferrum.units.Acceleration;
import dev.ferrum.units.DimensionMismatchException;
import dev.ferrum.units.Energy;
import dev.ferrum.units.Force;
import dev.ferrum.units.Length;
import dev.ferrum.units.Mass;
import dev.ferrum.units.Quantity;
import dev.ferrum.units.Time;
import dev.ferrum.units.Units;
import dev.ferrum.units.Velocity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Macros and code generation vs type-level arithmetic (seed Projects 9 and 10, the units library). The
 * Rust crate derives {@code Length / Time = Velocity} in the compiler (trait arithmetic on type-level
 * exponents, or a proc macro that expands the table). Java has neither type-level integers nor macros, so
 * {@code Length}, {@code Time}, {@code Velocity}, ... are generated at build time: a generator program reads
 * {@code units/src/main/dimensions/dimensions.txt} in Maven's {@code generate-sources} phase and writes one
 * class per kind with every {@code times}/{@code div} overload; javac then checks uses by overload resolution.
 */
class UnitsCodegenTest {

    @Test
    void typedArithmeticPicksTheResultKind() {
        // tag::units-codegen[]
        // Length, Time, Velocity, Force, Energy: generated at build time from dimensions.txt
        // (the Rust crate's proc macro / trait arithmetic runs inside rustc instead).
        Length distance = Length.kilometres(100);
        Time time = Time.hours(2);
        Velocity speed = distance.div(time); // Length / Time = Velocity
        assertThat(speed.in(Units.KILOMETRE_PER_HOUR)).isCloseTo(50.0, within(1e-9));

        Length covered = speed.times(Time.minutes(30)); // Velocity × Time = Length
        assertThat(covered.in(Units.KILOMETRE)).isCloseTo(25.0, within(1e-9));

        Force weight = Mass.kilograms(2).times(Acceleration.metresPerSecondSquared(9.81)); // F = m·a
        Energy work = weight.times(Length.metres(3)); // Force × Length = Energy
        assertThat(work.in(Units.JOULE)).isCloseTo(58.86, within(1e-9));
        assertThat(work).hasToString("58.86 J");
        // end::units-codegen[]
    }

    @Test
    void addingATimeToALengthDoesNotCompile() {
        // tag::units-compile-error[]
        String program = """
                import dev.ferrum.units.*;
                class Snippet {
                    Length total(Length length, Time time) {
                        return length.plus(time);     // Rust: cannot add `Time` to `Length`
                    }
                }
                """;
        List<String> errors = Javac.errors(program, Length.class); // the real javac, in-process
        assertThat(errors)
                .singleElement()
                .asString()
                .startsWith("line 4: incompatible types: Time cannot be converted to Length");
        // end::units-compile-error[]
    }

    @Test
    void parsedTextIsCheckedAtRunTimeAndNarrowedOnce() {
        // tag::units-parse[]
        Quantity parsed = Quantity.parse("9.81 m/s^2"); // dimension known only at run time
        Acceleration g = parsed.as(Acceleration.KIND); // one dimension check, then typed
        assertThat(g.in(Units.METRE_PER_SECOND_SQUARED)).isEqualTo(9.81);
        Force weight = Mass.kilograms(70).times(g); // from here on, javac checks again

        assertThat(weight.in(Units.NEWTON)).isCloseTo(686.7, within(1e-9));
        assertThatThrownBy(() -> Quantity.parse("9.81 m/s").as(Acceleration.KIND))
                .isInstanceOf(DimensionMismatchException.class) // where javac cannot see, a typed error
                .hasMessageContaining("Velocity");
        // end::units-parse[]
    }
}
