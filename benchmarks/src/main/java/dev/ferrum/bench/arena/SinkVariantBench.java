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
 * Not part of the arena suite's run: the variants behind benchmarks/rust/README.md's "why Ferrum loses"
 * section, run by hand ({@code org.openjdk.jmh.Main SinkVariantBench}). Same batches as {@link AllocBench}
 * (1024 blocks, then reset; ns per block), three ways:
 * <ul>
 *   <li>{@code bumpOffsetXor}: Ferrum's handle path with no per-block {@link Blackhole}: the handles are
 *       folded into one value returned per batch (the cost of the per-block sink);
 *   <li>{@code plainBump}: the Rust project's hand-written bump arena transcribed to Java (a cursor and a
 *       limit in fields, align up, bounds check, bump), per-block {@link Blackhole} like {@code AllocBench}
 *       (the floor of the JIT and the harness, without Ferrum's handle encoding and checks);
 *   <li>{@code plainBumpFerrumChecks}: {@code plainBump} plus the checks and bookkeeping of Ferrum's fast path;
 *   <li>{@code bumpOffset}: {@link AllocBench#bumpOffset}'s loop again, in the same run, as the reference.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(AllocBench.BATCH)
public class SinkVariantBench {

    @Param({"16"})
    public long size;

    @Param({"8"})
    public long align;

    private BumpArena arena;
    private long cursor;
    private final long limit = 1 << 20;

    @Setup(Level.Trial)
    public void setUp() {
        arena = BumpArena.builder()
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
    public void bumpOffset(Blackhole bh) {
        BumpArena a = arena;
        long s = size;
        long al = align;
        for (int i = 0; i < AllocBench.BATCH; i++) {
            bh.consume(a.allocateOffset(s, al));
        }
        a.reset();
    }

    @Benchmark
    public long bumpOffsetXor() {
        BumpArena a = arena;
        long s = size;
        long al = align;
        long x = 0;
        for (int i = 0; i < AllocBench.BATCH; i++) {
            x ^= a.allocateOffset(s, al);
        }
        a.reset();
        return x;
    }

    @Benchmark
    public void plainBump(Blackhole bh) {
        long s = size;
        long al = align;
        for (int i = 0; i < AllocBench.BATCH; i++) {
            long aligned = (cursor + al - 1) & -al;
            if (aligned > limit - s) {
                throw new OutOfMemoryError("chunk holds a batch");
            }
            cursor = aligned + s;
            bh.consume(aligned);
        }
        cursor = 0;
    }

    private final Thread owner = Thread.currentThread();
    private long wasted;
    private final long handleBase = 5L << 40;

    /**
     * {@link #plainBump} plus what Ferrum's confined fast path adds per block: the owner-thread check, the request
     * validation (size range, power-of-two alignment, alignment cap), the wasted-bytes counter (a second field
     * store) and the handle composition (generation and chunk index OR-ed in).
     */
    @Benchmark
    public void plainBumpFerrumChecks(Blackhole bh) {
        long s = size;
        long al = align;
        for (int i = 0; i < AllocBench.BATCH; i++) {
            if (Thread.currentThread() != owner
                    || s < 0
                    || s > (1L << 35)
                    || al <= 0
                    || (al & (al - 1)) != 0
                    || al > 4096) {
                throw new IllegalStateException("slow path");
            }
            long t = cursor;
            long aligned = (t + al - 1) & -al;
            if (aligned > limit - s) {
                throw new OutOfMemoryError("chunk holds a batch");
            }
            cursor = aligned + s;
            wasted += aligned - t;
            bh.consume(handleBase | aligned);
        }
        cursor = 0;
    }
}
