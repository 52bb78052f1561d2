/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Overflowing exponents and factors, the documented exception type, and the lone degree sign. */
class ParserEdgeTest {

    @Test
    void nestedExponentsThatLeaveTheRangeAreAnError() {
        assertThatThrownBy(() -> Quantity.parse("1 (((m^99)^99)^99)^99"))
                .isExactlyInstanceOf(UnitParseException.class)
                .hasMessage("dimension exponent out of range: L^9801 (at most ±99) at index 10 in"
                        + " \"1 (((m^99)^99)^99)^99\"");
        assertThatThrownBy(() -> Quantity.parse("1 (km^99)^99"))
                .isExactlyInstanceOf(UnitParseException.class)
                .hasMessageContaining("at index 9");
        assertThatThrownBy(() -> Unit.parse("(((m^99)^99)^99)^99")).isExactlyInstanceOf(UnitParseException.class);
        assertThatThrownBy(() -> Quantity.parse("1 m^60·m^60"))
                .isExactlyInstanceOf(UnitParseException.class)
                .hasMessageStartingWith("dimension exponent out of range: L^120")
                .hasMessageContaining("at index 6");
    }

    @Test
    void unitParseThrowsTheDocumentedExceptionForFactorOverflow() {
        assertThatThrownBy(() -> Unit.parse("(km^99)^99")).isExactlyInstanceOf(UnitParseException.class);
        assertThatThrownBy(() -> Unit.parse("Qm^30·s^-30"))
                .isExactlyInstanceOf(UnitParseException.class)
                .hasMessage("unit factor overflows a double (Infinity) at index 2 in \"Qm^30·s^-30\"");
        assertThatThrownBy(() -> Unit.parse("qm^20"))
                .isExactlyInstanceOf(UnitParseException.class)
                .hasMessageStartingWith("unit factor underflows");
        assertThat(Unit.parse("km^99").factor()).isEqualTo(1e297);
    }

    @Test
    void aLoneDegreeSignFollowedByASpaceIsNotAnAngleTimesACoulomb() {
        assertThatThrownBy(() -> Quantity.parse("1 ° C"))
                .isExactlyInstanceOf(UnitParseException.class)
                .hasMessageStartingWith("'°' followed by a space is ambiguous")
                .satisfies(e -> assertThat(((UnitParseException) e).index()).isEqualTo(2));
        assertThatThrownBy(() -> Charge.parse("1 ° C")).isExactlyInstanceOf(UnitParseException.class);
        assertThatThrownBy(() -> Quantity.parse("5 ° F")).isExactlyInstanceOf(UnitParseException.class);
        // Written without the space, or with an explicit operator, each means what it says.
        assertThat(Quantity.parse("1 °C").as(Temperature.KIND)).isEqualTo(Temperature.kelvins(274.15));
        assertThat(Quantity.parse("2 °·m").as(Length.KIND).si()).isEqualTo(2 * Units.DEGREE.factor());
        assertThat(Quantity.parse("90 °").as(Angle.KIND)).isEqualTo(Angle.degrees(90));
    }

    @Test
    void dimensionArithmeticNeverWrapsAround() {
        assertThatThrownBy(() -> Dimension.of(100, 0, 0, 0, 0, 0, 0)).isInstanceOf(ArithmeticException.class);
        Dimension l99 = Dimension.of(99, 0, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> l99.times(Dimension.of(1, 0, 0, 0, 0, 0, 0))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> l99.pow(Integer.MAX_VALUE))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> Quantity.of(Length.metres(2)).pow(200)).isInstanceOf(ArithmeticException.class);
    }

    @Provide
    Arbitrary<String> unitish() {
        return Arbitraries.strings()
                .withChars("m kgs°C^()/·*²³-+1209.eΔµuJNHzPa")
                .ofMaxLength(24);
    }

    /** Whatever the text, parsing returns a quantity or throws the documented exception: nothing else. */
    @Property(tries = 2000)
    void parsingAnyTextFailsOnlyWithUnitParseException(@ForAll("unitish") String tail) {
        Throwable t = catchThrowable(() -> Quantity.parse("1 " + tail));
        if (t != null) {
            assertThat(t).as("for %s", tail).isExactlyInstanceOf(UnitParseException.class);
            UnitParseException e = (UnitParseException) t;
            assertThat(e.index()).isBetween(0, e.input().length());
        }
        Throwable u = catchThrowable(() -> Unit.parse(tail));
        if (u != null) {
            assertThat(u).as("for %s", tail).isExactlyInstanceOf(UnitParseException.class);
        }
    }
}
