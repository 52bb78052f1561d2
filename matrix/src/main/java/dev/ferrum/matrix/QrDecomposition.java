/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

import dev.ferrum.matrix.internal.DoubleStore;
import dev.ferrum.matrix.internal.QrFactor;

/**
 * A reusable Householder QR decomposition {@code A = Q R} of an {@code R x C} matrix, typed by its shape:
 * {@link #q()} is a {@code Matrix<R, R>} (orthogonal), {@link #r()} a {@code Matrix<R, C>} (upper-triangular).
 * Its main use is least squares: {@link #leastSquares} minimises {@code ||A X - B||} for tall {@code A}
 * ({@code rows >= cols}) of full column rank, without forming {@code A^T A} (whose condition number is the square
 * of A's).
 *
 * <pre>{@code
 * QrDecomposition<Samples, N3> qr = a.qr();          // a: Matrix<Samples, N3>, Samples > 3
 * Matrix<N3, N1> fit = qr.leastSquares(y);           // y: Matrix<Samples, N1>
 * }</pre>
 *
 * <p>Immutable after construction; may be shared between threads. {@code O(R C^2)} to decompose.
 *
 * @param <R> rows of the decomposed matrix
 * @param <C> columns of the decomposed matrix
 */
public final class QrDecomposition<R extends Dim, C extends Dim> {

    private final Size<R> rows;
    private final Size<C> cols;
    private final QrFactor factor;
    private final Storage storage;
    private final String shape;

    QrDecomposition(Matrix<R, C> a) {
        this.rows = a.rowSize();
        this.cols = a.colSize();
        this.factor = QrFactor.of(a.store());
        this.storage = a.storage();
        this.shape = a.shape();
    }

    /** Returns Q, {@code R x R} with orthonormal columns, new. */
    public Matrix<R, R> q() {
        Matrix<R, R> q = Matrix.zeros(rows, rows, storage);
        factor.q(q.store());
        return q;
    }

    /** Returns R, {@code R x C}, zero below the diagonal, new. */
    public Matrix<R, C> r() {
        Matrix<R, C> r = Matrix.zeros(rows, cols, storage);
        factor.r(r.store());
        return r;
    }

    /** Returns whether the columns are linearly independent to working precision (needs rows >= cols). */
    public boolean isFullColumnRank() {
        return rows.value() >= cols.value() && factor.rankDeficientColumn() < 0;
    }

    /**
     * The least-squares solution of {@code A X = B}: the X minimising the Frobenius norm of {@code A X - B}; its
     * residual {@code B - A X} is orthogonal to every column of A.
     *
     * @param b   right-hand sides, one per column
     * @param <K> the number of right-hand sides
     * @return X, {@code C x K}, new
     * @throws ShapeMismatchException  if A has fewer rows than columns (the problem is underdetermined)
     * @throws SingularMatrixException if A's columns are linearly dependent, naming the first dependent column
     */
    public <K extends Dim> Matrix<C, K> leastSquares(Matrix<R, K> b) {
        if (b.rows() != rows.value()) {
            throw new ShapeMismatchException("leastSquares: the decomposition is of " + shape
                    + "; the right-hand side has " + b.rows() + " rows under a type that promised " + rows
                    + " (a raw type or unchecked cast let it through)");
        }
        if (rows.value() < cols.value()) {
            throw new ShapeMismatchException("leastSquares: " + shape + " has fewer rows than columns; the system is"
                    + " underdetermined and has no unique least-squares solution");
        }
        if (factor.rankDeficientColumn() >= 0) {
            throw new SingularMatrixException("leastSquares: column " + factor.rankDeficientColumn() + " of " + shape
                    + " depends on the columns before it (rank deficient to working precision)");
        }
        DoubleStore out = b.store().allocateLike(cols.value(), b.cols());
        factor.leastSquares(b.store(), out);
        return Matrix.wrap(cols, b.colSize(), out);
    }
}
