/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.matrix;

import dev.ferrum.matrix.Dim;
import dev.ferrum.matrix.Matrix;
import dev.ferrum.matrix.Size;
import dev.ferrum.matrix.internal.DoubleKernels;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ojalgo.OjAlgoUtils;
import org.ojalgo.matrix.store.R064Store;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Square {@code n x n} products at 64, 256 (and, in {@link HugeMultiplyBench}, 1024): Ferrum's typed API
 * (Vector API kernel, off-heap storage) against EJML's {@code CommonOps_DDRM.mult} on {@code DMatrixRMaj}
 * (single-threaded, as its users call it), ojAlgo's dense {@code R064Store} ({@code fillByMultiplying} into a
 * preallocated store, limited to one thread with {@code OjAlgoUtils.limitThreadsTo(1)}), a naive i-j-k triple loop on {@code double[]}, and Ferrum's own
 * scalar cache-blocked kernel (the fallback used without SIMD; called directly, informational).
 *
 * <p>The dimension is a user-defined {@link Dim}, {@code Side}, bound once per fork to the {@code size}
 * parameter: the "size decided at run time, fixed per type" case of the issue.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LargeMultiplyBench extends SquareOperands<LargeMultiplyBench.Side> {

    /** The benchmark's run-time dimension. */
    public interface Side extends Dim {}

    @Param({"64", "256"})
    public int size;

    Matrix<Side, Side> scalarOut;
    R064Store ojA;
    R064Store ojB;
    R064Store ojC;
    double[] rawKernelC;

    @Setup
    public void setUp() {
        operands(Side.class, size);
        Size<Side> n = Size.of(Side.class, size);
        scalarOut = Matrix.zeros(n, n);
        rawKernelC = new double[size * size];
        OjAlgoUtils.limitThreadsTo(1); // by default ojAlgo splits large products over all cores
        ojA = R064Store.FACTORY.make(size, size);
        ojB = R064Store.FACTORY.make(size, size);
        ojC = R064Store.FACTORY.make(size, size);
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                ojA.set(i, j, rawA[i * size + j]);
                ojB.set(i, j, rawB[i * size + j]);
            }
        }
        ours();
        ejml();
        ojalgo();
        naive();
        oursScalarBlocked();
        kernelOnRawArrays();
        for (int i = 0; i < size * size; i++) {
            double v = c.segment().getAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, i);
            double tolerance = 1e-9 * size;
            if (Math.abs(v - ejmlC.data[i]) > tolerance
                    || Math.abs(v - ojC.get(i / size, i % size)) > tolerance
                    || Math.abs(v - rawC[i]) > tolerance
                    || v != rawKernelC[i]
                    || Math.abs(v - scalarOut.segment().getAtIndex(java.lang.foreign.ValueLayout.JAVA_DOUBLE, i))
                            > tolerance) {
                throw new IllegalStateException("results differ at element " + i);
            }
        }
    }

    /** Ferrum: typed API, off-heap, SIMD kernel. */
    @Benchmark
    public Matrix<Side, Side> ours() {
        return a.times(b, c);
    }

    /**
     * Ferrum's multiply (same dispatch, same SIMD kernel) called directly on raw {@code double[]} arrays, without
     * the typed API or off-heap storage: {@link #ours} against this is the cost of the API and the segments.
     */
    @Benchmark
    public double[] kernelOnRawArrays() {
        DoubleKernels.multiply(rawA, rawB, rawKernelC, size, size, size);
        return rawKernelC;
    }

    /** Ferrum's scalar cache-blocked kernel (the no-SIMD fallback), same segments. */
    @Benchmark
    public Matrix<Side, Side> oursScalarBlocked() {
        DoubleKernels.blocked(a.segment(), b.segment(), scalarOut.segment(), size, size, size);
        return scalarOut;
    }

    /** EJML, row-major dense, single-threaded. */
    @Benchmark
    public DMatrixRMaj ejml() {
        CommonOps_DDRM.mult(ejmlA, ejmlB, ejmlC);
        return ejmlC;
    }

    /** ojAlgo, dense column-major {@code R064Store}, single thread. */
    @Benchmark
    public R064Store ojalgo() {
        ojC.fillByMultiplying(ojA, ojB);
        return ojC;
    }

    /** Textbook i-j-k loop on {@code double[]}. */
    @Benchmark
    public double[] naive() {
        naiveMultiply(rawA, rawB, rawC, size);
        return rawC;
    }

    static void naiveMultiply(double[] a, double[] b, double[] c, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < n; p++) {
                    sum += a[i * n + p] * b[p * n + j];
                }
                c[i * n + j] = sum;
            }
        }
    }
}
