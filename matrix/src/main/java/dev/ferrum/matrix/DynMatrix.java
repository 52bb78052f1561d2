/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

import dev.ferrum.matrix.internal.DoubleKernels;
import dev.ferrum.matrix.internal.DoubleOps;
import dev.ferrum.matrix.internal.DoubleStore;
import dev.ferrum.matrix.internal.LuFactor;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A dense {@code double} matrix whose dimensions are run-time values: the same storage and kernels as
 * {@link Matrix}, with every operation checking shapes and throwing {@link ShapeMismatchException}
 * that names both shapes and the rule broken.
 *
 * <pre>{@code
 * DynMatrix a = DynMatrix.random(3, 2, 1);
 * DynMatrix d = DynMatrix.identity(5);
 * a.times(d);  // ShapeMismatchException: times: left is 3x2, right is 5x5; left columns (2) must equal right rows (5)
 * Matrix<N3, N2> typed = a.as(N3.SIZE, N2.SIZE);  // checked once, then typed
 * }</pre>
 *
 * <p>Storage is off-heap (64-byte aligned, GC-managed) unless created from a typed on-heap matrix; results use
 * the receiver's kind of storage. Not thread-safe for writes; see {@link Matrix}.
 */
public final class DynMatrix {

    private final DoubleStore store;

    DynMatrix(DoubleStore store) {
        this.store = store;
    }

    /**
     * Creates a zero matrix.
     * @param rows number of rows, at least 1
     * @param cols number of columns, at least 1
     * @return a new zero matrix (off-heap)
     * @throws IllegalArgumentException if a dimension is below 1 or above {@link Size#MAX}
     */
    public static DynMatrix zeros(int rows, int cols) {
        checkShape(rows, cols);
        return new DynMatrix(DoubleStore.offHeap(rows, cols));
    }

    /**
     * Creates an identity matrix.
     * @param n the dimension
     * @return a new {@code n x n} identity
     */
    public static DynMatrix identity(int n) {
        DynMatrix m = zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.store.set(i, i, 1);
        }
        return m;
    }

    /**
     * Creates a matrix from row-major values.
     * @param rows     number of rows
     * @param cols     number of columns
     * @param rowMajor exactly {@code rows * cols} values
     * @return a new matrix holding a copy
     * @throws ShapeMismatchException if the length is wrong
     */
    public static DynMatrix of(int rows, int cols, double... rowMajor) {
        Objects.requireNonNull(rowMajor, "rowMajor");
        checkShape(rows, cols);
        if (rowMajor.length != (long) rows * cols) {
            throw new ShapeMismatchException("of: a " + rows + "x" + cols + " matrix has " + (long) rows * cols
                    + " values; the array has " + rowMajor.length);
        }
        DynMatrix m = zeros(rows, cols);
        m.store.load(rowMajor);
        return m;
    }

    /**
     * Creates a matrix of reproducible random values.
     * @param rows number of rows
     * @param cols number of columns
     * @param seed random seed
     * @return a new matrix of uniform values in {@code [-1, 1)}
     */
    public static DynMatrix random(int rows, int cols, long seed) {
        DynMatrix m = zeros(rows, cols);
        SplittableRandom random = new SplittableRandom(seed);
        for (long e = 0; e < m.store.size(); e++) {
            m.store.put(e, random.nextDouble(-1, 1));
        }
        return m;
    }

    private static void checkShape(int rows, int cols) {
        if (rows < 1 || cols < 1 || rows > Size.MAX || cols > Size.MAX) {
            throw new IllegalArgumentException(
                    "a matrix needs 1.." + Size.MAX + " rows and columns, got " + rows + "x" + cols);
        }
    }

    /** Returns number of rows. */
    public int rows() {
        return store.rows();
    }

    /** Returns number of columns. */
    public int cols() {
        return store.cols();
    }

    /**
     * A typed view of the same elements, after checking the sizes once.
     *
     * @param rows the row dimension it must have
     * @param cols the column dimension it must have
     * @param <R>  row dimension type
     * @param <C>  column dimension type
     * @return the typed view (no copy; writes are shared)
     * @throws ShapeMismatchException if the shape differs from the tokens' sizes
     */
    public <R extends Dim, C extends Dim> Matrix<R, C> as(Size<R> rows, Size<C> cols) {
        if (rows.value() != rows() || cols.value() != cols()) {
            throw new ShapeMismatchException("as: matrix is " + shape() + ", but Matrix<" + rows.name() + ", "
                    + cols.name() + "> is " + rows.value() + "x" + cols.value());
        }
        return Matrix.wrap(rows, cols, store);
    }

    /**
     * Reads one element.
     * @param row    row index
     * @param column column index
     * @return the element
     * @throws IndexOutOfBoundsException naming the index and the shape
     */
    public double get(int row, int column) {
        checkIndex(row, column);
        return store.get(row, column);
    }

    /**
     * Writes one element.
     * @param row    row index
     * @param column column index
     * @param value  the new element
     * @return this matrix
     * @throws IndexOutOfBoundsException naming the index and the shape
     */
    public DynMatrix set(int row, int column, double value) {
        checkIndex(row, column);
        store.set(row, column, value);
        return this;
    }

    private void checkIndex(int row, int column) {
        if (row < 0 || row >= rows() || column < 0 || column >= cols()) {
            throw new IndexOutOfBoundsException("element (" + row + ", " + column + ") is outside the " + shape()
                    + " matrix: rows 0.." + (rows() - 1) + ", columns 0.." + (cols() - 1));
        }
    }

    /** Returns the backing memory, row-major (see {@link Matrix#segment()}). */
    public MemorySegment segment() {
        return store.segment().asSlice(0, (long) store.size() * Double.BYTES);
    }

    /** Returns a copy of the elements, row-major. */
    public double[] toArray() {
        return store.toArray();
    }

    private String shape() {
        return rows() + "x" + cols();
    }

    private void sameShape(String op, DynMatrix other) {
        if (other.rows() != rows() || other.cols() != cols()) {
            throw new ShapeMismatchException(op + ": left is " + shape() + ", right is " + other.shape()
                    + "; element-wise operations need equal shapes");
        }
    }

    private void square(String op) {
        if (rows() != cols()) {
            throw new ShapeMismatchException(op + ": matrix is " + shape() + ", not square");
        }
    }

    /**
     * Adds element-wise.
     * @param other same shape
     * @return {@code this + other}
     * @throws ShapeMismatchException if the shapes differ
     */
    public DynMatrix plus(DynMatrix other) {
        sameShape("plus", other);
        DoubleStore out = store.allocateLike(rows(), cols());
        DoubleOps.add(store, other.store, out);
        return new DynMatrix(out);
    }

    /**
     * Subtracts element-wise.
     * @param other same shape
     * @return {@code this - other}
     * @throws ShapeMismatchException if the shapes differ
     */
    public DynMatrix minus(DynMatrix other) {
        sameShape("minus", other);
        DoubleStore out = store.allocateLike(rows(), cols());
        DoubleOps.subtract(store, other.store, out);
        return new DynMatrix(out);
    }

    /**
     * Multiplies every element by a scalar.
     * @param factor the scalar
     * @return {@code factor * this}
     */
    public DynMatrix scale(double factor) {
        DoubleStore out = store.allocateLike(rows(), cols());
        DoubleOps.scale(store, factor, out);
        return new DynMatrix(out);
    }

    /**
     * Combines two matrices element by element.
     * @param other same shape
     * @param op    combining function
     * @return {@code op(this[i][j], other[i][j])}
     * @throws ShapeMismatchException if the shapes differ
     */
    public DynMatrix zip(DynMatrix other, DoubleBinaryOperator op) {
        sameShape("zip", other);
        DoubleStore out = store.allocateLike(rows(), cols());
        DoubleOps.zip(store, other.store, out, op);
        return new DynMatrix(out);
    }

    /**
     * Multiplies element-wise (Hadamard product).
     * @param other same shape
     * @return the element-wise product
     * @throws ShapeMismatchException if the shapes differ
     */
    public DynMatrix hadamard(DynMatrix other) {
        sameShape("hadamard", other);
        return zip(other, (x, y) -> x * y);
    }

    /**
     * Applies a function to every element.
     * @param f applied to every element
     * @return {@code f(this[i][j])}
     */
    public DynMatrix map(DoubleUnaryOperator f) {
        DoubleStore out = store.allocateLike(rows(), cols());
        DoubleOps.map(store, out, f);
        return new DynMatrix(out);
    }

    /**
     * Multiplies by another matrix.
     * @param other a matrix with {@code cols()} rows
     * @return {@code this * other}
     * @throws ShapeMismatchException if {@code cols() != other.rows()}
     */
    public DynMatrix times(DynMatrix other) {
        if (cols() != other.rows()) {
            throw new ShapeMismatchException("times: left is " + shape() + ", right is " + other.shape()
                    + "; left columns (" + cols() + ") must equal right rows (" + other.rows() + ")");
        }
        DoubleStore out = store.allocateLike(rows(), other.cols());
        DoubleKernels.multiply(store, other.store, out);
        return new DynMatrix(out);
    }

    /** Returns the transpose. */
    public DynMatrix transpose() {
        DoubleStore out = store.allocateLike(cols(), rows());
        DoubleOps.transpose(store, out);
        return new DynMatrix(out);
    }

    /** Returns the Frobenius norm. */
    public double normFrobenius() {
        return DoubleOps.frobenius(store);
    }

    /** Returns the largest absolute column sum. */
    public double norm1() {
        return DoubleOps.norm1(store);
    }

    /** Returns the largest absolute row sum. */
    public double normInf() {
        return DoubleOps.normInf(store);
    }

    /**
     * Sums the diagonal.
     * @return the trace
     * @throws ShapeMismatchException if not square
     */
    public double trace() {
        square("trace");
        return DoubleOps.trace(store);
    }

    /**
     * Computes the determinant.
     * @return the determinant
     * @throws ShapeMismatchException if not square
     */
    public double determinant() {
        square("determinant");
        return LuFactor.of(store).determinant();
    }

    /**
     * Computes the inverse.
     * @return the inverse
     * @throws ShapeMismatchException if not square
     * @throws SingularMatrixException    if singular
     */
    public DynMatrix inverse() {
        square("inverse");
        DynMatrix id = new DynMatrix(store.allocateLike(rows(), rows())); // same kind of storage as this matrix
        for (int i = 0; i < rows(); i++) {
            id.store.set(i, i, 1);
        }
        return solve(id);
    }

    /**
     * Solves {@code this * X = b}.
     *
     * @param b right-hand sides, {@code rows()} rows
     * @return X
     * @throws ShapeMismatchException if this is not square or {@code b} has the wrong number of rows
     * @throws SingularMatrixException    if this is singular
     */
    public DynMatrix solve(DynMatrix b) {
        square("solve");
        if (b.rows() != rows()) {
            throw new ShapeMismatchException("solve: coefficients are " + shape() + ", right-hand side is " + b.shape()
                    + "; it needs " + rows() + " rows");
        }
        LuFactor lu = LuFactor.of(store);
        if (lu.singularColumn() >= 0) {
            throw new SingularMatrixException("solve: " + shape() + " matrix is singular (pivot in column "
                    + lu.singularColumn() + " is zero to working precision)");
        }
        DoubleStore out = b.store.allocateLike(b.rows(), b.cols());
        lu.solve(b.store, out);
        return new DynMatrix(out);
    }

    /**
     * Compares element-wise within an absolute tolerance.
     * @param other     another matrix
     * @param tolerance largest allowed absolute difference
     * @return whether shapes are equal and all elements are within tolerance
     */
    public boolean isCloseTo(DynMatrix other, double tolerance) {
        return other.rows() == rows() && other.cols() == cols() && DoubleOps.close(store, other.store, tolerance);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DynMatrix m && m.rows() == rows() && m.cols() == cols() && DoubleOps.same(store, m.store);
    }

    @Override
    public int hashCode() {
        return DoubleOps.hash(store);
    }

    @Override
    public String toString() {
        return DoubleOps.format(store, "DynMatrix " + shape());
    }
}
