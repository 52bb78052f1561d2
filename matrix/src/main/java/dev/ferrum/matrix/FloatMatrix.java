/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

import dev.ferrum.matrix.internal.FloatKernels;
import dev.ferrum.matrix.internal.FloatStore;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A dense {@code float} matrix with typed dimensions: the single-precision twin of {@link Matrix} for
 * graphics-style and memory-bound work (half the bytes, twice the SIMD lanes).
 *
 * <p>It has the core operations only: creation, element access, {@code plus}/{@code minus}/{@code scale},
 * {@code times} (Vector API kernel), {@code transpose}, the Frobenius norm, comparison and {@code toString}.
 * Decompositions (determinant, inverse, solve) are double-only: convert with {@link #toDouble()}.
 * Storage, lifetime and thread-safety are as for {@link Matrix}.
 *
 * @param <R> the row dimension
 * @param <C> the column dimension
 */
public final class FloatMatrix<R extends Dim, C extends Dim> {

    private final Size<R> rows;
    private final Size<C> cols;
    private final FloatStore store;

    private FloatMatrix(Size<R> rows, Size<C> cols, FloatStore store) {
        this.rows = rows;
        this.cols = cols;
        this.store = store;
    }

    /**
     * Creates a zero matrix in the given storage.
     * @param rows    row dimension
     * @param cols    column dimension
     * @param storage off-heap or on-heap
     * @param <R>     row dimension type
     * @param <C>     column dimension type
     * @return a new zero matrix
     */
    public static <R extends Dim, C extends Dim> FloatMatrix<R, C> zeros(Size<R> rows, Size<C> cols, Storage storage) {
        Objects.requireNonNull(storage, "storage");
        int r = rows.value();
        int c = cols.value();
        return new FloatMatrix<>(
                rows, cols, storage == Storage.ON_HEAP ? FloatStore.onHeap(r, c) : FloatStore.offHeap(r, c));
    }

    /**
     * Creates a zero matrix.
     * @param rows row dimension
     * @param cols column dimension
     * @param <R>  row dimension type
     * @param <C>  column dimension type
     * @return a new zero matrix, off-heap
     */
    public static <R extends Dim, C extends Dim> FloatMatrix<R, C> zeros(Size<R> rows, Size<C> cols) {
        return zeros(rows, cols, Storage.OFF_HEAP);
    }

    /**
     * Creates a matrix from row-major values.
     * @param rows     row dimension
     * @param cols     column dimension
     * @param rowMajor exactly {@code rows * cols} values
     * @param <R>      row dimension type
     * @param <C>      column dimension type
     * @return a new matrix holding a copy
     * @throws ShapeMismatchException if the length is wrong
     */
    public static <R extends Dim, C extends Dim> FloatMatrix<R, C> of(Size<R> rows, Size<C> cols, float... rowMajor) {
        Objects.requireNonNull(rowMajor, "rowMajor");
        long expected = (long) rows.value() * cols.value();
        if (rowMajor.length != expected) {
            throw new ShapeMismatchException("FloatMatrix<" + rows.name() + ", " + cols.name() + "> is " + rows.value()
                    + "x" + cols.value() + " = " + expected + " values; the array has " + rowMajor.length);
        }
        FloatMatrix<R, C> m = zeros(rows, cols);
        m.store.load(rowMajor);
        return m;
    }

    /**
     * Creates a matrix of reproducible random values.
     * @param rows    row dimension
     * @param cols    column dimension
     * @param seed    random seed
     * @param storage off-heap or on-heap
     * @param <R>     row dimension type
     * @param <C>     column dimension type
     * @return a new matrix of uniform values in {@code [-1, 1)}
     */
    public static <R extends Dim, C extends Dim> FloatMatrix<R, C> random(
            Size<R> rows, Size<C> cols, long seed, Storage storage) {
        FloatMatrix<R, C> m = zeros(rows, cols, storage);
        SplittableRandom random = new SplittableRandom(seed);
        for (long e = 0; e < m.store.size(); e++) {
            m.store.put(e, (float) random.nextDouble(-1, 1));
        }
        return m;
    }

    /** Returns number of rows. */
    public int rows() {
        return rows.value();
    }

    /** Returns number of columns. */
    public int cols() {
        return cols.value();
    }

    /**
     * Reads one element.
     * @param row    row index
     * @param column column index
     * @return the element
     * @throws IndexOutOfBoundsException naming the index and shape
     */
    public float get(int row, int column) {
        check(row, column);
        return store.get(row, column);
    }

    /**
     * Writes one element.
     * @param row    row index
     * @param column column index
     * @param value  new element
     * @return this matrix
     * @throws IndexOutOfBoundsException naming the index and shape
     */
    public FloatMatrix<R, C> set(int row, int column, float value) {
        check(row, column);
        store.set(row, column, value);
        return this;
    }

    /** Fails only after heap pollution: a raw type or unchecked cast put another shape behind matching types. */
    private void requireShape(FloatMatrix<?, ?> m, int rowCount, int colCount) {
        if (m.rows() != rowCount || m.cols() != colCount) {
            throw new ShapeMismatchException(shape() + " met a " + m.rows() + "x" + m.cols() + " matrix where "
                    + rowCount + "x" + colCount + " was promised (a raw type or unchecked cast let it through)");
        }
    }

    private void check(int row, int column) {
        if (row < 0 || row >= rows() || column < 0 || column >= cols()) {
            throw new IndexOutOfBoundsException("element (" + row + ", " + column + ") is outside " + shape()
                    + ": rows 0.." + (rows() - 1) + ", columns 0.." + (cols() - 1));
        }
    }

    /** Returns the backing memory, row-major, element {@code (i, j)} at {@code (i * cols() + j) * 4}. */
    public MemorySegment segment() {
        return store.segment().asSlice(0, (long) store.size() * Float.BYTES);
    }

    /**
     * Adds element-wise.
     * @param other same shape
     * @return {@code this + other}
     */
    public FloatMatrix<R, C> plus(FloatMatrix<R, C> other) {
        requireShape(other, rows(), cols());
        FloatStore out = store.allocateLike(rows(), cols());
        for (long e = 0; e < store.size(); e++) {
            out.put(e, store.at(e) + other.store.at(e));
        }
        return new FloatMatrix<>(rows, cols, out);
    }

    /**
     * Subtracts element-wise.
     * @param other same shape
     * @return {@code this - other}
     */
    public FloatMatrix<R, C> minus(FloatMatrix<R, C> other) {
        requireShape(other, rows(), cols());
        FloatStore out = store.allocateLike(rows(), cols());
        for (long e = 0; e < store.size(); e++) {
            out.put(e, store.at(e) - other.store.at(e));
        }
        return new FloatMatrix<>(rows, cols, out);
    }

    /**
     * Multiplies every element by a scalar.
     * @param factor the scalar
     * @return {@code factor * this}
     */
    public FloatMatrix<R, C> scale(float factor) {
        FloatStore out = store.allocateLike(rows(), cols());
        for (long e = 0; e < store.size(); e++) {
            out.put(e, factor * store.at(e));
        }
        return new FloatMatrix<>(rows, cols, out);
    }

    /**
     * Multiplies by another matrix into a new one.
     * @param other the right factor
     * @param <K>   the result's columns
     * @return {@code this * other}
     */
    public <K extends Dim> FloatMatrix<R, K> times(FloatMatrix<C, K> other) {
        requireShape(other, cols(), other.cols());
        FloatStore out = store.allocateLike(rows(), other.cols());
        FloatKernels.multiply(store, other.store, out);
        return new FloatMatrix<>(rows, other.cols, out);
    }

    /**
     * Multiplies by another matrix into {@code out}.
     * @param other the right factor
     * @param out   receives the product; not {@code this} nor {@code other}
     * @param <K>   the result's columns
     * @return {@code out}
     * @throws IllegalArgumentException if {@code out} is a factor
     */
    public <K extends Dim> FloatMatrix<R, K> times(FloatMatrix<C, K> other, FloatMatrix<R, K> out) {
        if (out.store == store || out.store == other.store) {
            throw new IllegalArgumentException("times: out must not be one of the factors");
        }
        requireShape(other, cols(), other.cols());
        requireShape(out, rows(), other.cols());
        FloatKernels.multiply(store, other.store, out.store);
        return out;
    }

    /** Returns the transpose. */
    public FloatMatrix<C, R> transpose() {
        FloatStore out = store.allocateLike(cols(), rows());
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                out.set(j, i, store.get(i, j));
            }
        }
        return new FloatMatrix<>(cols, rows, out);
    }

    /** Returns the Frobenius norm, accumulated in double. */
    public double normFrobenius() {
        double sum = 0;
        for (long e = 0; e < store.size(); e++) {
            double v = store.at(e);
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    /**
     * Compares element-wise within an absolute tolerance.
     * @param other     same shape
     * @param tolerance largest allowed absolute difference
     * @return whether all elements are within tolerance
     */
    public boolean isCloseTo(FloatMatrix<R, C> other, double tolerance) {
        requireShape(other, rows(), cols());
        for (long e = 0; e < store.size(); e++) {
            if (!(Math.abs(store.at(e) - other.store.at(e)) <= tolerance)) {
                return false;
            }
        }
        return true;
    }

    /** Returns a double-precision copy (off-heap). */
    public Matrix<R, C> toDouble() {
        Matrix<R, C> m = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                m.set(i, j, store.get(i, j));
            }
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FloatMatrix<?, ?> m) || m.rows() != rows() || m.cols() != cols()) {
            return false;
        }
        for (long e = 0; e < store.size(); e++) {
            if (Float.compare(store.at(e), m.store.at(e)) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 31 * rows() + cols();
        for (long e = 0; e < store.size(); e++) {
            h = 31 * h + Float.hashCode(store.at(e));
        }
        return h;
    }

    private String shape() {
        return "FloatMatrix<" + rows.name() + ", " + cols.name() + "> " + rows() + "x" + cols();
    }

    @Override
    public String toString() {
        return shape() + "\n"
                + toDouble()
                        .toString()
                        .lines()
                        .skip(1)
                        .reduce((x, y) -> x + "\n" + y)
                        .orElse("");
    }
}
