/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Erasure lets a raw type or an unchecked cast put a matrix of the wrong shape behind a type that promises
 * another; javac warns, and the library still fails with a typed exception instead of reading out of bounds.
 */
class HeapPollutionTest {

    @SuppressWarnings({"unchecked", "rawtypes"}) // the point of the test: defeat the compile-time check
    private static <T> T launder(Object o) {
        return (T) o;
    }

    @Test
    void wrongShapesSmuggledPastJavacAreRejectedNotReadOutOfBounds() {
        Matrix<N2, N3> a = Matrix.random(N2.SIZE, N3.SIZE, 1);
        Matrix<N3, N4> fake = launder(Matrix.random(N5.SIZE, N5.SIZE, 2));
        assertThatThrownBy(() -> a.times(fake))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("times: Matrix<N2, N3> 2x3 met a 5x5 matrix")
                .hasMessageContaining("unchecked cast");
        Matrix<N2, N3> fakeSame = launder(Matrix.random(N3.SIZE, N2.SIZE, 3));
        assertThatThrownBy(() -> a.plus(fakeSame))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageStartingWith("plus: ");
        assertThatThrownBy(() -> a.minus(fakeSame)).isInstanceOf(DimensionMismatchException.class);
        assertThatThrownBy(() -> a.isCloseTo(fakeSame, 1)).isInstanceOf(DimensionMismatchException.class);
        Matrix<N2, N2> notSquare = launder(a);
        assertThatThrownBy(() -> Matrix.trace(notSquare))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("is not square");
        assertThatThrownBy(() -> Matrix.inverse(notSquare)).isInstanceOf(DimensionMismatchException.class);
        Matrix<N2, N1> wrongRhs = launder(Matrix.random(N3.SIZE, N1.SIZE, 4));
        assertThatThrownBy(() -> Matrix.solve(Matrix.identity(N2.SIZE), wrongRhs))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageStartingWith("solve: ");
        FloatMatrix<N2, N3> f = FloatMatrix.zeros(N2.SIZE, N3.SIZE);
        FloatMatrix<N3, N2> fakeFloat = launder(FloatMatrix.zeros(N4.SIZE, N2.SIZE));
        assertThatThrownBy(() -> f.times(fakeFloat))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("met a 4x2 matrix where 3x2 was promised");
    }
}
