/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.matrix;

import dev.ferrum.matrix.Dim;
import dev.ferrum.matrix.Matrix;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
 * 1024 x 1024 products (2.1 GFLOP each): Ferrum vs EJML vs the naive loop. Kept apart from
 * {@link LargeMultiplyBench} because one call takes from a tenth of a second to several seconds, so it is
 * timed call by call ({@link Mode#SingleShotTime}) with a few warm-up calls.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class HugeMultiplyBench extends SquareOperands<HugeMultiplyBench.Side> {

    /** The benchmark's run-time dimension. */
    public interface Side extends Dim {}

    @Param({"1024"})
    public int size;

    @Setup
    public void setUp() {
        operands(Side.class, size);
    }

    /** Ferrum: typed API, off-heap, SIMD kernel. */
    @Benchmark
    public Matrix<Side, Side> ours() {
        return a.times(b, c);
    }

    /** EJML, row-major dense, single-threaded. */
    @Benchmark
    public DMatrixRMaj ejml() {
        CommonOps_DDRM.mult(ejmlA, ejmlB, ejmlC);
        return ejmlC;
    }

    /** Textbook i-j-k loop on {@code double[]}. */
    @Benchmark
    public double[] naive() {
        LargeMultiplyBench.naiveMultiply(rawA, rawB, rawC, size);
        return rawC;
    }
}
