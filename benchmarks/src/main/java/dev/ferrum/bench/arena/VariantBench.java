/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.arena;

import dev.ferrum.arena.BumpArena;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Confined vs shared (CAS) handle path, one thread (uncontended), 16-byte blocks aligned to 8, batch of
 * {@value AllocBench#BATCH} then reset: what thread safety costs when it is not needed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(AllocBench.BATCH)
public class VariantBench {

    @Param({"false", "true"})
    public boolean shared;

    private BumpArena arena;

    @Setup(Level.Trial)
    public void setUp() {
        arena = BumpArena.builder()
                .shared(shared)
                .chunkBytes(1 << 20)
                .maxChunkBytes(1 << 20)
                .temporalSafety(false)
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public void bumpOffset16(Blackhole bh) {
        BumpArena a = arena;
        for (int i = 0; i < AllocBench.BATCH; i++) {
            bh.consume(a.allocateOffset(16, 8));
        }
        a.reset();
    }
}
