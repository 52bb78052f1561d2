/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

import dev.ferrum.matrix.internal.DoubleKernels;
import dev.ferrum.matrix.internal.DoubleOps;
import dev.ferrum.matrix.internal.DoubleStore;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A dense {@code double} matrix whose dimensions are part of its type: {@code Matrix<R, C>} has
 * {@code R} rows and {@code C} columns, where {@code R} and {@code C} are {@link Dim} types.
 *
 * <pre>{@code
 * Matrix<N3, N2> a = Matrix.random(N3.SIZE, N2.SIZE, 42);
 * Matrix<N2, N4> b = Matrix.random(N2.SIZE, N4.SIZE, 7);
 * Matrix<N3, N4> c = a.times(b);          // compiles: inner dimensions are both N2
 * Matrix<N5, N5> d = Matrix.identity(N5.SIZE);
 * // a.times(d);                           // does not compile: Matrix<N5,N5> is not a Matrix<N2,K>
 * }</pre>
 *
 * <p><b>Dimension checks.</b> Sizes are checked once, in the factory methods (array lengths against the
 * {@link Size} tokens). Every operation between typed matrices then trusts the types: a {@code Dim} type is
 * bound to one size per JVM, so equal types mean equal sizes. Element indices of {@link #get}/{@link #set} are
 * still checked (they are run-time values).
 *
 * <p><b>Storage.</b> Row-major in one {@link MemorySegment}: by default off-heap, 64-byte aligned, freed by the GC
 * when the matrix is unreachable; or on a {@code double[]} ({@link Storage#ON_HEAP}); or in a caller's
 * {@link Arena} (valid until that arena closes; using the matrix afterwards throws {@link IllegalStateException}).
 * Results of allocating operations ({@link #plus}, {@link #times}, ...) use the same kind of memory as the
 * receiver (off-heap results are GC-managed). The {@code ...Into} / {@code times(b, out)} forms write into
 * an existing matrix and allocate nothing.
 *
 * <p><b>Multiply kernels.</b> 2x2, 3x3 and 4x4 products use fully unrolled code; larger ones a Vector API
 * kernel (register-blocked, B packed, cache-blocked), or a scalar cache-blocked kernel where the JVM has no
 * usable vector species. Cost {@code O(R*C*K)}; element-wise operations {@code O(R*C)}.
 *
 * <p><b>Thread-safety.</b> Not thread-safe: concurrent reads are fine, writes ({@code set}, {@code ...Into},
 * being the {@code out} of an operation) need external synchronization.
 *
 * @param <R> the row dimension
 * @param <C> the column dimension
 */
public final class Matrix<R extends Dim, C extends Dim> {

    private final Size<R> rows;
    private final Size<C> cols;
    private final DoubleStore store;
    // Copies of the store's segment, shape and (on-heap) array: the multiply fast path reads them with one
    // dependent load fewer (it matters for 4x4 products that take a few nanoseconds).
    private final MemorySegment data;
    private final int rowCount;
    private final int colCount;
    private final double[] heapArray;
    /** {@link #HEAP4} for an on-heap 4x4 matrix, else 0: one load and one AND select the fastest product path. */
    private final int kind;

    private static final int HEAP4 = 1;

    private Matrix(Size<R> rows, Size<C> cols, DoubleStore store) {
        assert store.rows() == rows.value() && store.cols() == cols.value();
        this.rows = rows;
        this.cols = cols;
        this.store = store;
        this.data = store.segment();
        this.rowCount = store.rows();
        this.colCount = store.cols();
        this.heapArray = store.array();
        this.kind = heapArray != null && rowCount == 4 && colCount == 4 ? HEAP4 : 0;
    }

    static <R extends Dim, C extends Dim> Matrix<R, C> wrap(Size<R> rows, Size<C> cols, DoubleStore store) {
        return new Matrix<>(rows, cols, store);
    }

    /** The storage, for the decompositions and views of this package. */
    DoubleStore store() {
        return store;
    }

    // ---------------------------------------------------------------- creation

    /**
     * A zero matrix off-heap (GC-managed).
     *
     * @param rows row dimension
     * @param cols column dimension
     * @param <R>  row dimension type
     * @param <C>  column dimension type
     * @return a new {@code rows x cols} zero matrix
     */
    public static <R extends Dim, C extends Dim> Matrix<R, C> zeros(Size<R> rows, Size<C> cols) {
        return zeros(rows, cols, Storage.OFF_HEAP);
    }

    /**
     * A zero matrix in the chosen storage.
     *
     * @param rows    row dimension
     * @param cols    column dimension
     * @param storage off-heap or on-heap
     * @param <R>     row dimension type
     * @param <C>     column dimension type
     * @return a new {@code rows x cols} zero matrix
     */
    public static <R extends Dim, C extends Dim> Matrix<R, C> zeros(Size<R> rows, Size<C> cols, Storage storage) {
        Objects.requireNonNull(storage, "storage");
        int r = rows.value();
        int c = cols.value();
        return new Matrix<>(
                rows, cols, storage == Storage.ON_HEAP ? DoubleStore.onHeap(r, c) : DoubleStore.offHeap(r, c));
    }

    /**
     * A zero matrix whose memory belongs to {@code arena}: valid until the arena is closed.
     *
     * @param arena owner of the memory
     * @param rows  row dimension
     * @param cols  column dimension
     * @param <R>   row dimension type
     * @param <C>   column dimension type
     * @return a new {@code rows x cols} zero matrix
     */
    public static <R extends Dim, C extends Dim> Matrix<R, C> zeros(Arena arena, Size<R> rows, Size<C> cols) {
        return new Matrix<>(
                rows, cols, DoubleStore.offHeap(Objects.requireNonNull(arena, "arena"), rows.value(), cols.value()));
    }

    /**
     * The identity matrix (off-heap).
     *
     * @param n   the dimension
     * @param <N> the dimension type
     * @return a new {@code n x n} identity
     */
    public static <N extends Dim> Matrix<N, N> identity(Size<N> n) {
        return identity(n, Storage.OFF_HEAP);
    }

    /**
     * The identity matrix in the chosen storage.
     *
     * @param n       the dimension
     * @param storage off-heap or on-heap
     * @param <N>     the dimension type
     * @return a new {@code n x n} identity
     */
    public static <N extends Dim> Matrix<N, N> identity(Size<N> n, Storage storage) {
        Matrix<N, N> m = zeros(n, n, storage);
        for (int i = 0; i < n.value(); i++) {
            m.store.set(i, i, 1);
        }
        return m;
    }

    /**
     * A matrix from row-major values (off-heap).
     *
     * @param rows     row dimension
     * @param cols     column dimension
     * @param rowMajor exactly {@code rows * cols} values, row after row
     * @param <R>      row dimension type
     * @param <C>      column dimension type
     * @return a new matrix holding a copy of the values
     * @throws ShapeMismatchException if the array length is not {@code rows * cols}
     */
    public static <R extends Dim, C extends Dim> Matrix<R, C> of(Size<R> rows, Size<C> cols, double... rowMajor) {
        Objects.requireNonNull(rowMajor, "rowMajor");
        long expected = (long) rows.value() * cols.value();
        if (rowMajor.length != expected) {
            throw new ShapeMismatchException("Matrix<" + rows.name() + ", " + cols.name() + "> is " + rows.value() + "x"
                    + cols.value() + " = " + expected + " values; the array has " + rowMajor.length);
        }
        Matrix<R, C> m = zeros(rows, cols);
        m.store.load(rowMajor);
        return m;
    }

    /**
     * A matrix from an array of rows (off-heap).
     *
     * @param rows   row dimension
     * @param cols   column dimension
     * @param values {@code rows} arrays of {@code cols} values each
     * @param <R>    row dimension type
     * @param <C>    column dimension type
     * @return a new matrix holding a copy of the values
     * @throws ShapeMismatchException naming the first row whose length is wrong, or the row count
     */
    public static <R extends Dim, C extends Dim> Matrix<R, C> of(Size<R> rows, Size<C> cols, double[][] values) {
        Objects.requireNonNull(values, "values");
        if (values.length != rows.value()) {
            throw new ShapeMismatchException("Matrix<" + rows.name() + ", " + cols.name() + "> needs " + rows.value()
                    + " rows (" + rows + "); the array has " + values.length);
        }
        Matrix<R, C> m = zeros(rows, cols);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].length != cols.value()) {
                throw new ShapeMismatchException(
                        "Matrix<" + rows.name() + ", " + cols.name() + "> needs " + cols.value() + " columns (" + cols
                                + "); row " + i + " has " + (values[i] == null ? "null" : values[i].length));
            }
            for (int j = 0; j < values[i].length; j++) {
                m.store.set(i, j, values[i][j]);
            }
        }
        return m;
    }

    /**
     * A matrix of uniform random values in {@code [-1, 1)}, reproducible from {@code seed} (off-heap).
     *
     * @param rows row dimension
     * @param cols column dimension
     * @param seed random seed ({@link SplittableRandom})
     * @param <R>  row dimension type
     * @param <C>  column dimension type
     * @return a new random matrix
     */
    public static <R extends Dim, C extends Dim> Matrix<R, C> random(Size<R> rows, Size<C> cols, long seed) {
        return random(rows, cols, seed, Storage.OFF_HEAP);
    }

    /**
     * A matrix of uniform random values in {@code [-1, 1)} in the chosen storage.
     *
     * @param rows    row dimension
     * @param cols    column dimension
     * @param seed    random seed ({@link SplittableRandom})
     * @param storage off-heap or on-heap
     * @param <R>     row dimension type
     * @param <C>     column dimension type
     * @return a new random matrix
     */
    public static <R extends Dim, C extends Dim> Matrix<R, C> random(
            Size<R> rows, Size<C> cols, long seed, Storage storage) {
        Matrix<R, C> m = zeros(rows, cols, storage);
        SplittableRandom random = new SplittableRandom(seed);
        for (long e = 0; e < m.store.size(); e++) {
            m.store.put(e, random.nextDouble(-1, 1));
        }
        return m;
    }

    // ---------------------------------------------------------------- shape and elements

    /** Returns the row dimension token. */
    public Size<R> rowSize() {
        return rows;
    }

    /** Returns the column dimension token. */
    public Size<C> colSize() {
        return cols;
    }

    /** Returns number of rows. */
    public int rows() {
        return rowCount;
    }

    /** Returns number of columns. */
    public int cols() {
        return colCount;
    }

    /** Returns where the elements live. */
    public Storage storage() {
        return store.isOnHeap() ? Storage.ON_HEAP : Storage.OFF_HEAP;
    }

    /**
     * Reads one element.
     * @param row    row index, {@code 0 <= row < rows()}
     * @param column column index, {@code 0 <= column < cols()}
     * @return the element
     * @throws IndexOutOfBoundsException naming the index and the shape
     */
    public double get(int row, int column) {
        if (row < 0 || row >= rowCount || column < 0 || column >= colCount) {
            throw outOfRange(row, column);
        }
        return store.get(row, column);
    }

    /**
     * Writes one element.
     * @param row    row index, {@code 0 <= row < rows()}
     * @param column column index, {@code 0 <= column < cols()}
     * @param value  the new element
     * @return this matrix
     * @throws IndexOutOfBoundsException naming the index and the shape
     */
    public Matrix<R, C> set(int row, int column, double value) {
        if (row < 0 || row >= rowCount || column < 0 || column >= colCount) {
            throw outOfRange(row, column);
        }
        store.set(row, column, value);
        return this;
    }

    private IndexOutOfBoundsException outOfRange(int row, int column) {
        return new IndexOutOfBoundsException("element (" + row + ", " + column + ") is outside " + shape()
                + ": rows 0.." + (rows() - 1) + ", columns 0.." + (cols() - 1));
    }

    /**
     * The elements' memory, row-major, element {@code (i, j)} at byte offset {@code (i * cols() + j) * 8}.
     * Valid as long as this matrix is reachable (or its arena open); writes through it are writes to the matrix.
     *
     * @return the backing segment (not a copy)
     */
    public MemorySegment segment() {
        return store.segment().asSlice(0, (long) store.size() * Double.BYTES);
    }

    /** Returns a copy of the elements, row-major. */
    public double[] toArray() {
        return store.toArray();
    }

    /** Returns a copy of the elements as an array of rows. */
    public double[][] toRows() {
        double[][] out = new double[rows()][cols()];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = store.get(i, j);
            }
        }
        return out;
    }

    /** Returns an independent copy in the same kind of storage. */
    public Matrix<R, C> copy() {
        DoubleStore out = store.allocateLike(rows(), cols());
        store.copyTo(out);
        return new Matrix<>(rows, cols, out);
    }

    /**
     * A view of the same elements with run-time dimensions (no copy; writes are shared).
     *
     * @return the dynamic view
     */
    public DynMatrix toDynamic() {
        return new DynMatrix(store);
    }

    // ---------------------------------------------------------------- arithmetic

    /**
     * Adds element-wise.
     * @param other a matrix of the same shape
     * @return {@code this + other}, new
     */
    public Matrix<R, C> plus(Matrix<R, C> other) {
        requireSameShape("plus", other);
        DoubleStore out = store.allocateLike(rows(), cols());
        DoubleOps.add(store, other.store, out);
        return new Matrix<>(rows, cols, out);
    }

    /**
     * Subtracts element-wise.
     * @param other a matrix of the same shape
     * @return {@code this - other}, new
     */
    public Matrix<R, C> minus(Matrix<R, C> other) {
        requireSameShape("minus", other);
        DoubleStore out = store.allocateLike(rows(), cols());
        DoubleOps.subtract(store, other.store, out);
        return new Matrix<>(rows, cols, out);
    }

    /**
     * Adds {@code other} into this matrix.
     *
     * @param other a matrix of the same shape
     * @return this matrix
     */
    public Matrix<R, C> plusInPlace(Matrix<R, C> other) {
        requireSameShape("plusInPlace", other);
        DoubleOps.add(store, other.store, store);
        return this;
    }

    /**
     * Multiplies every element by a scalar.
     * @param factor the scalar
     * @return {@code factor * this}, new
     */
    public Matrix<R, C> scale(double factor) {
        DoubleStore out = store.allocateLike(rows(), cols());
        DoubleOps.scale(store, factor, out);
        return new Matrix<>(rows, cols, out);
    }

    /**
     * Element-wise (Hadamard) product.
     *
     * @param other a matrix of the same shape
     * @return {@code this[i][j] * other[i][j]}, new
     */
    public Matrix<R, C> hadamard(Matrix<R, C> other) {
        return zip(other, (x, y) -> x * y);
    }

    /**
     * Element-wise quotient.
     *
     * @param other a matrix of the same shape
     * @return {@code this[i][j] / other[i][j]}, new (IEEE division: x/0 is infinite or NaN)
     */
    public Matrix<R, C> divideElements(Matrix<R, C> other) {
        return zip(other, (x, y) -> x / y);
    }

    /**
     * Combines this and {@code other} element by element.
     *
     * @param other a matrix of the same shape
     * @param op    the combining function
     * @return {@code op(this[i][j], other[i][j])}, new
     */
    public Matrix<R, C> zip(Matrix<R, C> other, DoubleBinaryOperator op) {
        requireSameShape("zip", other);
        DoubleStore out = store.allocateLike(rows(), cols());
        DoubleOps.zip(store, other.store, out, op);
        return new Matrix<>(rows, cols, out);
    }

    /**
     * Applies a function to every element.
     * @param f applied to every element
     * @return {@code f(this[i][j])}, new
     */
    public Matrix<R, C> map(DoubleUnaryOperator f) {
        DoubleStore out = store.allocateLike(rows(), cols());
        DoubleOps.map(store, out, f);
        return new Matrix<>(rows, cols, out);
    }

    /**
     * Matrix product. The type says it all: a {@code C x K} matrix times this {@code R x C} one is {@code R x K}.
     *
     * @param other the right factor, whose rows are this matrix's columns
     * @param <K>   the result's column dimension
     * @return {@code this * other}, new
     */
    public <K extends Dim> Matrix<R, K> times(Matrix<C, K> other) {
        return times(other, new Matrix<>(rows, other.cols, store.allocateLike(rows(), other.cols())));
    }

    /**
     * Matrix product into an existing matrix, allocating nothing.
     *
     * @param other the right factor
     * @param out   receives {@code this * other}; must not be {@code this} or {@code other}
     * @param <K>   the result's column dimension
     * @return {@code out}
     * @throws IllegalArgumentException if {@code out} is one of the factors
     */
    public <K extends Dim> Matrix<R, K> times(Matrix<C, K> other, Matrix<R, K> out) {
        if ((kind & other.kind & out.kind) == HEAP4) {
            // All three on-heap 4x4 (the graphics case): straight to the array kernel.
            double[] z = out.heapArray;
            if (z == heapArray || z == other.heapArray) {
                throw aliasedOutput();
            }
            DoubleKernels.multiply4(heapArray, other.heapArray, z);
            return out;
        }
        if (other.rowCount != colCount || out.rowCount != rowCount || out.colCount != other.colCount) {
            throw pollutedProduct(other, out);
        }
        MemorySegment target = out.data;
        if (target == data || target == other.data) { // also catches views sharing storage (DynMatrix.as)
            throw aliasedOutput();
        }
        double[] x = heapArray;
        double[] y = other.heapArray;
        double[] z = out.heapArray;
        if (x != null && y != null && z != null) {
            DoubleKernels.multiply(x, y, z, rowCount, colCount, other.colCount);
        } else {
            DoubleKernels.multiply(data, other.data, target, rowCount, colCount, other.colCount);
        }
        return out;
    }

    /**
     * The types matched, so the sizes must: this only fails after heap pollution (a raw type or unchecked cast
     * let a matrix of another shape through). One comparison per operation, never per element.
     */
    private void requireSameShape(String op, Matrix<?, ?> other) {
        if (other.rowCount != rowCount || other.colCount != colCount) {
            throw polluted(op, this, other, differs("rows", rows, other.rows), differs("columns", cols, other.cols));
        }
    }

    private void requireSquare(String op) {
        if (rowCount != colCount) {
            throw new ShapeMismatchException(op + ": " + shape() + " is not square, although its type says so: its"
                    + " columns are " + cols + ", not " + rows + " (a raw type or unchecked cast let it through)");
        }
    }

    /** {@code "<what> differ: N3=3 vs N5=5"}, or {@code null} if the sizes agree. */
    static String differs(String what, Size<?> expected, Size<?> actual) {
        return expected.value() == actual.value() ? null : what + " differ: " + expected + " vs " + actual;
    }

    /**
     * Names both operands and every dimension that differs, e.g. {@code "times: Matrix<N2, N3> 2x3 and Matrix<N5,
     * N5> 5x5: left columns vs right rows differ: N3=3 vs N5=5; ..."}. Which operand is polluted cannot be known
     * (erasure leaves no trace of the static types), so the message names both.
     */
    static ShapeMismatchException polluted(String op, Matrix<?, ?> first, Matrix<?, ?> second, String... clauses) {
        StringBuilder why = new StringBuilder();
        for (String clause : clauses) {
            if (clause != null) {
                why.append(why.isEmpty() ? "" : "; ").append(clause);
            }
        }
        return new ShapeMismatchException(op + ": " + first.shape() + " and " + second.shape() + ": " + why
                + "; their types promised equal sizes (a raw type or unchecked cast let a matrix of another shape"
                + " through)");
    }

    private ShapeMismatchException pollutedProduct(Matrix<?, ?> other, Matrix<?, ?> out) {
        if (other.rowCount != colCount) {
            return polluted("times", this, other, differs("left columns vs right rows", cols, other.rows));
        }
        return polluted(
                "times (into out)",
                this,
                out,
                differs("product rows vs out rows", rows, out.rows),
                differs("product columns vs out columns", other.cols, out.cols));
    }

    // Cold path kept out of times() so the hot method stays small enough to inline.
    private static IllegalArgumentException aliasedOutput() {
        return new IllegalArgumentException(
                "times: out must not be one of the factors (it is overwritten while they are read)");
    }

    /** Returns the transpose, a {@code C x R} matrix, new. */
    public Matrix<C, R> transpose() {
        DoubleStore out = store.allocateLike(cols(), rows());
        DoubleOps.transpose(store, out);
        return new Matrix<>(cols, rows, out);
    }

    /**
     * {@code this * other^T} without forming the transpose: element {@code (i, j)} is the dot product of row i of
     * this matrix and row j of {@code other}, both contiguous in row-major storage.
     *
     * @param other a matrix with as many columns as this one
     * @param <K>   the number of rows of {@code other}
     * @return {@code this * other^T}, {@code R x K}, new
     */
    public <K extends Dim> Matrix<R, K> timesTransposed(Matrix<K, C> other) {
        if (other.colCount != colCount) {
            throw polluted("timesTransposed", this, other, differs("columns", cols, other.cols));
        }
        DoubleStore out = store.allocateLike(rowCount, other.rowCount);
        DoubleOps.timesTransposed(store, other.store, out);
        return new Matrix<>(rows, other.rows, out);
    }

    /**
     * {@code this^T * other} without forming the transpose: the sum over rows r of the outer products of row r of
     * this matrix and row r of {@code other}, each pass reading both rows and writing the result row by row.
     *
     * @param other a matrix with as many rows as this one
     * @param <K>   the number of columns of {@code other}
     * @return {@code this^T * other}, {@code C x K}, new
     */
    public <K extends Dim> Matrix<C, K> transposeTimes(Matrix<R, K> other) {
        if (other.rowCount != rowCount) {
            throw polluted("transposeTimes", this, other, differs("rows", rows, other.rows));
        }
        DoubleStore out = store.allocateLike(colCount, other.colCount);
        DoubleOps.transposeTimes(store, other.store, out);
        return new Matrix<>(cols, other.cols, out);
    }

    // ---------------------------------------------------------------- views

    /**
     * Row {@code i} as a {@code 1 x C} view: reads and writes go to this matrix's elements.
     *
     * @param i the row, {@code 0 <= i < rows()}
     * @return a view of the row, valid as long as this matrix
     * @throws IndexOutOfBoundsException naming the row and the shape
     */
    public MatrixView<N1, C> row(int i) {
        return view(N1.SIZE, cols, i, 0);
    }

    /**
     * Column {@code j} as an {@code R x 1} view: reads and writes go to this matrix's elements.
     *
     * @param j the column, {@code 0 <= j < cols()}
     * @return a view of the column, valid as long as this matrix
     * @throws IndexOutOfBoundsException naming the column and the shape
     */
    public MatrixView<R, N1> column(int j) {
        return view(rows, N1.SIZE, 0, j);
    }

    /**
     * A rectangular window of {@code viewRows x viewCols} elements starting at {@code (row0, col0)}; reads and
     * writes go to this matrix's elements. Typed by the window's dimensions, checked once here.
     *
     * @param viewRows the window's row dimension
     * @param viewCols the window's column dimension
     * @param row0     first row of the window
     * @param col0     first column of the window
     * @param <R2>     the window's row dimension type
     * @param <C2>     the window's column dimension type
     * @return the view, valid as long as this matrix
     * @throws IndexOutOfBoundsException if the window does not fit inside this matrix
     */
    public <R2 extends Dim, C2 extends Dim> MatrixView<R2, C2> view(
            Size<R2> viewRows, Size<C2> viewCols, int row0, int col0) {
        if (row0 < 0 || col0 < 0 || row0 + viewRows.value() > rowCount || col0 + viewCols.value() > colCount) {
            throw new IndexOutOfBoundsException("a " + viewRows.value() + "x" + viewCols.value() + " view at (" + row0
                    + ", " + col0 + ") does not fit inside " + shape());
        }
        return new MatrixView<>(viewRows, viewCols, store, row0, col0, shape());
    }

    // ---------------------------------------------------------------- norms and comparison

    /** Returns the Frobenius norm, {@code sqrt(sum of squares)}. */
    public double normFrobenius() {
        return DoubleOps.frobenius(store);
    }

    /** Returns the induced 1-norm: largest absolute column sum. */
    public double norm1() {
        return DoubleOps.norm1(store);
    }

    /** Returns the induced infinity-norm: largest absolute row sum. */
    public double normInf() {
        return DoubleOps.normInf(store);
    }

    /** Returns the largest absolute element (max norm). */
    public double normMax() {
        return DoubleOps.maxAbs(store);
    }

    /**
     * Equality within an absolute tolerance, element by element.
     *
     * @param other     a matrix of the same shape
     * @param tolerance largest allowed {@code |this[i][j] - other[i][j]|}
     * @return whether every element is within tolerance (NaN never is)
     */
    public boolean isCloseTo(Matrix<R, C> other, double tolerance) {
        requireSameShape("isCloseTo", other);
        return DoubleOps.close(store, other.store, tolerance);
    }

    /** Exact equality: same shape and the same values ({@link Double#compare} semantics). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix<?, ?> m
                && m.rows() == rows()
                && m.cols() == cols()
                && DoubleOps.same(store, m.store);
    }

    @Override
    public int hashCode() {
        return DoubleOps.hash(store);
    }

    /** E.g. {@code Matrix<N2, N3> 2x3} and then the rows; large matrices show their corners. */
    @Override
    public String toString() {
        return DoubleOps.format(store, shape());
    }

    String shape() {
        return "Matrix<" + rows.name() + ", " + cols.name() + "> " + rows() + "x" + cols();
    }

    // ---------------------------------------------------------------- square matrices only

    /**
     * Sum of the diagonal; only square matrices type-check.
     *
     * @param m   the matrix
     * @param <N> its dimension
     * @return the trace
     */
    public static <N extends Dim> double trace(Matrix<N, N> m) {
        m.requireSquare("trace");
        return DoubleOps.trace(m.store);
    }

    /**
     * Determinant by LU decomposition with partial pivoting; {@code O(n^3)}.
     *
     * @param m   the matrix
     * @param <N> its dimension
     * @return the determinant: 0 only if singular to working precision, judged independently of how rows and
     *     columns are scaled ({@code diag(1e10, 1e-7)} gives 1000); NaN if an element is NaN; for infinite elements
     *     what IEEE arithmetic gives (see {@link LuDecomposition})
     */
    public static <N extends Dim> double determinant(Matrix<N, N> m) {
        return lu(m).determinant();
    }

    /**
     * Inverse by LU decomposition with partial pivoting.
     *
     * @param m   the matrix
     * @param <N> its dimension
     * @return {@code m^-1}, new, in {@code m}'s kind of storage
     * @throws SingularMatrixException if singular to working precision (see {@link LuDecomposition})
     */
    public static <N extends Dim> Matrix<N, N> inverse(Matrix<N, N> m) {
        return lu(m).inverse();
    }

    /**
     * Solves {@code A X = B}. To solve for several right-hand sides one after another, decompose once with
     * {@link #lu} and call {@link LuDecomposition#solve} on it.
     *
     * @param a   the square coefficient matrix
     * @param b   the right-hand sides, one per column
     * @param <N> the dimension of {@code a}
     * @param <K> the number of right-hand sides
     * @return X, new
     * @throws SingularMatrixException if {@code a} is singular to working precision
     */
    public static <N extends Dim, K extends Dim> Matrix<N, K> solve(Matrix<N, N> a, Matrix<N, K> b) {
        a.requireSquare("solve");
        if (b.rowCount != a.rowCount) {
            throw polluted("solve", a, b, differs("coefficient rows vs right-hand side rows", a.rows, b.rows));
        }
        return lu(a).solve(b);
    }

    /**
     * A reusable LU decomposition ({@code P A = L U}): solve many right-hand sides, read the determinant.
     *
     * @param a   the square matrix
     * @param <N> its dimension
     * @return the decomposition (a copy: later changes to {@code a} do not affect it)
     */
    public static <N extends Dim> LuDecomposition<N> lu(Matrix<N, N> a) {
        a.requireSquare("lu");
        return new LuDecomposition<>(a);
    }

    /**
     * A reusable Cholesky decomposition ({@code A = L L^T}) of a symmetric positive-definite matrix; only the lower
     * triangle of {@code a} is read.
     *
     * @param a   the symmetric positive-definite matrix
     * @param <N> its dimension
     * @return the decomposition
     * @throws NotPositiveDefiniteException if {@code a} is not positive definite to working precision
     */
    public static <N extends Dim> CholeskyDecomposition<N> cholesky(Matrix<N, N> a) {
        a.requireSquare("cholesky");
        return new CholeskyDecomposition<>(a);
    }

    /**
     * A reusable Householder QR decomposition, typed by this matrix's shape: {@code Q} is {@code Matrix<R, R>},
     * {@code R} is {@code Matrix<R, C>}; least squares for tall matrices.
     *
     * @return the decomposition (a copy: later changes to this matrix do not affect it)
     */
    public QrDecomposition<R, C> qr() {
        return new QrDecomposition<>(this);
    }

    // ---------------------------------------------------------------- vectors (Matrix<N, N1>)

    /**
     * A column vector.
     *
     * @param n      its dimension
     * @param values exactly {@code n} values
     * @param <N>    the dimension type
     * @return a new {@code n x 1} matrix (off-heap)
     */
    public static <N extends Dim> Matrix<N, N1> vector(Size<N> n, double... values) {
        return of(n, N1.SIZE, values);
    }

    /**
     * Dot product of two column vectors.
     *
     * @param u   a column vector
     * @param v   a column vector of the same dimension
     * @param <N> the dimension
     * @return {@code sum u_i v_i}
     */
    public static <N extends Dim> double dot(Matrix<N, N1> u, Matrix<N, N1> v) {
        u.requireSameShape("dot", v);
        u.requireVector("dot", u.rowCount, u.rows);
        return DoubleOps.dot(u.store, v.store);
    }

    /**
     * Cross product of two 3-vectors, {@code u x v}.
     *
     * @param u a column 3-vector
     * @param v a column 3-vector
     * @return {@code u x v}, new, in {@code u}'s kind of storage
     */
    public static Matrix<N3, N1> cross(Matrix<N3, N1> u, Matrix<N3, N1> v) {
        u.requireVector("cross", 3, N3.SIZE);
        v.requireVector("cross", 3, N3.SIZE);
        double u0 = u.store.at(0), u1 = u.store.at(1), u2 = u.store.at(2);
        double v0 = v.store.at(0), v1 = v.store.at(1), v2 = v.store.at(2);
        Matrix<N3, N1> out = new Matrix<>(N3.SIZE, N1.SIZE, u.store.allocateLike(3, 1));
        out.store.put(0, u1 * v2 - u2 * v1);
        out.store.put(1, u2 * v0 - u0 * v2);
        out.store.put(2, u0 * v1 - u1 * v0);
        return out;
    }

    private void requireVector(String op, int expectedRows, Size<?> promised) {
        if (colCount != 1 || rowCount != promised.value() || rowCount != expectedRows) {
            throw new ShapeMismatchException(op + ": " + shape() + " is not a column vector of " + promised
                    + " although its type says so (a raw type or unchecked cast let it through)");
        }
    }
}
