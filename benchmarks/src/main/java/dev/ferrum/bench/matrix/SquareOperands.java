/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.matrix;

import dev.ferrum.matrix.Dim;
import dev.ferrum.matrix.Matrix;
import dev.ferrum.matrix.Size;
import org.ejml.data.DMatrixRMaj;

/**
 * The operands every double-precision square multiply benchmark starts from, built the same way: Ferrum's
 * {@code a}, {@code b} (random, seeds 1 and 2) and output {@code c}; the same numbers as row-major
 * {@code double[]} ({@code rawA}, {@code rawB}, output {@code rawC}); EJML matrices sharing those arrays.
 * Subclasses are the JMH {@code @State}s and call {@link #operands} from their {@code @Setup}.
 *
 * @param <S> the benchmark's run-time dimension
 */
public abstract class SquareOperands<S extends Dim> {

    Matrix<S, S> a;
    Matrix<S, S> b;
    Matrix<S, S> c;
    double[] rawA;
    double[] rawB;
    double[] rawC;
    DMatrixRMaj ejmlA;
    DMatrixRMaj ejmlB;
    DMatrixRMaj ejmlC;

    /** Builds the operands for {@code size x size} with dimension {@code side}. */
    final void operands(Class<S> side, int size) {
        Size<S> n = Size.of(side, size);
        a = Matrix.random(n, n, 1);
        b = Matrix.random(n, n, 2);
        c = Matrix.zeros(n, n);
        rawA = a.toArray();
        rawB = b.toArray();
        rawC = new double[size * size];
        ejmlA = new DMatrixRMaj(size, size, true, rawA);
        ejmlB = new DMatrixRMaj(size, size, true, rawB);
        ejmlC = new DMatrixRMaj(size, size);
    }
}
