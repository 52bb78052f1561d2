/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Multiply kernels for row-major {@code float} storage, {@code C = A * B} (shapes as in {@link DoubleKernels}).
 *
 * <p>The float path is simpler than the double one: a Vector API i-k-j kernel (broadcast {@code a[i][p]},
 * FMA into a row of C one vector at a time, scalar tail), with the naive triple loop as reference and
 * fallback. No packing and no register tiling.
 */
public final class FloatKernels {

    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int KB = 128;

    private FloatKernels() {}

    /** {@code C = A * B}: the SIMD kernel where enabled, else the naive loop. */
    public static void multiply(FloatStore a, FloatStore b, FloatStore c) {
        assert a.cols() == b.rows() && c.rows() == a.rows() && c.cols() == b.cols();
        if (DoubleKernels.SIMD_ENABLED && LANES >= 2) {
            simd(a.segment(), b.segment(), c.segment(), a.rows(), a.cols(), b.cols());
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

    /** i-k-j with a vector FMA over each row of C; k blocked by 128 so the B rows in use stay cached. */
    public static void simd(MemorySegment a, MemorySegment b, MemorySegment c, int m, int k, int n) {
        c.asSlice(0, (long) m * n * Float.BYTES).fill((byte) 0);
        int vecEnd = n - n % LANES;
        for (int p0 = 0; p0 < k; p0 += KB) {
            int pEnd = Math.min(p0 + KB, k);
            for (int i = 0; i < m; i++) {
                long cRow = (long) i * n * Float.BYTES;
                for (int p = p0; p < pEnd; p++) {
                    float aip = a.getAtIndex(F32, (long) i * k + p);
                    FloatVector x = FloatVector.broadcast(SPECIES, aip);
                    long bRow = (long) p * n * Float.BYTES;
                    int j = 0;
                    for (; j < vecEnd; j += LANES) {
                        long off = (long) j * Float.BYTES;
                        FloatVector acc = FloatVector.fromMemorySegment(SPECIES, c, cRow + off, ORDER);
                        x.fma(FloatVector.fromMemorySegment(SPECIES, b, bRow + off, ORDER), acc)
                                .intoMemorySegment(c, cRow + off, ORDER);
                    }
                    for (; j < n; j++) {
                        long ci = (long) i * n + j;
                        c.setAtIndex(
                                F32, ci, Math.fma(aip, b.getAtIndex(F32, (long) p * n + j), c.getAtIndex(F32, ci)));
                    }
                }
            }
        }
    }
}
