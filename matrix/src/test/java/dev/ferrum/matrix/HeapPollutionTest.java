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
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("times: Matrix<N2, N3> 2x3 and Matrix<N5, N5> 5x5")
                .hasMessageContaining("left columns vs right rows differ: N3=3 vs N5=5")
                .hasMessageContaining("unchecked cast");
        Matrix<N2, N3> fakeSame = launder(Matrix.random(N3.SIZE, N2.SIZE, 3));
        assertThatThrownBy(() -> a.plus(fakeSame))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageStartingWith("plus: ")
                .hasMessageContaining("rows differ: N2=2 vs N3=3")
                .hasMessageContaining("columns differ: N3=3 vs N2=2");
        assertThatThrownBy(() -> a.minus(fakeSame)).isInstanceOf(ShapeMismatchException.class);
        assertThatThrownBy(() -> a.isCloseTo(fakeSame, 1)).isInstanceOf(ShapeMismatchException.class);
        Matrix<N2, N2> notSquare = launder(a);
        assertThatThrownBy(() -> Matrix.trace(notSquare))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("is not square")
                .hasMessageContaining("its columns are N3=3, not N2=2");
        assertThatThrownBy(() -> Matrix.inverse(notSquare)).isInstanceOf(ShapeMismatchException.class);
        Matrix<N2, N1> wrongRhs = launder(Matrix.random(N3.SIZE, N1.SIZE, 4));
        assertThatThrownBy(() -> Matrix.solve(Matrix.identity(N2.SIZE), wrongRhs))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageStartingWith("solve: ")
                .hasMessageContaining("coefficient rows vs right-hand side rows differ: N2=2 vs N3=3");
        FloatMatrix<N2, N3> f = FloatMatrix.zeros(N2.SIZE, N3.SIZE);
        FloatMatrix<N3, N2> fakeFloat = launder(FloatMatrix.zeros(N4.SIZE, N2.SIZE));
        assertThatThrownBy(() -> f.times(fakeFloat))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("met a 4x2 matrix where 3x2 was promised");
    }

    @Test
    void theMessageNamesOnlyTheDimensionThatDiffers() {
        Matrix<N2, N3> a = Matrix.random(N2.SIZE, N3.SIZE, 1);
        Matrix<N2, N3> wrongColumns = launder(Matrix.random(N2.SIZE, N4.SIZE, 2));
        assertThatThrownBy(() -> a.plus(wrongColumns))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("columns differ: N3=3 vs N4=4")
                .hasMessageNotContaining("rows differ");
        Matrix<N4, N3> wrongWidth = launder(Matrix.random(N4.SIZE, N2.SIZE, 3));
        assertThatThrownBy(() -> a.timesTransposed(wrongWidth)).hasMessageContaining("columns differ: N3=3 vs N2=2");
        Matrix<N2, N5> out = launder(Matrix.zeros(N2.SIZE, N4.SIZE));
        assertThatThrownBy(() -> a.times(Matrix.random(N3.SIZE, N5.SIZE, 4), out))
                .hasMessageContaining("times (into out)")
                .hasMessageContaining("product columns vs out columns differ: N5=5 vs N4=4")
                .hasMessageNotContaining("product rows");
    }

    /**
     * A unary operation has nothing to compare a polluted matrix with: erasure removes the static type, and the
     * matrix's own size tokens are true. What the library guarantees is that transpose and the norms work on the
     * true shape (never out of bounds), and that the true tokens travel with the result, so the first operation
     * that combines it with a correctly typed matrix names the dimension that differs.
     */
    @Test
    void unaryOperationsKeepTheTrueShapeSoTheNextOperationNamesIt() {
        Matrix<N3, N2> polluted = launder(Matrix.random(N2.SIZE, N4.SIZE, 5));
        Matrix<N2, N3> t = polluted.transpose();
        org.assertj.core.api.Assertions.assertThat(t.rows()).isEqualTo(4);
        org.assertj.core.api.Assertions.assertThat(t.rowSize()).isSameAs(N4.SIZE);
        org.assertj.core.api.Assertions.assertThat(polluted.normFrobenius())
                .isEqualTo(polluted.toDynamic().normFrobenius());
        assertThatThrownBy(() -> t.plus(Matrix.zeros(N2.SIZE, N3.SIZE)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("plus: Matrix<N4, N2> 4x2 and Matrix<N2, N3> 2x3")
                .hasMessageContaining("rows differ: N4=4 vs N2=2");
    }
}
