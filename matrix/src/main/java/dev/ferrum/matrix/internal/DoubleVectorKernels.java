/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API ({@code jdk.incubator.vector}) multiply kernels for row-major {@code double} storage; shapes and
 * contracts as in {@link DoubleKernels}.
 *
 * <p><b>Loaded only when the module is present.</b> This is the only class of the double path that names a
 * {@code jdk.incubator.vector} type; its static initializer resolves {@code DoubleVector}, which throws
 * {@link NoClassDefFoundError} on a JVM without the module in its boot layer. {@link DoubleKernels} calls in here
 * only behind {@link DoubleKernels#SIMD_ENABLED}, which is {@code false} unless {@link Vectorization#AVAILABLE}.
 *
 * <p>Thread-safe: kernels keep no state except a per-thread packing buffer.
 */
public final class DoubleVectorKernels {

    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    /** The widest double species the CPU and JVM support (8 lanes with AVX-512, 4 with AVX2). */
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Doubles per vector of {@link #SPECIES}. */
    public static final int LANES = SPECIES.length();
    /** Width of a packed B strip and of the micro-kernel's C tile: two vectors. */
    private static final int STRIP = 2 * LANES;
    /** Rows of C per micro-kernel call. */
    private static final int MR = 4;
    /** Depth of a k block: a packed B strip is KC x STRIP doubles (32 KiB with AVX-512), sized for L1. */
    private static final int KC = 256;
    /** Rows of A per block: an A block of MC x KC doubles (128 KiB) stays in L2 while the strips pass. */
    private static final int MC = 64;
    /** Columns of B per panel: a packed KC x NC panel is 512 KiB, so it stays in L2 while the row blocks pass. */
    private static final int NC = 256;

    /** 4 doubles per vector: one row of a 4x4 matrix per register (AVX2 and up). */
    private static final VectorSpecies<Double> SPECIES_4 = DoubleVector.SPECIES_256;

    private static final ThreadLocal<double[]> PACK = ThreadLocal.withInitial(() -> new double[0]);
    private static final ThreadLocal<double[]> PACK_A = ThreadLocal.withInitial(() -> new double[MC * KC]);

    private DoubleVectorKernels() {}

    /** Bytes a 3x3 operand must span for {@link #unrolled3Simd}: 9 doubles plus one vector's overrun. */
    static final long PADDED3 = (6 + 4) * Double.BYTES;

    /**
     * 3x3 times 3x3 with 256-bit vectors on padded storage (see {@link DoubleStore}): row p of B and row i of A are
     * loaded as 4 lanes starting at element {@code 3p} / {@code 3i} (the 4th lane is the next row's first element,
     * or padding, and is never used); row i of C is stored as 4 lanes at {@code 3i}, in increasing i, so the 4th
     * lane's scratch value is overwritten by the next row's store, and the last row's lands in the padding.
     *
     * <p>Safety: every segment spans at least {@link #PADDED3} bytes, and C overlaps neither A nor B (a scratch
     * lane written into C must not be read back as input).
     */
    public static void unrolled3Simd(MemorySegment a, MemorySegment b, MemorySegment c) {
        DoubleVector b0 = DoubleVector.fromMemorySegment(SPECIES_4, b, 0, ORDER);
        DoubleVector b1 = DoubleVector.fromMemorySegment(SPECIES_4, b, 24, ORDER);
        DoubleVector b2 = DoubleVector.fromMemorySegment(SPECIES_4, b, 48, ORDER);
        for (long row = 0; row < 72; row += 24) {
            DoubleVector ar = DoubleVector.fromMemorySegment(SPECIES_4, a, row, ORDER);
            b0.mul(ar.rearrange(LANE0))
                    .add(b1.mul(ar.rearrange(LANE1)))
                    .add(b2.mul(ar.rearrange(LANE2)))
                    .intoMemorySegment(c, row, ORDER);
        }
    }

    /** {@link #unrolled4Simd(MemorySegment, MemorySegment, MemorySegment)} on arrays of at least 16 elements. */
    public static void unrolled4Simd(double[] a, double[] b, double[] c) {
        DoubleVector b0 = DoubleVector.fromArray(SPECIES_4, b, 0);
        DoubleVector b1 = DoubleVector.fromArray(SPECIES_4, b, 4);
        DoubleVector b2 = DoubleVector.fromArray(SPECIES_4, b, 8);
        DoubleVector b3 = DoubleVector.fromArray(SPECIES_4, b, 12);
        for (int row = 0; row < 16; row += 4) {
            DoubleVector ar = DoubleVector.fromArray(SPECIES_4, a, row);
            b0.mul(ar.rearrange(LANE0))
                    .add(b1.mul(ar.rearrange(LANE1)))
                    .add(b2.mul(ar.rearrange(LANE2)))
                    .add(b3.mul(ar.rearrange(LANE3)))
                    .intoArray(c, row);
        }
    }

    /**
     * 4x4 times 4x4 with one 256-bit vector per row: row i of C is
     * {@code a[i][0] * B[0] + a[i][1] * B[1] + a[i][2] * B[2] + a[i][3] * B[3]}, the {@code a[i][p]} broadcast
     * in registers from a vector load of A's row. 8 vector loads and 4 vector stores instead of 32 scalar
     * loads and 16 stores: fewer segment accesses, each with its bounds and liveness check. Multiply then add
     * (not FMA) in the same order as {@link DoubleKernels#unrolled4}, so both give bit-identical results.
     */
    public static void unrolled4Simd(MemorySegment a, MemorySegment b, MemorySegment c) {
        DoubleVector b0 = DoubleVector.fromMemorySegment(SPECIES_4, b, 0, ORDER);
        DoubleVector b1 = DoubleVector.fromMemorySegment(SPECIES_4, b, 32, ORDER);
        DoubleVector b2 = DoubleVector.fromMemorySegment(SPECIES_4, b, 64, ORDER);
        DoubleVector b3 = DoubleVector.fromMemorySegment(SPECIES_4, b, 96, ORDER);
        for (long row = 0; row < 128; row += 32) {
            DoubleVector ar = DoubleVector.fromMemorySegment(SPECIES_4, a, row, ORDER);
            DoubleVector r = b0.mul(ar.rearrange(LANE0))
                    .add(b1.mul(ar.rearrange(LANE1)))
                    .add(b2.mul(ar.rearrange(LANE2)))
                    .add(b3.mul(ar.rearrange(LANE3)));
            r.intoMemorySegment(c, row, ORDER);
        }
    }

    private static final VectorShuffle<Double> LANE0 = VectorShuffle.fromValues(SPECIES_4, 0, 0, 0, 0);
    private static final VectorShuffle<Double> LANE1 = VectorShuffle.fromValues(SPECIES_4, 1, 1, 1, 1);
    private static final VectorShuffle<Double> LANE2 = VectorShuffle.fromValues(SPECIES_4, 2, 2, 2, 2);
    private static final VectorShuffle<Double> LANE3 = VectorShuffle.fromValues(SPECIES_4, 3, 3, 3, 3);

    /**
     * Vector API multiply.
     *
     * <p>Loop nest (GotoBLAS order): for each panel of {@link #NC} columns and each k block of depth {@link #KC},
     * that part of B's rows {@code p0..p1} is packed into strips of {@link #STRIP} columns, each strip contiguous
     * ({@code KC x STRIP}, zero-padded on the right edge). Then for each block of {@link #MC} rows of A (packed
     * into a contiguous {@code MC x KC} array) and each strip, a micro-kernel keeps a {@code 4 x STRIP} tile of C in eight vector registers and, for every {@code p}, broadcasts four
     * elements of A and fuses them into the tile with eight FMAs against two vectors of the strip.
     * The first k block starts the tile at zero, later ones load and add to C.
     */
    public static void simd(MemorySegment a, MemorySegment b, MemorySegment c, int m, int k, int n) {
        int kc = Math.min(KC, k);
        int maxStrips = (Math.min(NC, n) + STRIP - 1) / STRIP;
        double[] packed = packBuffer(maxStrips * kc * STRIP);
        double[] packedA = PACK_A.get();
        for (int j0 = 0; j0 < n; j0 += NC) {
            int strips = (Math.min(NC, n - j0) + STRIP - 1) / STRIP;
            for (int p0 = 0; p0 < k; p0 += KC) {
                int depth = Math.min(KC, k - p0);
                packB(b, n, p0, depth, j0, packed, strips);
                boolean first = p0 == 0;
                for (int i0 = 0; i0 < m; i0 += MC) {
                    int iEnd = Math.min(i0 + MC, m);
                    // A's block rows i0..iEnd, columns p0..p0+depth, row after row: the micro-kernel's scalar reads
                    // then come from a heap array (checks hoisted by C2) instead of one segment access per element.
                    for (int i = i0; i < iEnd; i++) {
                        MemorySegment.copy(
                                a, F64, ((long) i * k + p0) * Double.BYTES, packedA, (i - i0) * depth, depth);
                    }
                    for (int s = 0; s < strips; s++) {
                        int j = j0 + s * STRIP;
                        int width = Math.min(STRIP, n - j);
                        int base = s * depth * STRIP;
                        int i = i0;
                        for (; i + MR <= iEnd; i += MR) {
                            tile4(packedA, (i - i0) * depth, c, n, i, j, width, depth, packed, base, first);
                        }
                        for (; i < iEnd; i++) {
                            tile1(packedA, (i - i0) * depth, c, n, i, j, width, depth, packed, base, first);
                        }
                    }
                }
            }
        }
    }

    private static double[] packBuffer(int length) {
        double[] buf = PACK.get();
        if (buf.length < length) {
            buf = new double[length];
            PACK.set(buf);
        }
        return buf;
    }

    /**
     * Copies B rows {@code p0..p0+depth}, columns from {@code j0}, into strips: strip s, row p, lane l at
     * {@code (s*depth + p)*STRIP + l}.
     */
    private static void packB(MemorySegment b, int n, int p0, int depth, int j0, double[] packed, int strips) {
        for (int s = 0; s < strips; s++) {
            int j = j0 + s * STRIP;
            int width = Math.min(STRIP, n - j);
            int out = s * depth * STRIP;
            for (int p = 0; p < depth; p++) {
                long src = (long) (p0 + p) * n + j;
                MemorySegment.copy(b, F64, src * Double.BYTES, packed, out, width);
                for (int l = width; l < STRIP; l++) {
                    packed[out + l] = 0; // zero padding: the extra lanes compute values that are never stored
                }
                out += STRIP;
            }
        }
    }

    private static void tile4(
            double[] pa,
            int aBase,
            MemorySegment c,
            int n,
            int i,
            int j,
            int width,
            int depth,
            double[] packed,
            int base,
            boolean first) {
        DoubleVector c00, c01, c10, c11, c20, c21, c30, c31;
        boolean full = width == STRIP;
        long c0 = ((long) i * n + j) * Double.BYTES;
        long rowBytes = (long) n * Double.BYTES;
        if (first) {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = DoubleVector.zero(SPECIES);
        } else if (full) {
            c00 = DoubleVector.fromMemorySegment(SPECIES, c, c0, ORDER);
            c01 = DoubleVector.fromMemorySegment(SPECIES, c, c0 + LANES * 8L, ORDER);
            c10 = DoubleVector.fromMemorySegment(SPECIES, c, c0 + rowBytes, ORDER);
            c11 = DoubleVector.fromMemorySegment(SPECIES, c, c0 + rowBytes + LANES * 8L, ORDER);
            c20 = DoubleVector.fromMemorySegment(SPECIES, c, c0 + 2 * rowBytes, ORDER);
            c21 = DoubleVector.fromMemorySegment(SPECIES, c, c0 + 2 * rowBytes + LANES * 8L, ORDER);
            c30 = DoubleVector.fromMemorySegment(SPECIES, c, c0 + 3 * rowBytes, ORDER);
            c31 = DoubleVector.fromMemorySegment(SPECIES, c, c0 + 3 * rowBytes + LANES * 8L, ORDER);
        } else {
            double[] t = new double[STRIP];
            c00 = partialLoad(c, c0, width, t, 0);
            c01 = partialLoad(c, c0, width, t, LANES);
            c10 = partialLoad(c, c0 + rowBytes, width, t, 0);
            c11 = partialLoad(c, c0 + rowBytes, width, t, LANES);
            c20 = partialLoad(c, c0 + 2 * rowBytes, width, t, 0);
            c21 = partialLoad(c, c0 + 2 * rowBytes, width, t, LANES);
            c30 = partialLoad(c, c0 + 3 * rowBytes, width, t, 0);
            c31 = partialLoad(c, c0 + 3 * rowBytes, width, t, LANES);
        }
        int a0 = aBase;
        int a1 = a0 + depth;
        int a2 = a1 + depth;
        int a3 = a2 + depth;
        int bp = base;
        for (int p = 0; p < depth; p++, bp += STRIP) {
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, packed, bp);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, packed, bp + LANES);
            DoubleVector x = DoubleVector.broadcast(SPECIES, pa[a0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(SPECIES, pa[a1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(SPECIES, pa[a2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(SPECIES, pa[a3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        if (full) {
            c00.intoMemorySegment(c, c0, ORDER);
            c01.intoMemorySegment(c, c0 + LANES * 8L, ORDER);
            c10.intoMemorySegment(c, c0 + rowBytes, ORDER);
            c11.intoMemorySegment(c, c0 + rowBytes + LANES * 8L, ORDER);
            c20.intoMemorySegment(c, c0 + 2 * rowBytes, ORDER);
            c21.intoMemorySegment(c, c0 + 2 * rowBytes + LANES * 8L, ORDER);
            c30.intoMemorySegment(c, c0 + 3 * rowBytes, ORDER);
            c31.intoMemorySegment(c, c0 + 3 * rowBytes + LANES * 8L, ORDER);
        } else {
            double[] t = new double[STRIP];
            partialStore(c00, c01, c, c0, width, t);
            partialStore(c10, c11, c, c0 + rowBytes, width, t);
            partialStore(c20, c21, c, c0 + 2 * rowBytes, width, t);
            partialStore(c30, c31, c, c0 + 3 * rowBytes, width, t);
        }
    }

    private static void tile1(
            double[] pa,
            int aBase,
            MemorySegment c,
            int n,
            int i,
            int j,
            int width,
            int depth,
            double[] packed,
            int base,
            boolean first) {
        long c0 = ((long) i * n + j) * Double.BYTES;
        boolean full = width == STRIP;
        DoubleVector c00;
        DoubleVector c01;
        if (first) {
            c00 = c01 = DoubleVector.zero(SPECIES);
        } else if (full) {
            c00 = DoubleVector.fromMemorySegment(SPECIES, c, c0, ORDER);
            c01 = DoubleVector.fromMemorySegment(SPECIES, c, c0 + LANES * 8L, ORDER);
        } else {
            double[] t = new double[STRIP];
            c00 = partialLoad(c, c0, width, t, 0);
            c01 = partialLoad(c, c0, width, t, LANES);
        }
        int bp = base;
        for (int p = 0; p < depth; p++, bp += STRIP) {
            DoubleVector x = DoubleVector.broadcast(SPECIES, pa[aBase + p]);
            c00 = x.fma(DoubleVector.fromArray(SPECIES, packed, bp), c00);
            c01 = x.fma(DoubleVector.fromArray(SPECIES, packed, bp + LANES), c01);
        }
        if (full) {
            c00.intoMemorySegment(c, c0, ORDER);
            c01.intoMemorySegment(c, c0 + LANES * 8L, ORDER);
        } else {
            partialStore(c00, c01, c, c0, width, new double[STRIP]);
        }
    }

    /** Loads lanes {@code from..from+LANES} of a C row that has only {@code width} valid columns. */
    private static DoubleVector partialLoad(MemorySegment c, long offset, int width, double[] t, int from) {
        java.util.Arrays.fill(t, 0);
        MemorySegment.copy(c, F64, offset, t, 0, width);
        return DoubleVector.fromArray(SPECIES, t, from);
    }

    /** Stores the first {@code width} lanes of the tile row {@code (lo, hi)} into C. */
    private static void partialStore(
            DoubleVector lo, DoubleVector hi, MemorySegment c, long offset, int width, double[] t) {
        lo.intoArray(t, 0);
        hi.intoArray(t, LANES);
        MemorySegment.copy(t, 0, c, F64, offset, width);
    }
}
