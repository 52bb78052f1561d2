/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Row-major dense storage of {@code rows x cols} floats; the {@code float} twin of {@link DoubleStore}
 * (element {@code (i, j)} at byte offset {@code (i * cols + j) * 4}, off-heap 64-byte aligned).
 */
public final class FloatStore {

    /** Native-order float; accesses are 4-byte aligned because the base is 64- (off-heap) or 4-aligned (float[]). */
    static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT;

    private final MemorySegment segment;
    private final int rows;
    private final int cols;
    private final boolean onHeap;

    private FloatStore(MemorySegment segment, int rows, int cols, boolean onHeap) {
        assert segment.byteSize() >= (long) rows * cols * Float.BYTES;
        this.segment = segment;
        this.rows = rows;
        this.cols = cols;
        this.onHeap = onHeap;
    }

    /** Zero-filled off-heap storage freed by the garbage collector. */
    public static FloatStore offHeap(int rows, int cols) {
        return offHeap(Arena.ofAuto(), rows, cols);
    }

    /** Zero-filled off-heap storage that lives as long as {@code arena}. */
    public static FloatStore offHeap(Arena arena, int rows, int cols) {
        long bytes = Math.max(1L, (long) rows * cols) * Float.BYTES;
        return new FloatStore(arena.allocate(bytes, DoubleStore.ALIGNMENT), rows, cols, false);
    }

    /** Zero-filled on-heap storage backed by a {@code float[]}. */
    public static FloatStore onHeap(int rows, int cols) {
        return new FloatStore(MemorySegment.ofArray(new float[rows * cols]), rows, cols, true);
    }

    /** New zero storage in the same kind of memory. */
    public FloatStore allocateLike(int newRows, int newCols) {
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

    /** Element (i, j); indices checked by the caller. */
    public float get(int i, int j) {
        assert i >= 0 && i < rows && j >= 0 && j < cols;
        return segment.getAtIndex(F32, (long) i * cols + j);
    }

    /** Sets element (i, j); indices checked by the caller. */
    public void set(int i, int j, float value) {
        assert i >= 0 && i < rows && j >= 0 && j < cols;
        segment.setAtIndex(F32, (long) i * cols + j, value);
    }

    /** Element at row-major index {@code k}. */
    public float at(long k) {
        return segment.getAtIndex(F32, k);
    }

    /** Sets the element at row-major index {@code k}. */
    public void put(long k, float value) {
        segment.setAtIndex(F32, k, value);
    }

    /** Copies {@code rows * cols} values from a row-major array. */
    public void load(float[] rowMajor) {
        assert rowMajor.length == size();
        MemorySegment.copy(rowMajor, 0, segment, F32, 0, rowMajor.length);
    }

    /** The values as a new row-major array. */
    public float[] toArray() {
        float[] out = new float[size()];
        MemorySegment.copy(segment, F32, 0, out, 0, out.length);
        return out;
    }
}
