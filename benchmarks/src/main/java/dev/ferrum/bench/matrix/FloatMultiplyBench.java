/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.matrix;

import dev.ferrum.matrix.Dim;
import dev.ferrum.matrix.FloatMatrix;
import dev.ferrum.matrix.Size;
import dev.ferrum.matrix.Storage;
import java.util.concurrent.TimeUnit;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
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

/** Single precision, 256 x 256: Ferrum's float Vector API kernel against EJML's {@code CommonOps_FDRM.mult}. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FloatMultiplyBench {

    /** The benchmark's run-time dimension. */
    public interface Side extends Dim {}

    @Param({"256"})
    public int size;

    FloatMatrix<Side, Side> a;
    FloatMatrix<Side, Side> b;
    FloatMatrix<Side, Side> c;
    FMatrixRMaj ejmlA;
    FMatrixRMaj ejmlB;
    FMatrixRMaj ejmlC;

    @Setup
    public void setUp() {
        Size<Side> n = Size.of(Side.class, size);
        a = FloatMatrix.random(n, n, 1, Storage.OFF_HEAP);
        b = FloatMatrix.random(n, n, 2, Storage.OFF_HEAP);
        c = FloatMatrix.zeros(n, n);
        ejmlA = new FMatrixRMaj(size, size);
        ejmlB = new FMatrixRMaj(size, size);
        ejmlC = new FMatrixRMaj(size, size);
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                ejmlA.set(i, j, a.get(i, j));
                ejmlB.set(i, j, b.get(i, j));
            }
        }
        ours();
        ejml();
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                if (Math.abs(c.get(i, j) - ejmlC.get(i, j)) > 1e-3f) {
                    throw new IllegalStateException("float results differ at (" + i + ", " + j + ")");
                }
            }
        }
    }

    /** Ferrum: typed API, off-heap, float SIMD kernel. */
    @Benchmark
    public FloatMatrix<Side, Side> ours() {
        return a.times(b, c);
    }

    /** EJML, row-major dense float, single-threaded. */
    @Benchmark
    public FMatrixRMaj ejml() {
        CommonOps_FDRM.mult(ejmlA, ejmlB, ejmlC);
        return ejmlC;
    }
}
