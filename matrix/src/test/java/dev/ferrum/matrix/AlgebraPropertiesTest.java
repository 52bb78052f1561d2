/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Linear-algebra laws on typed matrices of random shapes. A property draws {@code Size<?>} tokens from
 * {@code N1..N16}; passing them to a generic helper captures each wildcard as its own type variable, so
 * the helper is type-checked exactly like user code with concrete dimensions.
 */
class AlgebraPropertiesTest {

    static final List<Size<?>> SIZES = List.of(
            N1.SIZE, N2.SIZE, N3.SIZE, N4.SIZE, N5.SIZE, N6.SIZE, N7.SIZE, N8.SIZE, N9.SIZE, N10.SIZE, N11.SIZE,
            N12.SIZE, N13.SIZE, N14.SIZE, N15.SIZE, N16.SIZE);

    @Provide
    Arbitrary<Size<?>> sizes() {
        return Arbitraries.of(SIZES);
    }

    @Provide
    Arbitrary<Storage> storages() {
        return Arbitraries.of(Storage.values());
    }

    private static double tolerance(int inner) {
        return 1e-12 * inner * inner + 1e-13;
    }

    @Property(tries = 200)
    void multiplicationIsAssociative(
            @ForAll("sizes") Size<?> r,
            @ForAll("sizes") Size<?> k,
            @ForAll("sizes") Size<?> l,
            @ForAll("sizes") Size<?> c,
            @ForAll long seed,
            @ForAll("storages") Storage storage) {
        associative(r, k, l, c, seed, storage);
    }

    private static <R extends Dim, K extends Dim, L extends Dim, C extends Dim> void associative(
            Size<R> r, Size<K> k, Size<L> l, Size<C> c, long seed, Storage storage) {
        Matrix<R, K> a = Matrix.random(r, k, seed, storage);
        Matrix<K, L> b = Matrix.random(k, l, seed + 1, storage);
        Matrix<L, C> x = Matrix.random(l, c, seed + 2, storage);
        Matrix<R, C> left = a.times(b).times(x);
        Matrix<R, C> right = a.times(b.times(x));
        assertThat(left.isCloseTo(right, tolerance(Math.max(k.value(), l.value()))))
                .as("(AB)C vs A(BC)%n%s%n%s", left, right)
                .isTrue();
    }

    @Property(tries = 200)
    void transposeOfProductIsProductOfTransposesReversed(
            @ForAll("sizes") Size<?> r, @ForAll("sizes") Size<?> k, @ForAll("sizes") Size<?> c, @ForAll long seed) {
        transposeProduct(r, k, c, seed);
    }

    private static <R extends Dim, K extends Dim, C extends Dim> void transposeProduct(
            Size<R> r, Size<K> k, Size<C> c, long seed) {
        Matrix<R, K> a = Matrix.random(r, k, seed);
        Matrix<K, C> b = Matrix.random(k, c, seed + 1);
        Matrix<C, R> left = a.times(b).transpose();
        Matrix<C, R> right = b.transpose().times(a.transpose());
        assertThat(left.isCloseTo(right, tolerance(k.value())))
                .as("(AB)^T vs B^T A^T")
                .isTrue();
    }

    @Property(tries = 200)
    void identityIsNeutralOnBothSides(@ForAll("sizes") Size<?> r, @ForAll("sizes") Size<?> c, @ForAll long seed) {
        identity(r, c, seed);
    }

    private static <R extends Dim, C extends Dim> void identity(Size<R> r, Size<C> c, long seed) {
        Matrix<R, C> a = Matrix.random(r, c, seed);
        // Multiplying by exactly 1 and adding exact zeros changes no bit.
        assertThat(a.times(Matrix.identity(c))).isEqualTo(a);
        assertThat(Matrix.identity(r).times(a)).isEqualTo(a);
    }

    @Property(tries = 200)
    void inverseTimesMatrixIsIdentityForWellConditionedMatrices(@ForAll("sizes") Size<?> n, @ForAll long seed) {
        inverse(n, seed);
    }

    private static <N extends Dim> void inverse(Size<N> n, long seed) {
        // Random entries in [-1, 1) plus n on the diagonal: strictly diagonally dominant, condition number small.
        Matrix<N, N> a = Matrix.random(n, n, seed).plus(Matrix.identity(n).scale(n.value()));
        Matrix<N, N> inv = Matrix.inverse(a);
        assertThat(inv.times(a).isCloseTo(Matrix.identity(n), 1e-12))
                .as("A^-1 A")
                .isTrue();
        assertThat(a.times(inv).isCloseTo(Matrix.identity(n), 1e-12))
                .as("A A^-1")
                .isTrue();
    }

    @Property(tries = 100)
    void solveSatisfiesTheSystem(@ForAll("sizes") Size<?> n, @ForAll("sizes") Size<?> k, @ForAll long seed) {
        solve(n, k, seed);
    }

    private static <N extends Dim, K extends Dim> void solve(Size<N> n, Size<K> k, long seed) {
        Matrix<N, N> a = Matrix.random(n, n, seed).plus(Matrix.identity(n).scale(n.value()));
        Matrix<N, K> b = Matrix.random(n, k, seed + 1);
        Matrix<N, K> x = Matrix.solve(a, b);
        assertThat(a.times(x).isCloseTo(b, 1e-12)).isTrue();
    }

    @Property(tries = 100)
    void determinantIsMultiplicative(@ForAll("sizes") Size<?> n, @ForAll long seed) {
        determinant(n, seed);
    }

    private static <N extends Dim> void determinant(Size<N> n, long seed) {
        Matrix<N, N> a = Matrix.random(n, n, seed);
        Matrix<N, N> b = Matrix.random(n, n, seed + 1);
        double product = Matrix.determinant(a) * Matrix.determinant(b);
        double both = Matrix.determinant(a.times(b));
        assertThat(both).isCloseTo(product, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(product))));
    }

    @Property(tries = 100)
    void dynamicAndTypedMatricesAgreeOnLargeRandomShapes(
            @ForAll @IntRange(min = 1, max = 90) int m,
            @ForAll @IntRange(min = 1, max = 90) int k,
            @ForAll @IntRange(min = 1, max = 90) int n,
            @ForAll long seed) {
        DynMatrix a = DynMatrix.random(m, k, seed);
        DynMatrix b = DynMatrix.random(k, n, seed + 1);
        DynMatrix c = a.times(b);
        for (int i = 0; i < m; i += Math.max(1, m / 7)) {
            for (int j = 0; j < n; j += Math.max(1, n / 7)) {
                double expected = 0;
                for (int p = 0; p < k; p++) {
                    expected += a.get(i, p) * b.get(p, j);
                }
                assertThat(c.get(i, j)).isCloseTo(expected, org.assertj.core.data.Offset.offset(tolerance(k)));
            }
        }
        assertThat(c.transpose().isCloseTo(b.transpose().times(a.transpose()), tolerance(k)))
                .isTrue();
    }
}
