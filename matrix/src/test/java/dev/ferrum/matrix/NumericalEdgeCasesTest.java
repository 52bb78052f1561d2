/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Determinants and inverses at the edges: badly scaled but invertible matrices, NaN and infinity, singular
 * matrices; storage and locale independence of the results. (Cross-checks against EJML live in the benchmarks
 * module, where EJML is available.)
 */
class NumericalEdgeCasesTest {

    @Test
    void badlyScaledDiagonalIsInvertibleWithTheExactDeterminant() {
        Matrix<N2, N2> d = Matrix.of(N2.SIZE, N2.SIZE, 1e10, 0, 0, 1e-7);
        assertThat(Matrix.determinant(d)).isCloseTo(1000, within(1e-9));
        Matrix<N2, N2> inv = Matrix.inverse(d);
        assertThat(inv.get(0, 0)).isEqualTo(1e-10);
        assertThat(inv.get(1, 1)).isCloseTo(1e7, within(1e-6));
        assertThat(Matrix.lu(d).isSingular()).isFalse();
    }

    @Test
    void rowScaledAndColumnScaledMatricesAreNotCalledSingular() {
        // [[1, 1], [1, 2]] with row 2 (then column 2) scaled by 1e-17: determinant scales with it, never 0.
        Matrix<N2, N2> rows = Matrix.of(N2.SIZE, N2.SIZE, 1e10, 1e10, 1e-7, 2e-7);
        assertThat(Matrix.determinant(rows)).isCloseTo(1000, within(1e-6));
        Matrix<N2, N2> cols = Matrix.of(N2.SIZE, N2.SIZE, 1e10, 1e-7, 1e10, 2e-7);
        assertThat(Matrix.determinant(cols)).isCloseTo(1000, within(1e-6));
        assertThat(Matrix.inverse(cols).times(cols).isCloseTo(Matrix.identity(N2.SIZE), 1e-9))
                .isTrue();
    }

    /** det(D A) = det(D) det(A) for diagonal D with entries anywhere from 1e-150 to 1e150. */
    @Property(tries = 60)
    void determinantFollowsRowScalingOverThreeHundredDecades(
            @ForAll long seed,
            @ForAll @IntRange(min = -150, max = 150) int e1,
            @ForAll @IntRange(min = -150, max = 150) int e2) {
        SplittableRandom r = new SplittableRandom(seed);
        Matrix<N4, N4> a = Matrix.random(N4.SIZE, N4.SIZE, seed)
                .plus(Matrix.identity(N4.SIZE).scale(4));
        double[] scales = {Math.pow(10, e1), Math.pow(10, e2), Math.pow(10, r.nextInt(-20, 21)), 1};
        Matrix<N4, N4> d = Matrix.zeros(N4.SIZE, N4.SIZE);
        double detD = 1;
        for (int i = 0; i < 4; i++) {
            d.set(i, i, scales[i]);
            detD *= scales[i];
        }
        Matrix<N4, N4> da = d.times(a);
        double expected = detD * Matrix.determinant(a);
        // Relative agreement, except where the product falls among the subnormals (below 2.2e-308 digits run out).
        double tolerance = Math.max(Math.abs(expected) * 1e-12, 1e-315);
        assertThat(Matrix.determinant(da)).isCloseTo(expected, within(tolerance));
        Matrix<N4, N4> inv = Matrix.inverse(da); // must not throw "singular"
        assertThat(inv.times(da).isCloseTo(Matrix.identity(N4.SIZE), 1e-9)).isTrue();
    }

    @Test
    void nanAndInfinityPropagateAsIeeeSays() {
        Matrix<N3, N3> withNaN = Matrix.of(N3.SIZE, N3.SIZE, 1, 2, 3, 4, Double.NaN, 6, 7, 8, 10);
        assertThat(Matrix.determinant(withNaN)).isNaN();
        // A NaN behind an exactly-zero column still poisons the determinant (0 * NaN is NaN).
        assertThat(Matrix.determinant(Matrix.of(N2.SIZE, N2.SIZE, 0, Double.NaN, 0, 1)))
                .isNaN();
        Matrix<N2, N2> inf = Matrix.of(N2.SIZE, N2.SIZE, Double.POSITIVE_INFINITY, 1, 1, 2);
        assertThat(Matrix.determinant(inf)).isEqualTo(Double.POSITIVE_INFINITY); // inf * 2 - 1 * 1
        Matrix<N2, N2> negInf = Matrix.of(N2.SIZE, N2.SIZE, 1, Double.POSITIVE_INFINITY, 1, 1);
        assertThat(Matrix.determinant(negInf)).isEqualTo(Double.NEGATIVE_INFINITY); // 1 * 1 - inf * 1
        Matrix<N2, N2> infMinusInf =
                Matrix.of(N2.SIZE, N2.SIZE, Double.POSITIVE_INFINITY, 1, Double.POSITIVE_INFINITY, 2);
        assertThat(Matrix.determinant(infMinusInf)).isNaN(); // 2 inf - inf
        // Not "singular": the solution carries the NaN.
        Matrix<N3, N3> inverse = Matrix.inverse(withNaN);
        assertThat(inverse.toArray()).contains(Double.NaN);
        assertThat(Matrix.lu(withNaN).isSingular()).isFalse();
    }

    @Test
    void exactlyAndNumericallySingularMatricesHaveDeterminantZeroAndNoInverse() {
        Matrix<N3, N3> exact = Matrix.of(N3.SIZE, N3.SIZE, 1, 2, 3, 2, 4, 6, 1, 1, 1);
        assertThat(Matrix.determinant(exact)).isZero();
        // 1..9: elimination leaves a pivot of about 1e-16, pure cancellation noise (EJML reports 6.7e-16).
        Matrix<N3, N3> noisy = Matrix.of(N3.SIZE, N3.SIZE, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(Matrix.determinant(noisy)).isZero();
        assertThatThrownBy(() -> Matrix.inverse(noisy))
                .isInstanceOf(SingularMatrixException.class)
                .hasMessageContaining("pivot in column 2 is zero to working precision");
        // The same matrices scaled by 1e-200 are just as singular, and no more.
        assertThat(Matrix.determinant(noisy.scale(1e-200))).isZero();
        Matrix<N3, N3> tinyButRegular =
                Matrix.of(N3.SIZE, N3.SIZE, 2, 0, 0, 0, 3, 0, 0, 0, 4).scale(1e-100);
        assertThat(Matrix.determinant(tinyButRegular)).isCloseTo(24e-300, within(1e-310));
    }

    @Test
    void inverseOfAnOnHeapMatrixIsOnHeap() {
        Matrix<N3, N3> a = Matrix.random(N3.SIZE, N3.SIZE, 9, Storage.ON_HEAP)
                .plus(Matrix.identity(N3.SIZE, Storage.ON_HEAP).scale(3));
        assertThat(Matrix.inverse(a).storage()).isEqualTo(Storage.ON_HEAP);
        assertThat(Matrix.lu(a).inverse().storage()).isEqualTo(Storage.ON_HEAP);
        assertThat(Matrix.inverse(Matrix.identity(N3.SIZE)).storage()).isEqualTo(Storage.OFF_HEAP);
        DynMatrix dyn = a.toDynamic();
        assertThat(dyn.inverse().toArray()).containsExactly(Matrix.inverse(a).toArray());
    }

    @Test
    void toStringDoesNotDependOnTheDefaultLocale() {
        Matrix<N2, N2> m = Matrix.of(N2.SIZE, N2.SIZE, 0.041757, 1.5, -2.25e-7, 3e8);
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String german = m.toString();
            Locale.setDefault(Locale.forLanguageTag("ar-EG")); // Arabic-Indic digits by default
            String arabic = m.toString();
            Locale.setDefault(Locale.ROOT);
            assertThat(german)
                    .isEqualTo(m.toString())
                    .isEqualTo(arabic)
                    .contains("0.041757")
                    .doesNotContain("0,04");
            assertThat(german).contains("-2.250000e-07");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
