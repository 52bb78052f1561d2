/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

import dev.ferrum.matrix.internal.CholeskyFactor;
import dev.ferrum.matrix.internal.DoubleStore;

/**
 * A reusable Cholesky decomposition {@code A = L L^T} of a symmetric positive-definite matrix (covariance
 * matrices, normal equations, Gram matrices): half the work of LU and no pivoting. Only the lower triangle of A is
 * read (as LAPACK's {@code dpotrf}); symmetry is the caller's promise.
 *
 * <p>Immutable after construction; may be shared between threads.
 *
 * @param <N> the dimension of the square matrix
 */
public final class CholeskyDecomposition<N extends Dim> {

    private final Size<N> size;
    private final CholeskyFactor factor;
    private final Storage storage;
    private final String shape;

    CholeskyDecomposition(Matrix<N, N> a) {
        this.size = a.rowSize();
        this.factor = CholeskyFactor.of(a.store());
        this.storage = a.storage();
        this.shape = a.shape();
        if (factor.failedColumn() >= 0) {
            throw new NotPositiveDefiniteException("cholesky: " + shape + " is not positive definite (the diagonal"
                    + " of column " + factor.failedColumn() + " is not positive after elimination)");
        }
    }

    /** Returns L, lower-triangular with a positive diagonal, new. */
    public Matrix<N, N> lower() {
        Matrix<N, N> l = Matrix.zeros(size, size, storage);
        for (int i = 0; i < size.value(); i++) {
            for (int j = 0; j <= i; j++) {
                l.set(i, j, factor.lower(i, j));
            }
        }
        return l;
    }

    /** Returns the determinant, {@code prod(diag L)^2}. */
    public double determinant() {
        return factor.determinant();
    }

    /**
     * Solves {@code A X = B}.
     *
     * @param b   right-hand sides, one per column
     * @param <K> the number of right-hand sides
     * @return X, new
     */
    public <K extends Dim> Matrix<N, K> solve(Matrix<N, K> b) {
        if (b.rows() != size.value()) {
            throw new ShapeMismatchException("solve: the decomposition is of " + shape + "; the right-hand side has "
                    + b.rows() + " rows under a type that promised " + size + " (a raw type or unchecked cast let"
                    + " it through)");
        }
        DoubleStore out = b.store().allocateLike(b.rows(), b.cols());
        factor.solve(b.store(), out);
        return Matrix.wrap(size, b.colSize(), out);
    }
}
