/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix;

/** Where a matrix keeps its elements. Both are row-major and contiguous. */
public enum Storage {
    /**
     * Native memory, 64-byte aligned, freed by the garbage collector when the matrix becomes
     * unreachable (or when an explicit {@link java.lang.foreign.Arena} closes). The default: no heap
     * pressure for large matrices, zero-copy hand-off to native code through {@link Matrix#segment()}.
     */
    OFF_HEAP,
    /** A {@code double[]} (or {@code float[]}) on the Java heap: cheapest to allocate for small, short-lived matrices. */
    ON_HEAP
}
