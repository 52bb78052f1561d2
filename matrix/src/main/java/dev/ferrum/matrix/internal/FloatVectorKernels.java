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
 * The Vector API {@code float} multiply kernel. Like {@link DoubleVectorKernels}, the only class of the float path
 * that names a {@code jdk.incubator.vector} type; called only behind {@link FloatKernels#SIMD_ENABLED}.
 */
public final class FloatVectorKernels {

    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    /** Floats per vector of the preferred species. */
    static final int LANES = SPECIES.length();

    private static final int KB = 128;

    private FloatVectorKernels() {}

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
