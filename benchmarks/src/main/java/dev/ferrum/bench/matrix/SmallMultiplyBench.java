/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.matrix;

import dev.ferrum.matrix.Matrix;
import dev.ferrum.matrix.N3;
import dev.ferrum.matrix.N4;
import dev.ferrum.matrix.Storage;
import dev.ferrum.matrix.internal.DoubleKernels;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;
import org.ejml.data.DMatrix3x3;
import org.ejml.data.DMatrix4x4;
import org.ejml.dense.fixed.CommonOps_DDF3;
import org.ejml.dense.fixed.CommonOps_DDF4;
import org.ojalgo.OjAlgoUtils;
import org.ojalgo.matrix.store.R064Store;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 3x3 and 4x4 products, the graphics/game sizes: Ferrum's unrolled kernels through the typed API against
 * EJML's fixed-size classes ({@code DMatrix3x3}/{@code DMatrix4x4}, one field per element) and against the
 * same unrolled arithmetic on raw {@code double[]} arrays (the cost of the typed API), and against ojAlgo's dense
 * {@code R064Store} (the store behind its {@code MatrixR064}, formerly {@code Primitive64Store}), multiplied with
 * {@code fillByMultiplying} into a preallocated result, ojAlgo's own "into target" form.
 *
 * <p>Every side writes its product into a preallocated result, as users of these APIs do in a loop
 * (EJML's {@code mult(a, b, c)}, our {@code a.times(b, out)}); the inputs are the same random values.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SmallMultiplyBench {

    Matrix<N4, N4> a4;
    Matrix<N4, N4> b4;
    Matrix<N4, N4> c4;
    Matrix<N4, N4> a4Heap;
    Matrix<N4, N4> b4Heap;
    Matrix<N4, N4> c4Heap;
    Matrix<N3, N3> a3;
    Matrix<N3, N3> b3;
    Matrix<N3, N3> c3;

    DMatrix4x4 ejmlA4;
    DMatrix4x4 ejmlB4;
    DMatrix4x4 ejmlC4;
    DMatrix3x3 ejmlA3;
    DMatrix3x3 ejmlB3;
    DMatrix3x3 ejmlC3;

    R064Store ojA4;
    R064Store ojB4;
    R064Store ojC4;
    Matrix<N4, N4> scalarOut4;

    /** Products per call in the batch benchmarks: a transform pipeline's inner loop. */
    static final int BATCH = 64;

    Matrix<N4, N4>[] batchA;
    Matrix<N4, N4>[] batchB;
    Matrix<N4, N4>[] batchOut;
    double[][] rawBatchA;
    double[][] rawBatchB;
    double[][] rawBatchOut;

    double[] rawA4;
    double[] rawB4;
    double[] rawC4;
    double[] rawC4Simd;

    @Setup
    public void setUp() {
        a4 = Matrix.random(N4.SIZE, N4.SIZE, 1);
        b4 = Matrix.random(N4.SIZE, N4.SIZE, 2);
        c4 = Matrix.zeros(N4.SIZE, N4.SIZE);
        a4Heap = Matrix.random(N4.SIZE, N4.SIZE, 1, Storage.ON_HEAP);
        b4Heap = Matrix.random(N4.SIZE, N4.SIZE, 2, Storage.ON_HEAP);
        c4Heap = Matrix.zeros(N4.SIZE, N4.SIZE, Storage.ON_HEAP);
        a3 = Matrix.random(N3.SIZE, N3.SIZE, 3);
        b3 = Matrix.random(N3.SIZE, N3.SIZE, 4);
        c3 = Matrix.zeros(N3.SIZE, N3.SIZE);

        ejmlA4 = new DMatrix4x4();
        ejmlB4 = new DMatrix4x4();
        ejmlC4 = new DMatrix4x4();
        ejmlA3 = new DMatrix3x3();
        ejmlB3 = new DMatrix3x3();
        ejmlC3 = new DMatrix3x3();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                ejmlA4.set(i, j, a4.get(i, j));
                ejmlB4.set(i, j, b4.get(i, j));
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                ejmlA3.set(i, j, a3.get(i, j));
                ejmlB3.set(i, j, b3.get(i, j));
            }
        }
        OjAlgoUtils.limitThreadsTo(1); // ojAlgo's documented switch; every side here is single-threaded
        ojA4 = R064Store.FACTORY.make(4, 4);
        ojB4 = R064Store.FACTORY.make(4, 4);
        ojC4 = R064Store.FACTORY.make(4, 4);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                ojA4.set(i, j, a4.get(i, j));
                ojB4.set(i, j, b4.get(i, j));
            }
        }
        scalarOut4 = Matrix.zeros(N4.SIZE, N4.SIZE);
        rawA4 = a4.toArray();
        rawB4 = b4.toArray();
        rawC4 = new double[16];
        rawC4Simd = new double[16];
        batchA = newBatch();
        batchB = newBatch();
        batchOut = newBatch();
        rawBatchA = new double[BATCH][];
        rawBatchB = new double[BATCH][];
        rawBatchOut = new double[BATCH][16];
        for (int i = 0; i < BATCH; i++) {
            batchA[i] = Matrix.random(N4.SIZE, N4.SIZE, 100 + i, Storage.ON_HEAP);
            batchB[i] = Matrix.random(N4.SIZE, N4.SIZE, 200 + i, Storage.ON_HEAP);
            batchOut[i] = Matrix.zeros(N4.SIZE, N4.SIZE, Storage.ON_HEAP);
            rawBatchA[i] = batchA[i].toArray();
            rawBatchB[i] = batchB[i].toArray();
        }
        checkSameResults();
    }

    @SuppressWarnings("unchecked") // an array of one parameterization; never exposed as anything else
    private static Matrix<N4, N4>[] newBatch() {
        return (Matrix<N4, N4>[]) new Matrix<?, ?>[BATCH];
    }

    /** The sides must compute the same product, or the comparison means nothing. */
    private void checkSameResults() {
        ours4();
        ejml4();
        raw4();
        raw4Simd();
        oursHeap4();
        ours3();
        ejml3();
        oursHeap4Batch();
        raw4SimdBatch();
        ojalgo4();
        oursScalar4();
        for (int b = 0; b < BATCH; b++) {
            for (int e = 0; e < 16; e++) {
                if (batchOut[b].get(e / 4, e % 4) != rawBatchOut[b][e]) {
                    throw new IllegalStateException("batch results differ at product " + b + ", element " + e);
                }
            }
        }
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double v = c4.get(i, j);
                if (Math.abs(v - ejmlC4.get(i, j)) > 1e-12
                        || Math.abs(v - rawC4[i * 4 + j]) > 1e-12
                        || Math.abs(v - rawC4Simd[i * 4 + j]) > 1e-12
                        || Math.abs(v - c4Heap.get(i, j)) > 1e-12
                        || Math.abs(v - ojC4.get(i, j)) > 1e-12
                        || v != scalarOut4.get(i, j)) {
                    throw new IllegalStateException("4x4 results differ at (" + i + ", " + j + ")");
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (Math.abs(c3.get(i, j) - ejmlC3.get(i, j)) > 1e-12) {
                    throw new IllegalStateException("3x3 results differ at (" + i + ", " + j + ")");
                }
            }
        }
    }

    /** Ferrum, typed API, off-heap storage, unrolled 4x4 kernel. */
    @Benchmark
    public Matrix<N4, N4> ours4() {
        return a4.times(b4, c4);
    }

    /** Ferrum, typed API, on-heap ({@code double[]}-backed) storage. */
    @Benchmark
    public Matrix<N4, N4> oursHeap4() {
        return a4Heap.times(b4Heap, c4Heap);
    }

    /** ojAlgo: dense {@code R064Store}, product written into a preallocated store. */
    @Benchmark
    public R064Store ojalgo4() {
        ojC4.fillByMultiplying(ojA4, ojB4);
        return ojC4;
    }

    /**
     * Ferrum's scalar unrolled 4x4 kernel on the same off-heap segments: what {@link #ours4} runs when the JVM was
     * started without {@code --add-modules jdk.incubator.vector} (the dispatch flag is a folded constant, so the
     * only difference is the kernel).
     */
    @Benchmark
    public Matrix<N4, N4> oursScalar4() {
        DoubleKernels.unrolled4(a4.segment(), b4.segment(), scalarOut4.segment());
        return scalarOut4;
    }

    /** EJML's fixed-size 4x4 multiply. */
    @Benchmark
    public DMatrix4x4 ejml4() {
        CommonOps_DDF4.mult(ejmlA4, ejmlB4, ejmlC4);
        return ejmlC4;
    }

    /** The same unrolled arithmetic as Ferrum's 4x4 kernel, on raw arrays, no API at all. */
    @Benchmark
    public double[] raw4() {
        multiply4(rawA4, rawB4, rawC4);
        return rawC4;
    }

    /**
     * Ferrum's 4x4 vector kernel written directly on raw {@code double[]} ({@code DoubleVector.fromArray}): the
     * same arithmetic as {@link #oursHeap4} without the typed API, the {@code Matrix} objects or segments.
     */
    @Benchmark
    public double[] raw4Simd() {
        multiply4Simd(rawA4, rawB4, rawC4Simd);
        return rawC4Simd;
    }

    /** 64 typed 4x4 products on double[]-backed matrices, into preallocated results. */
    @Benchmark
    public Matrix<N4, N4>[] oursHeap4Batch() {
        Matrix<N4, N4>[] a = batchA;
        Matrix<N4, N4>[] b = batchB;
        Matrix<N4, N4>[] out = batchOut;
        for (int i = 0; i < BATCH; i++) {
            a[i].times(b[i], out[i]);
        }
        return out;
    }

    /** The same 64 products with the same vector kernel on raw {@code double[]}. */
    @Benchmark
    public double[][] raw4SimdBatch() {
        double[][] a = rawBatchA;
        double[][] b = rawBatchB;
        double[][] out = rawBatchOut;
        for (int i = 0; i < BATCH; i++) {
            multiply4Simd(a[i], b[i], out[i]);
        }
        return out;
    }

    private static final VectorSpecies<Double> S4 = DoubleVector.SPECIES_256;
    private static final VectorShuffle<Double> L0 = VectorShuffle.fromValues(S4, 0, 0, 0, 0);
    private static final VectorShuffle<Double> L1 = VectorShuffle.fromValues(S4, 1, 1, 1, 1);
    private static final VectorShuffle<Double> L2 = VectorShuffle.fromValues(S4, 2, 2, 2, 2);
    private static final VectorShuffle<Double> L3 = VectorShuffle.fromValues(S4, 3, 3, 3, 3);

    static void multiply4Simd(double[] a, double[] b, double[] c) {
        DoubleVector b0 = DoubleVector.fromArray(S4, b, 0);
        DoubleVector b1 = DoubleVector.fromArray(S4, b, 4);
        DoubleVector b2 = DoubleVector.fromArray(S4, b, 8);
        DoubleVector b3 = DoubleVector.fromArray(S4, b, 12);
        for (int row = 0; row < 16; row += 4) {
            DoubleVector ar = DoubleVector.fromArray(S4, a, row);
            b0.mul(ar.rearrange(L0))
                    .add(b1.mul(ar.rearrange(L1)))
                    .add(b2.mul(ar.rearrange(L2)))
                    .add(b3.mul(ar.rearrange(L3)))
                    .intoArray(c, row);
        }
    }

    /** Ferrum, typed API, off-heap, unrolled 3x3 kernel. */
    @Benchmark
    public Matrix<N3, N3> ours3() {
        return a3.times(b3, c3);
    }

    /** EJML's fixed-size 3x3 multiply. */
    @Benchmark
    public DMatrix3x3 ejml3() {
        CommonOps_DDF3.mult(ejmlA3, ejmlB3, ejmlC3);
        return ejmlC3;
    }

    static void multiply4(double[] a, double[] b, double[] c) {
        double a11 = a[0], a12 = a[1], a13 = a[2], a14 = a[3];
        double a21 = a[4], a22 = a[5], a23 = a[6], a24 = a[7];
        double a31 = a[8], a32 = a[9], a33 = a[10], a34 = a[11];
        double a41 = a[12], a42 = a[13], a43 = a[14], a44 = a[15];
        double b11 = b[0], b12 = b[1], b13 = b[2], b14 = b[3];
        double b21 = b[4], b22 = b[5], b23 = b[6], b24 = b[7];
        double b31 = b[8], b32 = b[9], b33 = b[10], b34 = b[11];
        double b41 = b[12], b42 = b[13], b43 = b[14], b44 = b[15];
        c[15] = a41 * b14 + a42 * b24 + a43 * b34 + a44 * b44;
        c[0] = a11 * b11 + a12 * b21 + a13 * b31 + a14 * b41;
        c[1] = a11 * b12 + a12 * b22 + a13 * b32 + a14 * b42;
        c[2] = a11 * b13 + a12 * b23 + a13 * b33 + a14 * b43;
        c[3] = a11 * b14 + a12 * b24 + a13 * b34 + a14 * b44;
        c[4] = a21 * b11 + a22 * b21 + a23 * b31 + a24 * b41;
        c[5] = a21 * b12 + a22 * b22 + a23 * b32 + a24 * b42;
        c[6] = a21 * b13 + a22 * b23 + a23 * b33 + a24 * b43;
        c[7] = a21 * b14 + a22 * b24 + a23 * b34 + a24 * b44;
        c[8] = a31 * b11 + a32 * b21 + a33 * b31 + a34 * b41;
        c[9] = a31 * b12 + a32 * b22 + a33 * b32 + a34 * b42;
        c[10] = a31 * b13 + a32 * b23 + a33 * b33 + a34 * b43;
        c[11] = a31 * b14 + a32 * b24 + a33 * b34 + a34 * b44;
        c[12] = a41 * b11 + a42 * b21 + a43 * b31 + a44 * b41;
        c[13] = a41 * b12 + a42 * b22 + a43 * b32 + a44 * b42;
        c[14] = a41 * b13 + a42 * b23 + a43 * b33 + a44 * b43;
    }
}
