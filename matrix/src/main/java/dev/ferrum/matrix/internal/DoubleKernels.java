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
 * Matrix-multiply kernels for row-major {@code double} storage: {@code C = A * B} with A {@code m x k},
 * B {@code k x n}, C {@code m x n}, each a segment whose element {@code (i, j)} is at
 * {@code (i * cols + j) * 8}.
 *
 * <p>Every kernel overwrites C completely; C must not overlap A or B (the public API checks this).
 * {@link #multiply} picks one:
 * <ul>
 *   <li>{@link #unrolled2}, {@link #unrolled3}, {@link #unrolled4}: square 2/3/4 matrices, every element a
 *       local variable (what EJML's {@code CommonOps_DDF4} does with fields);</li>
 *   <li>{@link #simd}: Vector API, register-blocked 4 rows x 2 vectors of C, B packed into contiguous
 *       panels, cache-blocked over k and over row blocks (a GotoBLAS-shaped loop nest without assembly);</li>
 *   <li>{@link #blocked}: the scalar fallback, cache-blocked i-k-j loops, used when the JVM offers no
 *       vector species wider than one lane or {@code -Dferrum.matrix.simd=false} is set;</li>
 *   <li>{@link #naive}: the textbook i-j-k triple loop, the reference the others are tested against.</li>
 * </ul>
 *
 * <p>Thread-safe: kernels keep no state except a per-thread packing buffer.
 */
public final class DoubleKernels {

    /**
     * Unaligned-access layout: every element offset is a multiple of 8 from a base that is 64-byte (off-heap) or
     * 8-byte ({@code double[]}) aligned, so accesses are in fact aligned; the unaligned layout only spares the
     * per-access alignment check that the aligned layout would do on native segments.
     */
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    /** The widest double species the CPU and JVM support (8 lanes with AVX-512, 4 with AVX2). */
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private static final int LANES = SPECIES.length();
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
    /** Block edge of the scalar blocked kernel (3 blocks of 64x64 doubles = 96 KiB, L2-resident). */
    private static final int BLOCK = 64;

    /** Whether {@link #multiply} uses the SIMD kernel: a vector of at least 2 lanes and not disabled. */
    public static final boolean SIMD_ENABLED =
            LANES >= 2 && !"false".equalsIgnoreCase(System.getProperty("ferrum.matrix.simd"));

    /** 4 doubles per vector: one row of a 4x4 matrix per register (AVX2 and up). */
    private static final VectorSpecies<Double> SPECIES_4 = DoubleVector.SPECIES_256;

    /** Whether the 4x4 product uses {@link #unrolled4Simd} (a 256-bit vector is available and SIMD is on). */
    public static final boolean SIMD4 =
            SIMD_ENABLED && LANES >= 4 && !"false".equalsIgnoreCase(System.getProperty("ferrum.matrix.simd4"));

    /** Below this many multiply-adds the blocked kernels' set-up costs more than it saves. */
    private static final long SMALL_WORK = 8L * 8 * 8;

    private static final ThreadLocal<double[]> PACK = ThreadLocal.withInitial(() -> new double[0]);
    private static final ThreadLocal<double[]> PACK_A = ThreadLocal.withInitial(() -> new double[MC * KC]);

    private DoubleKernels() {}

    /** Which kernel {@link #multiply} would use for these shapes (for tests, benchmarks and toString). */
    public static String kernelFor(int m, int k, int n) {
        if (m == k && k == n && m >= 2 && m <= 4) {
            return "unrolled" + m;
        }
        if ((long) m * k * n <= SMALL_WORK) {
            return "naive";
        }
        return SIMD_ENABLED ? "simd" : "blocked";
    }

    /** {@code C = A * B}, choosing the kernel by shape; see the class comment. */
    public static void multiply(DoubleStore a, DoubleStore b, DoubleStore c) {
        assert b.rows() == a.cols() && c.rows() == a.rows() && c.cols() == b.cols();
        multiply(a.segment(), b.segment(), c.segment(), a.rows(), a.cols(), b.cols());
    }

    /**
     * {@code C = A * B} on segments holding {@code m x k}, {@code k x n} and {@code m x n} row-major doubles
     * (the caller guarantees the sizes), choosing the kernel by shape.
     */
    public static void multiply(MemorySegment a, MemorySegment b, MemorySegment c, int m, int k, int n) {
        if (m == k && k == n) {
            switch (m) {
                case 2 -> {
                    unrolled2(a, b, c);
                    return;
                }
                case 3 -> {
                    if (SIMD4 && a.byteSize() >= PADDED3 && b.byteSize() >= PADDED3 && c.byteSize() >= PADDED3) {
                        unrolled3Simd(a, b, c);
                    } else {
                        unrolled3(a, b, c);
                    }
                    return;
                }
                case 4 -> {
                    if (SIMD4) {
                        unrolled4Simd(a, b, c);
                    } else {
                        unrolled4(a, b, c);
                    }
                    return;
                }
                default -> {
                    // not a fixed-size case
                }
            }
        }
        if ((long) m * k * n <= SMALL_WORK) {
            naive(a, b, c, m, k, n);
        } else if (SIMD_ENABLED) {
            simd(a, b, c, m, k, n);
        } else {
            blocked(a, b, c, m, k, n);
        }
    }

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

    /**
     * {@code C = A * B} when all three live in {@code double[]} (on-heap storage): the fixed sizes run on the arrays
     * directly, which spares the segment checks that dominate a product of a few nanoseconds; other shapes go to
     * the segment kernels (heap segments over the same arrays), where those checks are amortized.
     */
    public static void multiply(double[] a, double[] b, double[] c, int m, int k, int n) {
        if (m == 4 && k == 4 && n == 4) {
            multiply4(a, b, c);
            return;
        }
        multiply(MemorySegment.ofArray(a), MemorySegment.ofArray(b), MemorySegment.ofArray(c), m, k, n);
    }

    /** 4x4 times 4x4 on arrays of at least 16 elements: the vector kernel, or the scalar one without SIMD. */
    public static void multiply4(double[] a, double[] b, double[] c) {
        if (SIMD4) {
            unrolled4Simd(a, b, c);
        } else {
            unrolled4(MemorySegment.ofArray(a), MemorySegment.ofArray(b), MemorySegment.ofArray(c));
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

    /** The textbook triple loop: {@code c[i][j] = sum_p a[i][p] * b[p][j]}. */
    public static void naive(MemorySegment a, MemorySegment b, MemorySegment c, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a.getAtIndex(F64, (long) i * k + p) * b.getAtIndex(F64, (long) p * n + j);
                }
                c.setAtIndex(F64, (long) i * n + j, sum);
            }
        }
    }

    /** 2x2 times 2x2, fully unrolled. */
    public static void unrolled2(MemorySegment a, MemorySegment b, MemorySegment c) {
        double a11 = a.getAtIndex(F64, 0), a12 = a.getAtIndex(F64, 1);
        double a21 = a.getAtIndex(F64, 2), a22 = a.getAtIndex(F64, 3);
        double b11 = b.getAtIndex(F64, 0), b12 = b.getAtIndex(F64, 1);
        double b21 = b.getAtIndex(F64, 2), b22 = b.getAtIndex(F64, 3);
        c.setAtIndex(F64, 0, a11 * b11 + a12 * b21);
        c.setAtIndex(F64, 1, a11 * b12 + a12 * b22);
        c.setAtIndex(F64, 2, a21 * b11 + a22 * b21);
        c.setAtIndex(F64, 3, a21 * b12 + a22 * b22);
    }

    /** 3x3 times 3x3, fully unrolled. */
    public static void unrolled3(MemorySegment a, MemorySegment b, MemorySegment c) {
        // One bounds check for the highest index lets C2 drop the eight below it.
        double a33 = a.getAtIndex(F64, 8);
        double b33 = b.getAtIndex(F64, 8);
        double a11 = a.getAtIndex(F64, 0), a12 = a.getAtIndex(F64, 1), a13 = a.getAtIndex(F64, 2);
        double a21 = a.getAtIndex(F64, 3), a22 = a.getAtIndex(F64, 4), a23 = a.getAtIndex(F64, 5);
        double a31 = a.getAtIndex(F64, 6), a32 = a.getAtIndex(F64, 7);
        double b11 = b.getAtIndex(F64, 0), b12 = b.getAtIndex(F64, 1), b13 = b.getAtIndex(F64, 2);
        double b21 = b.getAtIndex(F64, 3), b22 = b.getAtIndex(F64, 4), b23 = b.getAtIndex(F64, 5);
        double b31 = b.getAtIndex(F64, 6), b32 = b.getAtIndex(F64, 7);
        c.setAtIndex(F64, 8, a31 * b13 + a32 * b23 + a33 * b33);
        c.setAtIndex(F64, 0, a11 * b11 + a12 * b21 + a13 * b31);
        c.setAtIndex(F64, 1, a11 * b12 + a12 * b22 + a13 * b32);
        c.setAtIndex(F64, 2, a11 * b13 + a12 * b23 + a13 * b33);
        c.setAtIndex(F64, 3, a21 * b11 + a22 * b21 + a23 * b31);
        c.setAtIndex(F64, 4, a21 * b12 + a22 * b22 + a23 * b32);
        c.setAtIndex(F64, 5, a21 * b13 + a22 * b23 + a23 * b33);
        c.setAtIndex(F64, 6, a31 * b11 + a32 * b21 + a33 * b31);
        c.setAtIndex(F64, 7, a31 * b12 + a32 * b22 + a33 * b32);
    }

    /** 4x4 times 4x4, fully unrolled. */
    public static void unrolled4(MemorySegment a, MemorySegment b, MemorySegment c) {
        double a44 = a.getAtIndex(F64, 15);
        double b44 = b.getAtIndex(F64, 15);
        double a11 = a.getAtIndex(F64, 0),
                a12 = a.getAtIndex(F64, 1),
                a13 = a.getAtIndex(F64, 2),
                a14 = a.getAtIndex(F64, 3);
        double a21 = a.getAtIndex(F64, 4),
                a22 = a.getAtIndex(F64, 5),
                a23 = a.getAtIndex(F64, 6),
                a24 = a.getAtIndex(F64, 7);
        double a31 = a.getAtIndex(F64, 8),
                a32 = a.getAtIndex(F64, 9),
                a33 = a.getAtIndex(F64, 10),
                a34 = a.getAtIndex(F64, 11);
        double a41 = a.getAtIndex(F64, 12), a42 = a.getAtIndex(F64, 13), a43 = a.getAtIndex(F64, 14);
        double b11 = b.getAtIndex(F64, 0),
                b12 = b.getAtIndex(F64, 1),
                b13 = b.getAtIndex(F64, 2),
                b14 = b.getAtIndex(F64, 3);
        double b21 = b.getAtIndex(F64, 4),
                b22 = b.getAtIndex(F64, 5),
                b23 = b.getAtIndex(F64, 6),
                b24 = b.getAtIndex(F64, 7);
        double b31 = b.getAtIndex(F64, 8),
                b32 = b.getAtIndex(F64, 9),
                b33 = b.getAtIndex(F64, 10),
                b34 = b.getAtIndex(F64, 11);
        double b41 = b.getAtIndex(F64, 12), b42 = b.getAtIndex(F64, 13), b43 = b.getAtIndex(F64, 14);
        c.setAtIndex(F64, 15, a41 * b14 + a42 * b24 + a43 * b34 + a44 * b44);
        c.setAtIndex(F64, 0, a11 * b11 + a12 * b21 + a13 * b31 + a14 * b41);
        c.setAtIndex(F64, 1, a11 * b12 + a12 * b22 + a13 * b32 + a14 * b42);
        c.setAtIndex(F64, 2, a11 * b13 + a12 * b23 + a13 * b33 + a14 * b43);
        c.setAtIndex(F64, 3, a11 * b14 + a12 * b24 + a13 * b34 + a14 * b44);
        c.setAtIndex(F64, 4, a21 * b11 + a22 * b21 + a23 * b31 + a24 * b41);
        c.setAtIndex(F64, 5, a21 * b12 + a22 * b22 + a23 * b32 + a24 * b42);
        c.setAtIndex(F64, 6, a21 * b13 + a22 * b23 + a23 * b33 + a24 * b43);
        c.setAtIndex(F64, 7, a21 * b14 + a22 * b24 + a23 * b34 + a24 * b44);
        c.setAtIndex(F64, 8, a31 * b11 + a32 * b21 + a33 * b31 + a34 * b41);
        c.setAtIndex(F64, 9, a31 * b12 + a32 * b22 + a33 * b32 + a34 * b42);
        c.setAtIndex(F64, 10, a31 * b13 + a32 * b23 + a33 * b33 + a34 * b43);
        c.setAtIndex(F64, 11, a31 * b14 + a32 * b24 + a33 * b34 + a34 * b44);
        c.setAtIndex(F64, 12, a41 * b11 + a42 * b21 + a43 * b31 + a44 * b41);
        c.setAtIndex(F64, 13, a41 * b12 + a42 * b22 + a43 * b32 + a44 * b42);
        c.setAtIndex(F64, 14, a41 * b13 + a42 * b23 + a43 * b33 + a44 * b43);
    }

    /**
     * 4x4 times 4x4 with one 256-bit vector per row: row i of C is
     * {@code a[i][0] * B[0] + a[i][1] * B[1] + a[i][2] * B[2] + a[i][3] * B[3]}, the {@code a[i][p]} broadcast
     * in registers from a vector load of A's row. 8 vector loads and 4 vector stores instead of 32 scalar
     * loads and 16 stores: fewer segment accesses, each with its bounds and liveness check. Multiply then add
     * (not FMA) in the same order as {@link #unrolled4}, so both give bit-identical results.
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
     * Scalar cache-blocked multiply: 64x64x64 blocks, i-k-j order inside a block so the innermost loop
     * walks a row of B and a row of C contiguously.
     */
    public static void blocked(MemorySegment a, MemorySegment b, MemorySegment c, int m, int k, int n) {
        c.asSlice(0, (long) m * n * Double.BYTES).fill((byte) 0);
        for (int ii = 0; ii < m; ii += BLOCK) {
            int iEnd = Math.min(ii + BLOCK, m);
            for (int pp = 0; pp < k; pp += BLOCK) {
                int pEnd = Math.min(pp + BLOCK, k);
                for (int jj = 0; jj < n; jj += BLOCK) {
                    int jEnd = Math.min(jj + BLOCK, n);
                    for (int i = ii; i < iEnd; i++) {
                        long cRow = (long) i * n;
                        for (int p = pp; p < pEnd; p++) {
                            double aip = a.getAtIndex(F64, (long) i * k + p);
                            long bRow = (long) p * n;
                            for (int j = jj; j < jEnd; j++) {
                                long ci = cRow + j;
                                c.setAtIndex(F64, ci, c.getAtIndex(F64, ci) + aip * b.getAtIndex(F64, bRow + j));
                            }
                        }
                    }
                }
            }
        }
    }

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
