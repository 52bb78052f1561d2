/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.arena;

import dev.ferrum.arena.BumpArena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The price of temporal safety: one generation = allocate a segment, then {@code reset()}. With temporal
 * safety the reset closes the generation's {@code Arena} (confined: a flag flip; shared: a handshake with
 * every thread) and the first allocation of the next generation re-scopes the chunk (one
 * {@code reinterpret}); without it, reset only rewinds the bump pointer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ResetBench {

    @Param({"false", "true"})
    public boolean shared;

    @Param({"false", "true"})
    public boolean temporalSafety;

    private BumpArena arena;

    @Setup(Level.Trial)
    public void setUp() {
        arena = BumpArena.builder()
                .shared(shared)
                .temporalSafety(temporalSafety)
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
    }

    @Benchmark
    public MemorySegment allocateThenReset() {
        MemorySegment s = arena.allocate(64, 8);
        arena.reset();
        return s;
    }
}
