/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrum.matrix.DynMatrix;
import dev.ferrum.matrix.Matrix;
import dev.ferrum.matrix.N2;
import dev.ferrum.matrix.N3;
import dev.ferrum.matrix.N4;
import dev.ferrum.matrix.ShapeMismatchException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code PhantomData} and const generics vs phantom type parameters (seed Project 5, the const generic
 * matrix). Rust writes {@code Matrix<const R: usize, const C: usize>}; Java has no type-level integers, so
 * {@code N2}, {@code N3}, ... are marker types that are never instantiated, and javac matches them the way
 * rustc matches the constants. Erasure removes them at run time; {@link DynMatrix} is the checked-at-run-time
 * counterpart for shapes that come from data.
 */
class PhantomDimensionsTest {

    @Test
    void aThreeByTwoTimesATwoByFourIsAThreeByFour() {
        // tag::phantom-dims[]
        // Rust: Matrix<3, 2> * Matrix<2, 4> -> Matrix<3, 4>; here N3, N2, N4 are phantom types.
        Matrix<N3, N2> a = Matrix.of(N3.SIZE, N2.SIZE, 1, 2, 3, 4, 5, 6);
        Matrix<N2, N4> b = Matrix.of(N2.SIZE, N4.SIZE, 1, 0, 0, 1, 0, 1, 1, 0);
        Matrix<N3, N4> c = a.times(b); // <K> Matrix<R, K> times(Matrix<C, K>): C = N2 matched
        assertThat(c.rows()).isEqualTo(3);
        assertThat(c.cols()).isEqualTo(4);
        assertThat(c.toRows()[2]).containsExactly(5, 6, 6, 5);
        Matrix<N4, N3> t = c.transpose(); // Matrix<C, R>
        assertThat(t.get(3, 2)).isEqualTo(5);
        // end::phantom-dims[]
    }

    @Test
    void aMismatchedInnerDimensionIsACompileError() {
        // tag::phantom-dims-compile-error[]
        String program = """
                import dev.ferrum.matrix.*;
                class Snippet {
                    Object multiply(Matrix<N3, N2> a, Matrix<N5, N5> d) {
                        return a.times(d);        // inner dimensions 2 and 5
                    }
                }
                """;
        List<String> errors = Javac.errors(program, Matrix.class); // the real javac, in-process
        assertThat(errors)
                .singleElement()
                .asString()
                .startsWith("line 4: no suitable method found for times(Matrix<N5,N5>)")
                .contains("Matrix<N5,N5> cannot be converted to Matrix<N2,K");
        // end::phantom-dims-compile-error[]
    }

    @Test
    void shapesFromDataAreCheckedAtRunTimeInstead() {
        DynMatrix a = DynMatrix.zeros(3, 2);
        DynMatrix d = DynMatrix.zeros(5, 5);
        assertThatThrownBy(() -> a.times(d)).isInstanceOf(ShapeMismatchException.class);
        Matrix<N3, N2> typed = a.as(N3.SIZE, N2.SIZE); // one check, then the typed API
        assertThat(typed.rows()).isEqualTo(3);
    }
}
