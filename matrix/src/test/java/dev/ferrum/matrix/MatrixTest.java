/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.foreign.Arena;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class MatrixTest {

    interface Features extends Dim {}

    interface Samples extends Dim {}

    interface Unbound extends Dim {}

    @Test
    void createsFromRowsAndReadsBackEveryElement() {
        Matrix<N2, N3> m = Matrix.of(N2.SIZE, N3.SIZE, new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(m.rows()).isEqualTo(2);
        assertThat(m.cols()).isEqualTo(3);
        assertThat(m.get(1, 2)).isEqualTo(6);
        assertThat(m.toArray()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(m.toRows()).isDeepEqualTo(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(m.transpose().toArray()).containsExactly(1, 4, 2, 5, 3, 6);
    }

    @Test
    void multipliesTheWorkedExampleOfTheIssue() {
        Matrix<N3, N2> a = Matrix.of(N3.SIZE, N2.SIZE, 1, 2, 3, 4, 5, 6);
        Matrix<N2, N4> b = Matrix.of(N2.SIZE, N4.SIZE, 1, 0, 2, 1, 0, 1, 1, 2);
        Matrix<N3, N4> c = a.times(b);
        assertThat(c.toArray()).containsExactly(1, 2, 4, 5, 3, 4, 10, 11, 5, 6, 16, 17);
    }

    @Test
    void rejectsArraysThatDoNotMatchTheDimensionsOnce() {
        assertThatThrownBy(() -> Matrix.of(N2.SIZE, N3.SIZE, 1, 2, 3, 4, 5))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("Matrix<N2, N3> is 2x3 = 6 values; the array has 5");
        assertThatThrownBy(() -> Matrix.of(N2.SIZE, N3.SIZE, new double[][] {{1, 2, 3}, {4, 5}}))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("Matrix<N2, N3> needs 3 columns (N3=3); row 1 has 2");
        assertThatThrownBy(() -> Matrix.of(N2.SIZE, N3.SIZE, new double[][] {{1, 2, 3}}))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("needs 2 rows");
    }

    @Test
    void indicesOutsideTheShapeAreReportedWithTheShape() {
        Matrix<N2, N3> m = Matrix.zeros(N2.SIZE, N3.SIZE);
        assertThatThrownBy(() -> m.get(2, 0))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("element (2, 0) is outside Matrix<N2, N3> 2x3: rows 0..1, columns 0..2");
        assertThatThrownBy(() -> m.set(0, -1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void namedDimensionsAreBoundOnceAndForAll() {
        Size<Features> features = Size.of(Features.class, 5);
        assertThat(Size.of(Features.class, 5)).isSameAs(features);
        assertThat(Size.of(Features.class)).isSameAs(features);
        assertThatThrownBy(() -> Size.of(Features.class, 6))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("dimension Features is already bound to size 5; cannot rebind it to 6");
        assertThatThrownBy(() -> Size.of(N3.class, 4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("N3 is already bound to size 3");
        assertThatThrownBy(() -> Size.of(Unbound.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Unbound has no size yet");
        assertThatThrownBy(() -> Size.of(Samples.class, 0)).isInstanceOf(IllegalArgumentException.class);
        Matrix<Features, N3> w = Matrix.random(features, N3.SIZE, 3);
        assertThat(w.toString()).startsWith("Matrix<Features, N3> 5x3\n");
    }

    @Test
    void elementWiseOperationsAndScaling() {
        Matrix<N2, N2> a = Matrix.of(N2.SIZE, N2.SIZE, 1, 2, 3, 4);
        Matrix<N2, N2> b = Matrix.of(N2.SIZE, N2.SIZE, 5, 6, 7, 8);
        assertThat(a.plus(b).toArray()).containsExactly(6, 8, 10, 12);
        assertThat(b.minus(a).toArray()).containsExactly(4, 4, 4, 4);
        assertThat(a.scale(-2).toArray()).containsExactly(-2, -4, -6, -8);
        assertThat(a.hadamard(b).toArray()).containsExactly(5, 12, 21, 32);
        assertThat(b.divideElements(a).toArray()).containsExactly(5, 3, 7.0 / 3, 2);
        assertThat(a.map(x -> x * x).toArray()).containsExactly(1, 4, 9, 16);
        assertThat(a.zip(b, Math::max).toArray()).containsExactly(5, 6, 7, 8);
        Matrix<N2, N2> c = a.copy();
        c.plusInPlace(b);
        assertThat(c.toArray()).containsExactly(6, 8, 10, 12);
        assertThat(a.toArray()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void norms() {
        Matrix<N2, N2> a = Matrix.of(N2.SIZE, N2.SIZE, 1, -2, -3, 4);
        assertThat(a.normFrobenius()).isCloseTo(Math.sqrt(30), within(1e-15));
        assertThat(a.norm1()).isEqualTo(6);
        assertThat(a.normInf()).isEqualTo(7);
        assertThat(a.normMax()).isEqualTo(4);
        Matrix<N1, N2> huge = Matrix.of(N1.SIZE, N2.SIZE, 1e300, 1e300);
        assertThat(huge.normFrobenius()).isCloseTo(Math.sqrt(2) * 1e300, within(1e286));
    }

    @Test
    void squareOperationsOnKnownValues() {
        Matrix<N3, N3> a = Matrix.of(N3.SIZE, N3.SIZE, 1, 2, 3, 0, 1, 4, 5, 6, 0);
        assertThat(Matrix.trace(a)).isEqualTo(2);
        assertThat(Matrix.determinant(a)).isCloseTo(1, within(1e-12));
        assertThat(Matrix.inverse(a).toArray())
                .containsExactly(new double[] {-24, 18, 5, 20, -15, -4, -5, 4, 1}, within(1e-11));
        // A row swap is needed (zero first pivot): partial pivoting must handle it and flip the sign.
        Matrix<N2, N2> swap = Matrix.of(N2.SIZE, N2.SIZE, 0, 1, 1, 0);
        assertThat(Matrix.determinant(swap)).isEqualTo(-1);
        Matrix<N2, N1> x = Matrix.solve(swap, Matrix.of(N2.SIZE, N1.SIZE, 3, 4));
        assertThat(x.toArray()).containsExactly(4, 3);
    }

    @Test
    void singularMatricesAreReportedNotInverted() {
        Matrix<N3, N3> singular = Matrix.of(N3.SIZE, N3.SIZE, 1, 2, 3, 2, 4, 6, 1, 1, 1);
        assertThat(Matrix.determinant(singular)).isZero();
        assertThatThrownBy(() -> Matrix.inverse(singular))
                .isInstanceOf(SingularMatrixException.class)
                .hasMessageContaining("Matrix<N3, N3> 3x3 is singular");
    }

    @Test
    void equalityWithToleranceAndExactly() {
        Matrix<N2, N2> a = Matrix.of(N2.SIZE, N2.SIZE, 1, 2, 3, 4);
        Matrix<N2, N2> b = Matrix.of(N2.SIZE, N2.SIZE, 1, 2, 3, 4 + 1e-10);
        assertThat(a.isCloseTo(b, 1e-9)).isTrue();
        assertThat(a.isCloseTo(b, 1e-11)).isFalse();
        assertThat(a).isNotEqualTo(b).isEqualTo(a.copy()).hasSameHashCodeAs(a.copy());
        Matrix<N2, N2> nan = Matrix.of(N2.SIZE, N2.SIZE, 1, 2, 3, Double.NaN);
        assertThat(nan.isCloseTo(nan, 1)).isFalse();
    }

    @Test
    void toStringShowsTypeShapeAndAlignedRows() {
        Matrix<N2, N3> m = Matrix.of(N2.SIZE, N3.SIZE, 1, -2.5, 3, 0, 10, 0.125);
        assertThat(m.toString()).isEqualTo("""
                Matrix<N2, N3> 2x3
                [1  -2.5      3]
                [0    10  0.125]""");
        Matrix<N16, N16> big = Matrix.identity(N16.SIZE);
        String text = big.toString();
        assertThat(text.lines()).hasSize(10); // header + 4 rows + "..." row + 4 rows
        assertThat(text).contains("...");
    }

    @Test
    void storageKindsAndArenaLifetime() {
        Matrix<N4, N4> heap = Matrix.random(N4.SIZE, N4.SIZE, 1, Storage.ON_HEAP);
        Matrix<N4, N4> off = Matrix.random(N4.SIZE, N4.SIZE, 1);
        assertThat(heap.storage()).isEqualTo(Storage.ON_HEAP);
        assertThat(off.storage()).isEqualTo(Storage.OFF_HEAP);
        assertThat(off.segment().address() % 64).as("64-byte aligned").isZero();
        assertThat(heap.times(heap).storage()).isEqualTo(Storage.ON_HEAP);
        assertThat(heap).isEqualTo(off);
        assertThat(heap.times(heap)).isEqualTo(off.times(off));

        Matrix<N3, N3> scoped;
        try (Arena arena = Arena.ofConfined()) {
            scoped = Matrix.zeros(arena, N3.SIZE, N3.SIZE);
            scoped.set(1, 1, 7);
            assertThat(scoped.segment().getAtIndex(ValueLayout.JAVA_DOUBLE, 4)).isEqualTo(7);
        }
        Matrix<N3, N3> closed = scoped;
        assertThatThrownBy(() -> closed.get(1, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void multiplyIntoRejectsAliasedOutput() {
        Matrix<N4, N4> a = Matrix.random(N4.SIZE, N4.SIZE, 1);
        Matrix<N4, N4> b = Matrix.random(N4.SIZE, N4.SIZE, 2);
        assertThatThrownBy(() -> a.times(b, a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out must not be one of the factors");
        assertThatThrownBy(() -> a.times(b, b.toDynamic().as(N4.SIZE, N4.SIZE)))
                .isInstanceOf(IllegalArgumentException.class);
        Matrix<N4, N4> out = Matrix.zeros(N4.SIZE, N4.SIZE);
        assertThat(a.times(b, out)).isSameAs(out).isEqualTo(a.times(b));
        // All-on-heap products take the double[] path; it must give the same bits as the segment path.
        Matrix<N4, N4> heapOut = Matrix.zeros(N4.SIZE, N4.SIZE, Storage.ON_HEAP);
        Matrix<N4, N4> heapA = Matrix.zeros(N4.SIZE, N4.SIZE, Storage.ON_HEAP).plus(a);
        Matrix<N4, N4> heapB = Matrix.zeros(N4.SIZE, N4.SIZE, Storage.ON_HEAP).plus(b);
        assertThat(heapA.storage()).isEqualTo(Storage.ON_HEAP);
        assertThat(heapA.times(heapB, heapOut)).isEqualTo(out);
        assertThatThrownBy(() -> heapA.times(heapB, heapA)).isInstanceOf(IllegalArgumentException.class);
        Matrix<N3, N3> heap3 = Matrix.random(N3.SIZE, N3.SIZE, 5, Storage.ON_HEAP);
        assertThat(heap3.times(heap3, Matrix.zeros(N3.SIZE, N3.SIZE, Storage.ON_HEAP)))
                .isEqualTo(Matrix.random(N3.SIZE, N3.SIZE, 5).times(Matrix.random(N3.SIZE, N3.SIZE, 5)));
    }

    @Test
    void floatMatricesMultiplyAndConvert() {
        FloatMatrix<N2, N3> a = FloatMatrix.of(N2.SIZE, N3.SIZE, 1, 2, 3, 4, 5, 6);
        FloatMatrix<N3, N2> b = a.transpose();
        FloatMatrix<N2, N2> c = a.times(b);
        assertThat(c.get(0, 0)).isEqualTo(14f);
        assertThat(c.get(1, 1)).isEqualTo(77f);
        assertThat(c.toDouble().isCloseTo(a.toDouble().times(b.toDouble()), 1e-6))
                .isTrue();
        assertThat(a.plus(a).minus(a)).isEqualTo(a);
        assertThat(a.scale(2).get(1, 2)).isEqualTo(12f);
        assertThat(a.normFrobenius()).isCloseTo(Math.sqrt(91), within(1e-6));
        assertThat(c.toString()).startsWith("FloatMatrix<N2, N2> 2x2\n[14  32]");
        assertThatThrownBy(() -> FloatMatrix.of(N2.SIZE, N2.SIZE, 1, 2, 3)).isInstanceOf(ShapeMismatchException.class);
        FloatMatrix<N16, N16> r = FloatMatrix.random(N16.SIZE, N16.SIZE, 4, Storage.ON_HEAP);
        FloatMatrix<N16, N16> out = FloatMatrix.zeros(N16.SIZE, N16.SIZE);
        assertThat(r.times(r, out).toDouble().isCloseTo(r.toDouble().times(r.toDouble()), 1e-4))
                .isTrue();
    }
}
