/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Reusable decompositions (LU, QR, Cholesky), views, vector products and transposed products. */
class DecompositionPropertiesTest {

    /** Dimensions 1..16 as their typed tokens; a second draw gives an independent shape. */
    @Provide
    Arbitrary<Size<?>> sizes() {
        return Arbitraries.of(
                N1.SIZE, N2.SIZE, N3.SIZE, N4.SIZE, N5.SIZE, N6.SIZE, N7.SIZE, N8.SIZE, N9.SIZE, N10.SIZE, N11.SIZE,
                N12.SIZE, N13.SIZE, N14.SIZE, N15.SIZE, N16.SIZE);
    }

    private static double tol(int n) {
        return 1e-12 * n * n;
    }

    @Property(tries = 60)
    void luReassemblesPermutedMatrixAndSolvesManyRightHandSides(
            @ForAll("sizes") Size<?> n, @ForAll("sizes") Size<?> k, @ForAll long seed) {
        lu(n, k, seed);
    }

    private static <N extends Dim, K extends Dim> void lu(Size<N> n, Size<K> k, long seed) {
        Matrix<N, N> a = Matrix.random(n, n, seed);
        LuDecomposition<N> lu = Matrix.lu(a);
        Matrix<N, N> l = lu.lower();
        Matrix<N, N> u = lu.upper();
        assertThat(lu.permutation().times(a).isCloseTo(l.times(u), tol(n.value())))
                .as("P A = L U")
                .isTrue();
        for (int i = 0; i < n.value(); i++) {
            assertThat(l.get(i, i)).isEqualTo(1);
            for (int j = i + 1; j < n.value(); j++) {
                assertThat(l.get(i, j)).isZero();
                assertThat(u.get(j, i)).isZero();
            }
        }
        assertThat(lu.determinant()).isEqualTo(Matrix.determinant(a));
        if (!lu.isSingular()) {
            for (long s = 1; s <= 3; s++) { // one decomposition, several right-hand sides
                Matrix<N, K> b = Matrix.random(n, k, seed + s);
                Matrix<N, K> x = lu.solve(b);
                double scale = a.normInf() * x.normInf() + b.normInf();
                assertThat(a.times(x).isCloseTo(b, 1e-12 * n.value() * scale)).isTrue();
            }
        }
    }

    @Property(tries = 60)
    void qrReassemblesWithOrthogonalQAndUpperTriangularR(
            @ForAll("sizes") Size<?> rows, @ForAll("sizes") Size<?> cols, @ForAll long seed) {
        qr(rows, cols, seed);
    }

    private static <R extends Dim, C extends Dim> void qr(Size<R> rows, Size<C> cols, long seed) {
        Matrix<R, C> a = Matrix.random(rows, cols, seed);
        QrDecomposition<R, C> qr = a.qr();
        Matrix<R, R> q = qr.q();
        Matrix<R, C> r = qr.r();
        double t = tol(Math.max(rows.value(), cols.value()));
        assertThat(q.times(r).isCloseTo(a, t)).as("A = Q R").isTrue();
        assertThat(q.transposeTimes(q).isCloseTo(Matrix.identity(rows), t))
                .as("Q^T Q = I")
                .isTrue();
        for (int i = 0; i < rows.value(); i++) {
            for (int j = 0; j < Math.min(i, cols.value()); j++) {
                assertThat(r.get(i, j)).as("R below the diagonal").isZero();
            }
        }
    }

    @Property(tries = 60)
    void leastSquaresResidualIsOrthogonalToEveryColumn(
            @ForAll("sizes") Size<?> rows, @ForAll("sizes") Size<?> cols, @ForAll long seed) {
        if (rows.value() >= cols.value()) {
            leastSquares(rows, cols, seed);
        }
    }

    private static <R extends Dim, C extends Dim> void leastSquares(Size<R> rows, Size<C> cols, long seed) {
        Matrix<R, C> a = Matrix.random(rows, cols, seed);
        Matrix<R, N2> b = Matrix.random(rows, N2.SIZE, seed + 1);
        QrDecomposition<R, C> qr = a.qr();
        assertThat(qr.isFullColumnRank()).isTrue(); // random matrices have full rank almost surely
        Matrix<C, N2> x = qr.leastSquares(b);
        Matrix<R, N2> residual = b.minus(a.times(x));
        Matrix<C, N2> normal = a.transposeTimes(residual); // A^T (b - A x) = 0
        assertThat(normal.normMax()).isLessThan(1e-11 * rows.value() * (1 + b.normMax()));
    }

    @Property(tries = 60)
    void choleskyReassemblesSymmetricPositiveDefiniteMatrices(@ForAll("sizes") Size<?> n, @ForAll long seed) {
        cholesky(n, seed);
    }

    private static <N extends Dim> void cholesky(Size<N> n, long seed) {
        Matrix<N, N> b = Matrix.random(n, n, seed);
        Matrix<N, N> a = b.timesTransposed(b).plus(Matrix.identity(n).scale(0.1)); // B B^T + 0.1 I is SPD
        CholeskyDecomposition<N> ch = Matrix.cholesky(a);
        Matrix<N, N> l = ch.lower();
        assertThat(l.timesTransposed(l).isCloseTo(a, tol(n.value())))
                .as("A = L L^T")
                .isTrue();
        for (int i = 0; i < n.value(); i++) {
            assertThat(l.get(i, i)).isPositive();
            for (int j = i + 1; j < n.value(); j++) {
                assertThat(l.get(i, j)).isZero();
            }
        }
        double det = Matrix.determinant(a);
        assertThat(ch.determinant()).isCloseTo(det, within(Math.abs(det) * 1e-9));
        Matrix<N, N1> y = Matrix.random(n, N1.SIZE, seed + 7);
        assertThat(a.times(ch.solve(y)).isCloseTo(y, 1e-8)).isTrue();
    }

    @Test
    void decompositionsRejectWhatTheyCannotDecompose() {
        Matrix<N2, N2> indefinite = Matrix.of(N2.SIZE, N2.SIZE, 1, 2, 2, 1);
        assertThatThrownBy(() -> Matrix.cholesky(indefinite))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("column 1");
        Matrix<N3, N2> dependent = Matrix.of(N3.SIZE, N2.SIZE, 1, 2, 2, 4, 3, 6);
        assertThat(dependent.qr().isFullColumnRank()).isFalse();
        assertThatThrownBy(() -> dependent.qr().leastSquares(Matrix.random(N3.SIZE, N1.SIZE, 1)))
                .isInstanceOf(SingularMatrixException.class)
                .hasMessageContaining("column 1");
        Matrix<N2, N3> wide = Matrix.random(N2.SIZE, N3.SIZE, 2);
        assertThatThrownBy(() -> wide.qr().leastSquares(Matrix.random(N2.SIZE, N1.SIZE, 3)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("underdetermined");
        assertThat(wide.qr().q().times(wide.qr().r()).isCloseTo(wide, 1e-12)).isTrue();
    }

    @Test
    void leastSquaresFitsALineExactlyThroughCollinearPoints() {
        // y = 2 + 3 x sampled at x = 0..4
        Matrix<N5, N2> design = Matrix.of(N5.SIZE, N2.SIZE, 1, 0, 1, 1, 1, 2, 1, 3, 1, 4);
        Matrix<N5, N1> y = Matrix.vector(N5.SIZE, 2, 5, 8, 11, 14);
        Matrix<N2, N1> fit = design.qr().leastSquares(y);
        assertThat(fit.get(0, 0)).isCloseTo(2, within(1e-12));
        assertThat(fit.get(1, 0)).isCloseTo(3, within(1e-12));
    }

    @Test
    void viewsReadAndWriteTheUnderlyingMatrix() {
        Matrix<N3, N4> m = Matrix.of(N3.SIZE, N4.SIZE, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(m.row(1).toArray()).containsExactly(5, 6, 7, 8);
        assertThat(m.column(2).toArray()).containsExactly(3, 7, 11);
        MatrixView<N2, N2> block = m.view(N2.SIZE, N2.SIZE, 1, 2);
        assertThat(block.copy()).isEqualTo(Matrix.of(N2.SIZE, N2.SIZE, 7, 8, 11, 12));
        block.set(0, 0, -7);
        assertThat(m.get(1, 2)).isEqualTo(-7);
        m.column(0).fill(0);
        assertThat(m.column(0).toArray()).containsExactly(0, 0, 0);
        m.row(2).assign(m.row(0).copy()); // copy row 0 into row 2
        assertThat(m.row(2).toArray()).containsExactly(0, 2, 3, 4);
        assertThatThrownBy(() -> m.view(N2.SIZE, N3.SIZE, 2, 0))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("a 2x3 view at (2, 0) does not fit inside Matrix<N3, N4> 3x4");
        assertThatThrownBy(() -> block.get(2, 0))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("MatrixView<N2, N2> 2x2 at (1, 2) of Matrix<N3, N4> 3x4");
        assertThat(Matrix.random(N2.SIZE, N2.SIZE, 1, Storage.ON_HEAP)
                        .row(0)
                        .copy()
                        .storage())
                .isEqualTo(Storage.ON_HEAP);
    }

    @Test
    void dotAndCrossOnColumnVectors() {
        Matrix<N3, N1> x = Matrix.vector(N3.SIZE, 1, 0, 0);
        Matrix<N3, N1> y = Matrix.vector(N3.SIZE, 0, 1, 0);
        assertThat(Matrix.cross(x, y)).isEqualTo(Matrix.vector(N3.SIZE, 0, 0, 1));
        assertThat(Matrix.cross(y, x)).isEqualTo(Matrix.vector(N3.SIZE, 0, 0, -1));
        Matrix<N3, N1> u = Matrix.vector(N3.SIZE, 1, 2, 3);
        Matrix<N3, N1> v = Matrix.vector(N3.SIZE, 4, 5, 6);
        assertThat(Matrix.dot(u, v)).isEqualTo(32);
        Matrix<N3, N1> w = Matrix.cross(u, v);
        assertThat(w).isEqualTo(Matrix.vector(N3.SIZE, -3, 6, -3));
        assertThat(Matrix.dot(w, u)).isZero();
        assertThat(Matrix.dot(w, v)).isZero();
    }

    @Property(tries = 40)
    void transposedProductsEqualTheProductWithTheMaterialisedTranspose(
            @ForAll("sizes") Size<?> r, @ForAll("sizes") Size<?> c, @ForAll("sizes") Size<?> k, @ForAll long seed) {
        transposed(r, c, k, seed);
    }

    private static <R extends Dim, C extends Dim, K extends Dim> void transposed(
            Size<R> r, Size<C> c, Size<K> k, long seed) {
        Matrix<R, C> a = Matrix.random(r, c, seed);
        Matrix<K, C> b = Matrix.random(k, c, seed + 1);
        Matrix<R, K> d = Matrix.random(r, k, seed + 2);
        assertThat(a.timesTransposed(b).isCloseTo(a.times(b.transpose()), tol(c.value())))
                .isTrue();
        assertThat(a.transposeTimes(d).isCloseTo(a.transpose().times(d), tol(r.value())))
                .isTrue();
    }
}
