/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

import dev.ferrum.matrix.internal.DoubleStore;
import java.util.Objects;

/**
 * A typed rectangular window onto a {@link Matrix}: a row ({@link Matrix#row}), a column ({@link Matrix#column}) or
 * any block ({@link Matrix#view}). No elements are copied; {@link #get}/{@link #set} read and write the underlying
 * matrix, so a view is how one row of a matrix is updated in place or a block is filled from another matrix.
 *
 * <p>Views are strided (a column's elements are a row apart), so the multiply kernels, which want contiguous
 * rows, do not run on them directly: {@link #copy()} gives a contiguous {@link Matrix} for arithmetic, and
 * {@link #assign} writes a result back.
 *
 * <p>Valid as long as the underlying matrix (for arena-backed matrices: until the arena closes). Not thread-safe,
 * as the matrix itself.
 *
 * @param <R> the window's row dimension
 * @param <C> the window's column dimension
 */
public final class MatrixView<R extends Dim, C extends Dim> {

    private final Size<R> rows;
    private final Size<C> cols;
    private final DoubleStore base;
    private final int row0;
    private final int col0;
    private final String parent;

    MatrixView(Size<R> rows, Size<C> cols, DoubleStore base, int row0, int col0, String parent) {
        this.rows = rows;
        this.cols = cols;
        this.base = base;
        this.row0 = row0;
        this.col0 = col0;
        this.parent = parent;
    }

    /** Returns number of rows of the window. */
    public int rows() {
        return rows.value();
    }

    /** Returns number of columns of the window. */
    public int cols() {
        return cols.value();
    }

    /**
     * Reads one element of the window.
     *
     * @param row    row index within the window
     * @param column column index within the window
     * @return the element of the underlying matrix at {@code (row0 + row, col0 + column)}
     * @throws IndexOutOfBoundsException naming the index and the window
     */
    public double get(int row, int column) {
        check(row, column);
        return base.get(row0 + row, col0 + column);
    }

    /**
     * Writes one element of the window, through to the underlying matrix.
     *
     * @param row    row index within the window
     * @param column column index within the window
     * @param value  the new element, written to the underlying matrix
     * @return this view
     * @throws IndexOutOfBoundsException naming the index and the window
     */
    public MatrixView<R, C> set(int row, int column, double value) {
        check(row, column);
        base.set(row0 + row, col0 + column, value);
        return this;
    }

    private void check(int row, int column) {
        if (row < 0 || row >= rows() || column < 0 || column >= cols()) {
            throw new IndexOutOfBoundsException("element (" + row + ", " + column + ") is outside " + this);
        }
    }

    /** Returns a contiguous copy of the window, in the underlying matrix's kind of storage. */
    public Matrix<R, C> copy() {
        DoubleStore out = base.allocateLike(rows(), cols());
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                out.set(i, j, base.get(row0 + i, col0 + j));
            }
        }
        return Matrix.wrap(rows, cols, out);
    }

    /**
     * Overwrites the window with {@code values} (which may be a copy of an overlapping window: it is a separate
     * matrix, so no element is read after being written).
     *
     * @param values a matrix of the window's shape
     * @return this view
     */
    public MatrixView<R, C> assign(Matrix<R, C> values) {
        Objects.requireNonNull(values, "values");
        if (values.rows() != rows() || values.cols() != cols()) {
            throw new ShapeMismatchException("assign: " + this + " cannot take " + values.shape()
                    + "; their types promised equal sizes (a raw type or unchecked cast let it through)");
        }
        DoubleStore src = values.store();
        if (src == base) {
            values = values.copy();
            src = values.store();
        }
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                base.set(row0 + i, col0 + j, src.get(i, j));
            }
        }
        return this;
    }

    /**
     * Fills the window.
     *
     * @param value written to every element of the window
     * @return this view
     */
    public MatrixView<R, C> fill(double value) {
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                base.set(row0 + i, col0 + j, value);
            }
        }
        return this;
    }

    /** Returns a copy of the window's elements, row-major. */
    public double[] toArray() {
        double[] out = new double[rows() * cols()];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                out[i * cols() + j] = base.get(row0 + i, col0 + j);
            }
        }
        return out;
    }

    /** E.g. {@code MatrixView<N1, N4> 1x4 at (2, 0) of Matrix<N4, N4> 4x4}. */
    @Override
    public String toString() {
        return "MatrixView<" + rows.name() + ", " + cols.name() + "> " + rows() + "x" + cols() + " at (" + row0 + ", "
                + col0 + ") of " + parent;
    }
}
