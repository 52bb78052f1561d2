/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.matrix.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Matrix-multiply kernels for row-major {@code double} storage: {@code C = A * B} with A {@code m x k},
 * B {@code k x n}, C {@code m x n}, each a segment whose element {@code (i, j)} is at
 * {@code (i * cols + j) * 8}.
 *
 * <p>Every kernel overwrites C completely; C must not overlap A or B (the public API checks this).
 * {@link #multiply} picks one:
 * <ul>
 *   <li>{@link #unrolled2}, {@link #unrolled3}, {@link #unrolled4}: square 2/3/4 matrices, every element a
 *       local variable (what EJML's {@code CommonOps_DDF4} does with fields), or their vector forms in
 *       {@link DoubleVectorKernels};</li>
 *   <li>{@link DoubleVectorKernels#simd}: Vector API, register-blocked, B packed, cache-blocked;</li>
 *   <li>{@link #blocked}: the scalar fallback, cache-blocked i-k-j loops, used when the Vector API module is not
 *       in the boot layer, the JVM offers no vector species wider than one lane, or
 *       {@code -Dferrum.matrix.simd=false} is set;</li>
 *   <li>{@link #naive}: the textbook i-j-k triple loop, the reference the others are tested against.</li>
 * </ul>
 *
 * <p>This class never names a {@code jdk.incubator.vector} type: every call into {@link DoubleVectorKernels} sits
 * behind {@link #SIMD_ENABLED} or {@link #SIMD4}, both {@code false} when {@link Vectorization#AVAILABLE} is, so
 * on a JVM started without {@code --add-modules jdk.incubator.vector} that class is never initialized and the
 * module is never needed. Both flags are {@code static final}: C2 folds them and drops the unused family.
 *
 * <p>Thread-safe: kernels keep no state except a per-thread packing buffer (in the vector kernels).
 */
public final class DoubleKernels {

    /**
     * Unaligned-access layout: every element offset is a multiple of 8 from a base that is 64-byte (off-heap) or
     * 8-byte ({@code double[]}) aligned, so accesses are in fact aligned; the unaligned layout only spares the
     * per-access alignment check that the aligned layout would do on native segments.
     */
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    /** Block edge of the scalar blocked kernel (3 blocks of 64x64 doubles = 96 KiB, L2-resident). */
    private static final int BLOCK = 64;

    /**
     * Whether {@link #multiply} uses the SIMD kernels: the Vector API module is present, it offers a vector of at
     * least 2 doubles, and {@code -Dferrum.matrix.simd=false} is not set. Evaluated left to right, so
     * {@link DoubleVectorKernels} is not touched when the module is absent.
     */
    public static final boolean SIMD_ENABLED = Vectorization.AVAILABLE
            && !"false".equalsIgnoreCase(System.getProperty("ferrum.matrix.simd"))
            && DoubleVectorKernels.LANES >= 2;

    /** Whether the 3x3/4x4 products use the 256-bit vector forms (SIMD on, 4 lanes available). */
    public static final boolean SIMD4 = SIMD_ENABLED
            && DoubleVectorKernels.LANES >= 4
            && !"false".equalsIgnoreCase(System.getProperty("ferrum.matrix.simd4"));

    /** Below this many multiply-adds the blocked kernels' set-up costs more than it saves. */
    private static final long SMALL_WORK = 8L * 8 * 8;

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
                    if (SIMD4
                            && a.byteSize() >= DoubleVectorKernels.PADDED3
                            && b.byteSize() >= DoubleVectorKernels.PADDED3
                            && c.byteSize() >= DoubleVectorKernels.PADDED3) {
                        DoubleVectorKernels.unrolled3Simd(a, b, c);
                    } else {
                        unrolled3(a, b, c);
                    }
                    return;
                }
                case 4 -> {
                    if (SIMD4) {
                        DoubleVectorKernels.unrolled4Simd(a, b, c);
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
            DoubleVectorKernels.simd(a, b, c, m, k, n);
        } else {
            blocked(a, b, c, m, k, n);
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
            DoubleVectorKernels.unrolled4Simd(a, b, c);
        } else {
            unrolled4(MemorySegment.ofArray(a), MemorySegment.ofArray(b), MemorySegment.ofArray(c));
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
}
