/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The remaining SI derived units, and units and kinds defined by users at run time. */
class DerivedAndUserUnitsTest {

    /** Furlong: 220 yd = 660 ft, exactly 201.168 m. */
    static final Unit<Length> FURLONG = Unit.register(Unit.define("fur", 660, Units.FOOT));
    /** Conventional millimetre of mercury: exactly 133.322387415 Pa. */
    static final Unit<Pressure> MMHG = Unit.register(Unit.define("mmHg", 133.322387415, Units.PASCAL));

    /** A kind the library does not ship: dynamic viscosity, Pa·s. */
    static final class Viscosity extends CustomQuantity<Viscosity> {
        static final Kind<Viscosity> KIND =
                Kind.define("Viscosity", Dimension.of(-1, 1, -1, 0, 0, 0, 0), "Pa·s", Viscosity::new);
        static final Unit<Viscosity> POISE = Unit.register(Unit.define("P", 0.1, KIND.coherentUnit()));

        private Viscosity(double si) {
            super(si);
        }

        @Override
        public Kind<Viscosity> kind() {
            return KIND;
        }
    }

    @Test
    void theSiDerivedUnitsWithSpecialNames() {
        assertThat(MagneticFluxDensity.parse("2 T")).isEqualTo(MagneticFluxDensity.teslas(2));
        assertThat(MagneticFlux.parse("3 Wb")).isEqualTo(MagneticFlux.webers(3));
        assertThat(Inductance.parse("4 mH")).isEqualTo(Inductance.henries(0.004));
        assertThat(LuminousFlux.parse("800 lm")).isEqualTo(LuminousFlux.lumens(800));
        assertThat(Illuminance.parse("500 lx")).isEqualTo(Illuminance.lux(500));
        assertThat(Activity.parse("37 GBq").si()).isEqualTo(3.7e10);
        assertThat(AbsorbedDose.parse("2 Gy")).isEqualTo(AbsorbedDose.grays(2));
        assertThat(DoseEquivalent.parse("20 mSv")).isEqualTo(DoseEquivalent.sieverts(0.02));
        assertThat(CatalyticActivity.parse("1 kat")).isEqualTo(CatalyticActivity.katals(1));
        // Their definitions, through the generated table.
        assertThat(Voltage.volts(2).times(Time.seconds(3))).isEqualTo(MagneticFlux.webers(6)); // V·s = Wb
        assertThat(MagneticFlux.webers(6).div(Area.squareMetres(2))).isEqualTo(MagneticFluxDensity.teslas(3));
        assertThat(MagneticFlux.webers(6).div(Current.amperes(3))).isEqualTo(Inductance.henries(2)); // Wb/A = H
        assertThat(LuminousIntensity.candelas(100)
                        .times(SolidAngle.steradians(4 * Math.PI))
                        .in(Units.LUMEN))
                .isCloseTo(1256.637, within(1e-3)); // lm = cd·sr
        assertThat(LuminousFlux.lumens(1000).div(Area.squareMetres(2))).isEqualTo(Illuminance.lux(500));
        assertThat(Amount.moles(3).div(Time.seconds(2))).isEqualTo(CatalyticActivity.katals(1.5));
        assertThat(AbsorbedDose.from(Energy.joules(6).div(Mass.kilograms(3)))).isEqualTo(AbsorbedDose.grays(2));
        // Bq and Hz share s^-1, and Gy and Sv share J/kg, but each pair are distinct types.
        assertThat(Activity.KIND.dimension()).isEqualTo(Frequency.KIND.dimension());
        assertThat((Object) Activity.becquerels(1)).isNotEqualTo(Frequency.hertz(1));
        assertThat((Object) AbsorbedDose.grays(1)).isNotEqualTo(DoseEquivalent.sieverts(1));
        assertThat(Quantity.parse("1 lm").dimension())
                .isNotEqualTo(Quantity.parse("1 cd").dimension());
    }

    @Test
    void userDefinedUnitsWithoutRebuildingTheLibrary() {
        assertThat(Length.of(1, FURLONG).in(Units.METRE)).isEqualTo(201.168);
        assertThat(Length.miles(1).in(FURLONG)).isEqualTo(8.0);
        assertThat(Length.parse("2 fur")).isEqualTo(Length.of(2, FURLONG));
        assertThat(Quantity.parse("3 fur/s").as(Velocity.KIND).si()).isEqualTo(603.504);
        assertThat(Pressure.parse("760 mmHg").in(Units.ATMOSPHERE)).isCloseTo(1.0, within(2e-7));
        assertThat(MMHG.factor()).isEqualTo(133.322387415);
        assertThat(Pressure.of(120, MMHG).format(MMHG)).isEqualTo("120.0 mmHg");
        // Registering again is a no-op; a symbol that already means something is refused, and nothing changes.
        assertThat(Unit.register(FURLONG)).isSameAs(FURLONG);
        assertThatThrownBy(() -> Unit.register(Unit.define("fur", 1, Units.METRE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fur' already names fur");
        assertThatThrownBy(() -> Unit.register(Unit.define("m", 2, Units.METRE)))
                .hasMessageContaining("already names m");
        assertThatThrownBy(() -> Unit.register(Unit.define("km", 999, Units.METRE)))
                .hasMessageContaining("already names km");
        assertThatThrownBy(() -> Unit.register(Unit.define("°C", 1, Units.KELVIN)))
                .hasMessageContaining("temperature scale");
        assertThat(Length.parse("2 fur")).isEqualTo(Length.of(2, FURLONG));
        assertThatThrownBy(() -> Unit.define("f ur", 1, Units.METRE)).hasMessageContaining("is not a unit symbol");
        assertThatThrownBy(() -> Unit.define("x", -1, Units.METRE)).hasMessageContaining("positive and finite");
    }

    @Test
    void userDefinedKindsWithoutRebuildingTheLibrary() {
        Viscosity water = Viscosity.KIND.parse("1.002 mPa·s");
        assertThat(water.si()).isCloseTo(1.002e-3, within(1e-18));
        assertThat(water.plus(water).in(Viscosity.POISE)).isCloseTo(0.02004, within(1e-15));
        assertThat(Viscosity.KIND.parse("1 P")).isEqualTo(Viscosity.KIND.ofSi(0.1));
        assertThat(Quantity.parse("2 Pa·s").kind()).isSameAs(Viscosity.KIND);
        assertThat(Quantity.parse("2 Pa·s").as(Viscosity.KIND)).isEqualTo(Viscosity.KIND.ofSi(2));
        assertThat(Quantity.parse("2 Pa·s")).hasToString("2.0 Pa·s");
        assertThat(Viscosity.KIND.ofSi(2)).hasToString("2.0 Pa·s");
        Force drag =
                water.times(Length.metres(1)).times(Velocity.metresPerSecond(2)).as(Force.KIND);
        assertThat(drag.si()).isCloseTo(2.004e-3, within(1e-18));
        assertThatThrownBy(() -> Viscosity.KIND.parse("1 Pa")).isInstanceOf(DimensionMismatchException.class);
        assertThatThrownBy(() -> Kind.define("Viscosity", Dimension.NONE, "", si -> (Viscosity) null))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() ->
                        Kind.define("Fluidity", Dimension.of(1, -1, 1, 0, 0, 0, 0), "Pa·s", si -> (Viscosity) null))
                .hasMessageContaining("must be a unit expression of dimension L·M^-1·T with factor 1");
        assertThat(Kind.registered(Dimension.of(1, -1, 1, 0, 0, 0, 0))).isEmpty();
    }

    @Property
    void furlongsToMilesAreExact(@ForAll @IntRange(min = -1_000_000, max = 1_000_000) int miles) {
        assertThat(FURLONG.convert(8.0 * miles, Units.MILE)).isEqualTo((double) miles);
        assertThat(Units.MILE.convert(miles, FURLONG)).isEqualTo(8.0 * miles);
    }
}
