/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Row-major dense storage of {@code rows x cols} doubles in one {@link MemorySegment}.
 *
 * <p>Element {@code (i, j)} lives at byte offset {@code (i * cols + j) * 8}. Off-heap storage is
 * allocated 64-byte aligned (one cache line, one AVX-512 register), so the first element of the matrix
 * starts a cache line and vector loads of whole rows never split more lines than necessary. On-heap
 * storage wraps a {@code double[]} (8-byte aligned only; the JVM does not let us choose more).
 *
 * <p>Both are padded to a whole number of cache lines (8 doubles): the fixed-size vector kernels may read, and
 * write scratch values into, up to one 256-bit vector past the last element (see
 * {@link DoubleKernels#unrolled3Simd}). The padding is never part of the matrix: {@link #size()} and every copy
 * cover {@code rows * cols} elements only.
 *
 * <p>Not thread-safe: a store may be read concurrently, but writes need external synchronization.
 */
public final class DoubleStore {

    /** Alignment of off-heap storage: one cache line. */
    public static final long ALIGNMENT = 64;

    /** Native-order double; every access is 8-byte aligned because the base is 64- (off-heap) or 8-aligned (double[]). */
    static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE;

    private final MemorySegment segment;
    private final int rows;
    private final int cols;
    private final boolean onHeap;
    /** The array behind an on-heap segment, or {@code null} off-heap. */
    private final double[] array;

    private DoubleStore(MemorySegment segment, int rows, int cols, double[] array) {
        assert segment.byteSize() >= (long) rows * cols * Double.BYTES;
        this.segment = segment;
        this.rows = rows;
        this.cols = cols;
        this.onHeap = array != null;
        this.array = array;
    }

    /** Zero-filled off-heap storage freed by the garbage collector when unreachable. */
    public static DoubleStore offHeap(int rows, int cols) {
        return offHeap(Arena.ofAuto(), rows, cols);
    }

    /** Zero-filled off-heap storage that lives as long as {@code arena}. */
    public static DoubleStore offHeap(Arena arena, int rows, int cols) {
        long bytes = paddedLength(rows, cols) * Double.BYTES;
        // Arena.allocate zero-fills and honours the requested alignment.
        return new DoubleStore(arena.allocate(bytes, ALIGNMENT), rows, cols, null);
    }

    /** Zero-filled on-heap storage backed by a {@code double[]}. */
    public static DoubleStore onHeap(int rows, int cols) {
        double[] array = new double[Math.toIntExact(paddedLength(rows, cols))];
        return new DoubleStore(MemorySegment.ofArray(array), rows, cols, array);
    }

    /** {@code rows * cols} rounded up to a whole number of 64-byte lines (at least one line). */
    static long paddedLength(int rows, int cols) {
        long n = Math.max(1L, (long) rows * cols);
        return (n + 7) & ~7L;
    }

    /** New zero-filled storage of the given shape in the same kind of memory (heap or off-heap) as this one. */
    public DoubleStore allocateLike(int newRows, int newCols) {
        return onHeap ? onHeap(newRows, newCols) : offHeap(newRows, newCols);
    }

    public MemorySegment segment() {
        return segment;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return rows * cols;
    }

    public boolean isOnHeap() {
        return onHeap;
    }

    /** The backing array of on-heap storage (the same memory as {@link #segment()}), or {@code null} off-heap. */
    public double[] array() {
        return array;
    }

    /** Element (i, j); the caller has checked {@code 0 <= i < rows, 0 <= j < cols}. */
    public double get(int i, int j) {
        assert i >= 0 && i < rows && j >= 0 && j < cols;
        return segment.getAtIndex(F64, (long) i * cols + j);
    }

    /** Sets element (i, j); the caller has checked the indices. */
    public void set(int i, int j, double value) {
        assert i >= 0 && i < rows && j >= 0 && j < cols;
        segment.setAtIndex(F64, (long) i * cols + j, value);
    }

    /** Element at row-major index {@code k}. */
    public double at(long k) {
        return segment.getAtIndex(F64, k);
    }

    /** Sets the element at row-major index {@code k}. */
    public void put(long k, double value) {
        segment.setAtIndex(F64, k, value);
    }

    /** Copies {@code rows * cols} values from a row-major array. */
    public void load(double[] rowMajor) {
        assert rowMajor.length == size();
        MemorySegment.copy(rowMajor, 0, segment, F64, 0, rowMajor.length);
    }

    /** The values as a new row-major array. */
    public double[] toArray() {
        double[] out = new double[size()];
        MemorySegment.copy(segment, F64, 0, out, 0, out.length);
        return out;
    }

    /** Copies all values into {@code dst}, which has the same shape. */
    public void copyTo(DoubleStore dst) {
        assert dst.rows == rows && dst.cols == cols;
        MemorySegment.copy(segment, 0, dst.segment, 0, (long) size() * Double.BYTES);
    }
}
