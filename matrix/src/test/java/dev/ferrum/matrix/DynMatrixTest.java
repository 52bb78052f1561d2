/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Run-time dimensions: the same operations, with mismatches reported as clear exceptions. */
class DynMatrixTest {

    @Test
    void multiplyMismatchNamesBothShapesAndTheRule() {
        DynMatrix a = DynMatrix.random(3, 2, 1);
        DynMatrix d = DynMatrix.identity(5);
        assertThatThrownBy(() -> a.times(d))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("times: left is 3x2, right is 5x5; left columns (2) must equal right rows (5)");
        assertThat(a.times(DynMatrix.identity(2))).isEqualTo(a);
    }

    @Test
    void elementWiseMismatchesAreReported() {
        DynMatrix a = DynMatrix.zeros(2, 3);
        DynMatrix b = DynMatrix.zeros(3, 2);
        assertThatThrownBy(() -> a.plus(b))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("plus: left is 2x3, right is 3x2; element-wise operations need equal shapes");
        assertThatThrownBy(() -> a.minus(b)).hasMessageStartingWith("minus: left is 2x3");
        assertThatThrownBy(() -> a.hadamard(b)).hasMessageStartingWith("hadamard: left is 2x3");
        assertThat(a.plus(b.transpose())).isEqualTo(a);
    }

    @Test
    void squareOnlyOperationsCheckSquareness() {
        DynMatrix a = DynMatrix.zeros(2, 3);
        assertThatThrownBy(a::trace)
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("trace: matrix is 2x3, not square");
        assertThatThrownBy(a::determinant).hasMessage("determinant: matrix is 2x3, not square");
        assertThatThrownBy(a::inverse).hasMessage("inverse: matrix is 2x3, not square");
        DynMatrix sq = DynMatrix.of(2, 2, 4, 7, 2, 6);
        assertThat(sq.determinant()).isCloseTo(10, within(1e-12));
        assertThat(sq.inverse().times(sq).isCloseTo(DynMatrix.identity(2), 1e-12))
                .isTrue();
        assertThatThrownBy(() -> sq.solve(DynMatrix.zeros(3, 1)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("solve: coefficients are 2x2, right-hand side is 3x1; it needs 2 rows");
        assertThatThrownBy(() -> DynMatrix.of(2, 2, 1, 2, 2, 4).inverse()).isInstanceOf(SingularMatrixException.class);
    }

    @Test
    void typedViewChecksSizesOnceThenSharesStorage() {
        DynMatrix d = DynMatrix.random(3, 2, 9);
        Matrix<N3, N2> typed = d.as(N3.SIZE, N2.SIZE);
        typed.set(0, 0, 42);
        assertThat(d.get(0, 0)).isEqualTo(42);
        assertThatThrownBy(() -> d.as(N2.SIZE, N3.SIZE))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("as: matrix is 3x2, but Matrix<N2, N3> is 2x3");
        assertThat(typed.toDynamic()).isEqualTo(d);
    }

    @Test
    void badShapesAndIndicesAreRejectedAtTheBoundary() {
        assertThatThrownBy(() -> DynMatrix.zeros(0, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0x3");
        assertThatThrownBy(() -> DynMatrix.of(2, 2, 1, 2, 3))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("of: a 2x2 matrix has 4 values; the array has 3");
        assertThatThrownBy(() -> DynMatrix.zeros(2, 2).get(0, 2))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("element (0, 2) is outside the 2x2 matrix: rows 0..1, columns 0..1");
    }

    @Test
    void normsTraceAndToString() {
        DynMatrix a = DynMatrix.of(2, 2, 1, -2, -3, 4);
        assertThat(a.norm1()).isEqualTo(6);
        assertThat(a.normInf()).isEqualTo(7);
        assertThat(a.normFrobenius()).isCloseTo(Math.sqrt(30), within(1e-15));
        assertThat(a.trace()).isEqualTo(5);
        assertThat(a.toString()).isEqualTo("DynMatrix 2x2\n[ 1  -2]\n[-3   4]");
        assertThat(a.scale(2).map(Math::abs).zip(a, (x, y) -> x - y).toArray()).containsExactly(1, 6, 9, 4);
    }
}
