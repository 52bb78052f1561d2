/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Multiply kernels for row-major {@code float} storage, {@code C = A * B} (shapes as in {@link DoubleKernels}).
 *
 * <p>The float path is simpler than the double one: a Vector API i-k-j kernel (broadcast {@code a[i][p]},
 * FMA into a row of C one vector at a time, scalar tail), with the naive triple loop as reference and
 * fallback. No packing and no register tiling. The vector kernel lives in {@link FloatVectorKernels}, which is
 * loaded only when the Vector API module is present (see {@link Vectorization}).
 */
public final class FloatKernels {

    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT;

    /** Whether {@link #multiply} uses the vector kernel; never touches it when the module is absent. */
    public static final boolean SIMD_ENABLED = DoubleKernels.SIMD_ENABLED && FloatVectorKernels.LANES >= 2;

    private FloatKernels() {}

    /** {@code C = A * B}: the SIMD kernel where enabled, else the naive loop. */
    public static void multiply(FloatStore a, FloatStore b, FloatStore c) {
        assert a.cols() == b.rows() && c.rows() == a.rows() && c.cols() == b.cols();
        if (SIMD_ENABLED) {
            FloatVectorKernels.simd(a.segment(), b.segment(), c.segment(), a.rows(), a.cols(), b.cols());
        } else {
            naive(a.segment(), b.segment(), c.segment(), a.rows(), a.cols(), b.cols());
        }
    }

    /** The textbook triple loop, accumulating in float. */
    public static void naive(MemorySegment a, MemorySegment b, MemorySegment c, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a.getAtIndex(F32, (long) i * k + p) * b.getAtIndex(F32, (long) p * n + j);
                }
                c.setAtIndex(F32, (long) i * n + j, sum);
            }
        }
    }
}
