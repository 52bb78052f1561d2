/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.arena;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Java {@code new byte[size]}: a TLAB bump pointer plus header write and zeroing (the array is
 * {@code size} + 16 header bytes), released by the young-generation GC. Batch of {@value AllocBench#BATCH}
 * like the other allocators, time per block.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(AllocBench.BATCH)
public class JavaNewBench {

    @Param({"16", "256"})
    public int size;

    @Benchmark
    public void javaNew(Blackhole bh) {
        int s = size;
        for (int i = 0; i < AllocBench.BATCH; i++) {
            bh.consume(new byte[s]);
        }
    }
}
