/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

import dev.ferrum.matrix.internal.DoubleStore;
import dev.ferrum.matrix.internal.LuFactor;

/**
 * A reusable LU decomposition with partial pivoting, {@code P A = L U}: decompose once ({@code O(n^3)}), then
 * solve for as many right-hand sides as needed ({@code O(n^2)} each), read the determinant or the inverse.
 *
 * <pre>{@code
 * LuDecomposition<N3> lu = Matrix.lu(a);
 * Matrix<N3, N1> x1 = lu.solve(b1);
 * Matrix<N3, N4> x2 = lu.solve(b2);          // same factors, no second decomposition
 * double det = lu.determinant();
 * }</pre>
 *
 * <p><b>Singularity</b> is judged per pivot against the rounding error of the sums that produced it, which does not
 * depend on how rows or columns are scaled: {@code diag(1e10, 1e-7)} is invertible (determinant 1000), while a
 * matrix whose pivot is pure cancellation noise is singular. Matrices holding NaN or infinities are never called
 * singular: their determinants and solutions are what IEEE 754 arithmetic gives (NaN, infinities).
 *
 * <p>Immutable after construction (it holds a copy of the factors), so it may be shared between threads. Results
 * use the decomposed matrix's kind of storage.
 *
 * @param <N> the dimension of the square matrix
 */
public final class LuDecomposition<N extends Dim> {

    private final Size<N> size;
    private final LuFactor factor;
    private final Storage storage;
    private final String shape;

    LuDecomposition(Matrix<N, N> a) {
        this.size = a.rowSize();
        this.factor = LuFactor.of(a.store());
        this.storage = a.storage();
        this.shape = a.shape();
    }

    /** Returns whether the matrix is singular to working precision (never for NaN/infinite elements). */
    public boolean isSingular() {
        return factor.singularColumn() >= 0;
    }

    /**
     * Returns the determinant; 0 if {@link #isSingular()}; NaN if an element is NaN; for infinite elements what IEEE arithmetic on the pivots gives.
     */
    public double determinant() {
        return factor.determinant();
    }

    /**
     * Solves {@code A X = B}.
     *
     * @param b   right-hand sides, one per column
     * @param <K> the number of right-hand sides
     * @return X, new
     * @throws SingularMatrixException if {@link #isSingular()}, naming the pivot column
     */
    public <K extends Dim> Matrix<N, K> solve(Matrix<N, K> b) {
        if (b.rows() != size.value()) {
            throw new ShapeMismatchException("solve: the decomposition is of " + shape + "; the right-hand side is "
                    + b.rows() + " rows under a type that promised " + size + " (a raw type or unchecked cast let"
                    + " it through)");
        }
        requireNonSingular("solve");
        DoubleStore out = b.store().allocateLike(b.rows(), b.cols());
        factor.solve(b.store(), out);
        return Matrix.wrap(size, b.colSize(), out);
    }

    /**
     * Returns the inverse from the factors.
     *
     * @return {@code A^-1}, new, in the decomposed matrix's kind of storage
     * @throws SingularMatrixException if {@link #isSingular()}
     */
    public Matrix<N, N> inverse() {
        requireNonSingular("inverse");
        return solve(Matrix.identity(size, storage));
    }

    private void requireNonSingular(String op) {
        if (isSingular()) {
            throw new SingularMatrixException(op + ": " + shape + " is singular (pivot in column "
                    + factor.singularColumn() + " is zero to working precision)");
        }
    }

    /** Returns L, unit lower-triangular, new. */
    public Matrix<N, N> lower() {
        Matrix<N, N> l = Matrix.zeros(size, size, storage);
        for (int i = 0; i < size.value(); i++) {
            for (int j = 0; j <= i; j++) {
                l.set(i, j, factor.lower(i, j));
            }
        }
        return l;
    }

    /** Returns U, upper-triangular, new. */
    public Matrix<N, N> upper() {
        Matrix<N, N> u = Matrix.zeros(size, size, storage);
        for (int i = 0; i < size.value(); i++) {
            for (int j = i; j < size.value(); j++) {
                u.set(i, j, factor.upper(i, j));
            }
        }
        return u;
    }

    /** Returns the permutation matrix P of {@code P A = L U}, new. */
    public Matrix<N, N> permutation() {
        int[] perm = factor.permutation();
        Matrix<N, N> p = Matrix.zeros(size, size, storage);
        for (int i = 0; i < perm.length; i++) {
            p.set(i, perm[i], 1);
        }
        return p;
    }
}
