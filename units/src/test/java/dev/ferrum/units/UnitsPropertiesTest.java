/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

class UnitsPropertiesTest {

    @Provide
    Arbitrary<Unit<?>> units() {
        return Arbitraries.of(Catalog.UNITS);
    }

    @Provide
    Arbitrary<Kind<?>> kinds() {
        return Arbitraries.of(Catalog.KINDS);
    }

    @Provide
    Arbitrary<Double> anyDouble() {
        return Arbitraries.doubles()
                .withSpecialValue(Double.NaN)
                .withSpecialValue(Double.POSITIVE_INFINITY)
                .withSpecialValue(Double.NEGATIVE_INFINITY)
                .withSpecialValue(Double.MIN_VALUE)
                .withSpecialValue(-0.0)
                .withSpecialValue(Double.MAX_VALUE);
    }

    @Provide
    Arbitrary<Double> magnitudes() {
        // A sign, a mantissa and a decimal exponent: spans 1e-30..1e30 evenly in log space.
        return Arbitraries.doubles()
                .between(1.0, 10.0)
                .ofScale(6)
                .flatMap(m -> Arbitraries.integers()
                        .between(-30, 30)
                        .flatMap(e -> Arbitraries.of(-1.0, 1.0).map(s -> s * m * Math.pow(10, e))));
    }

    private static boolean close(double expected, double actual, double relative) {
        return Math.abs(expected - actual) <= relative * Math.max(Math.abs(expected), Math.abs(actual));
    }

    @Property
    void conversionRoundTrips(@ForAll("units") Unit<?> unit, @ForAll("magnitudes") double value) {
        double back = unit.fromSi(unit.toSi(value));
        assertThat(close(value, back, 4 * Math.ulp(1.0)))
                .as("%s: %s -> %s", unit, value, back)
                .isTrue();
    }

    @Property
    void typedConversionRoundTripsThroughAnyUnitOfTheKind(@ForAll @DoubleRange(min = -1e9, max = 1e9) double km) {
        Length l = Length.of(km, Units.KILOMETRE);
        for (Unit<Length> u : List.of(Units.METRE, Units.MILE, Units.INCH, Units.NANOMETRE, Units.ASTRONOMICAL_UNIT)) {
            double back = Length.of(l.in(u), u).in(Units.KILOMETRE);
            assertThat(close(km, back, 1e-15) || Math.abs(km - back) < 1e-300)
                    .as("%s via %s", km, u)
                    .isTrue();
        }
    }

    @Property
    void formatThenParseIsIdentity(@ForAll("kinds") Kind<?> kind, @ForAll("anyDouble") double si) {
        Measure x = kind.ofSi(si);
        Quantity parsed = Quantity.parse(x.toString());
        assertThat(parsed).isEqualTo(Quantity.of(x));
        assertThat(kind.narrow(parsed)).isEqualTo(x);
    }

    @Property
    void formatInAUnitThenParseIsCloseToIdentity(@ForAll("units") Unit<?> unit, @ForAll("magnitudes") double value) {
        Quantity x = Quantity.of(value, unit);
        Quantity parsed = Quantity.parse(x.format(unit));
        assertThat(parsed.dimension()).isEqualTo(x.dimension());
        assertThat(close(x.si(), parsed.si(), 4 * Math.ulp(1.0)))
                .as("%s vs %s", x, parsed)
                .isTrue();
    }

    @Property
    void runtimeQuantityOfArbitraryDimensionFormatsAndParses(
            @ForAll("exponents") int[] e, @ForAll("magnitudes") double si) {
        Quantity q = Quantity.ofSi(si, Dimension.of(e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7]));
        assertThat(Quantity.parse(q.toString())).isEqualTo(q);
    }

    @Provide
    Arbitrary<int[]> exponents() {
        return Arbitraries.integers().between(-4, 4).array(int[].class).ofSize(8);
    }

    /**
     * a × (b / a) == b in dimension and value, for every pair of kinds the generated table can express:
     * {@code b.div(a)} exists and {@code a.times(thatResult)} exists. Calls the generated methods reflectively,
     * so it checks the generator's table, not the runtime algebra. Quotients that dropped an angle exponent no
     * kind carries (1 / rad is dimensionless) forget the angle by design and are left out.
     */
    @Property
    void productOfQuotientRestoresTheDividend(
            @ForAll("kinds") Kind<?> ka,
            @ForAll("kinds") Kind<?> kb,
            @ForAll("magnitudes") double va,
            @ForAll("magnitudes") double vb)
            throws ReflectiveOperationException {
        Measure a = ka.ofSi(va);
        Measure b = kb.ofSi(vb);
        Optional<Method> div = method(b.getClass(), "div", a.getClass());
        Assume.that(div.isPresent());
        Measure quotient = (Measure) invoke(div.get(), b, a);
        Assume.that(quotient.dimension().equals(b.dimension().div(a.dimension())));
        Optional<Method> times = method(a.getClass(), "times", quotient.getClass());
        assertThat(times)
                .as(
                        "%s.times(%s) must exist when %s.div(%s) does",
                        ka.name(), quotient.kind().name(), kb.name(), ka.name())
                .isPresent();
        Measure product = (Measure) invoke(times.get(), a, quotient);
        assertThat(product.dimension()).isEqualTo(b.dimension());
        assertThat(product.kind()).isSameAs(Kind.of(b.dimension()));
        assertThat(close(vb, product.si(), 4 * Math.ulp(1.0)))
                .as("%s vs %s", b, product)
                .isTrue();
    }

    /**
     * Every generated times/div returns the kind whose dimension is the sum/difference of the operands', or, when
     * no kind has that exact dimension, the kind without its angle exponent (SI's rad = 1); and the run-time
     * narrowing ({@link Kind#accepts}) agrees.
     */
    @Property(tries = 200)
    void everyGeneratedOperationAgreesWithTheDimensionAlgebra(
            @ForAll("kinds") Kind<?> ka, @ForAll("magnitudes") double va, @ForAll("magnitudes") double vb)
            throws ReflectiveOperationException {
        Measure a = ka.ofSi(va);
        int checked = 0;
        for (Method m : a.getClass().getDeclaredMethods()) {
            boolean times = m.getName().equals("times");
            if ((!times && !m.getName().equals("div"))
                    || m.getParameterCount() != 1
                    || !Measure.class.isAssignableFrom(m.getParameterTypes()[0])) {
                continue;
            }
            Kind<?> kb = kindOf(m.getParameterTypes()[0]);
            Measure result = (Measure) invoke(m, a, kb.ofSi(vb));
            Dimension exact = times
                    ? ka.dimension().times(kb.dimension())
                    : ka.dimension().div(kb.dimension());
            Dimension expected = Kind.registered(exact).isPresent() ? exact : exact.withoutAngle();
            assertThat(result.kind().accepts(exact)).isTrue();
            assertThat(result.dimension())
                    .as("%s.%s(%s)", ka.name(), m.getName(), kb.name())
                    .isEqualTo(expected);
            assertThat(result.kind()).isSameAs(Kind.registered(expected).orElseThrow());
            double value = times ? va * vb : va / vb;
            assertThat(result.si()).isEqualTo(value);
            checked++;
        }
        assertThat(checked).as("%s has generated operations", ka.name()).isPositive();
    }

    @Property
    void dimensionAlgebraLaws(@ForAll("exponents") int[] a, @ForAll("exponents") int[] b) {
        Dimension da = Dimension.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
        Dimension db = Dimension.of(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]);
        assertThat(da.times(db).div(db)).isEqualTo(da);
        assertThat(da.times(db)).isEqualTo(db.times(da));
        assertThat(da.pow(2).root(2)).isEqualTo(da);
        assertThat(da.div(da).isNone()).isTrue();
        assertThat(Arrays.stream(da.pow(-1).exponents()).sum())
                .isEqualTo(-Arrays.stream(a).sum());
    }

    @Property
    void temperatureScalesRoundTrip(@ForAll @DoubleRange(min = -500, max = 1e6) double reading) {
        for (TemperatureScale s : TemperatureScale.values()) {
            TemperaturePoint p = TemperaturePoint.of(reading, s);
            assertThat(close(reading, p.in(s), 1e-12) || Math.abs(reading - p.in(s)) < 1e-9)
                    .isTrue();
            assertThat(TemperaturePoint.parse(p.format(s)).in(s))
                    .isCloseTo(p.in(s), org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    private static Kind<?> kindOf(Class<?> type) throws ReflectiveOperationException {
        return (Kind<?>) type.getField("KIND").get(null);
    }

    private static Optional<Method> method(Class<?> owner, String name, Class<?> parameter) {
        try {
            return Optional.of(owner.getMethod(name, parameter));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static Object invoke(Method m, Object target, Object arg) throws ReflectiveOperationException {
        try {
            return m.invoke(target, arg);
        } catch (InvocationTargetException e) {
            throw e;
        }
    }
}
