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
 * The Box::new comparison at every size and alignment the issue names: a batch of {@value #BATCH} blocks is
 * allocated (all alive together) and then released, and the time is reported per block. Ours: the bump
 * arena's zero-garbage handle path, released by {@code reset()}. Peer: {@code malloc}
 * ({@code aligned_alloc} above 16-byte alignment) per block, {@code free} per block.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(AllocBench.BATCH)
public class AllocBench {

    static final int BATCH = 1024;

    @Param({"8", "16", "64", "256"})
    public long size;

    @Param({"8", "64"})
    public long align;

    private BumpArena arena;
    private final long[] addresses = new long[BATCH];

    @Setup(Level.Trial)
    public void setUp() {
        // One 1 MiB chunk holds a whole batch (1024 * (256 + 63) bytes). Handles carry their own generation
        // check, so the handle-only path needs no generation scopes: reset() then allocates nothing.
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

    /** Ours: 1024 handle allocations, then one reset. */
    @Benchmark
    public void bumpOffset(Blackhole bh) {
        BumpArena a = arena;
        long s = size;
        long al = align;
        for (int i = 0; i < BATCH; i++) {
            bh.consume(a.allocateOffset(s, al));
        }
        a.reset();
    }

    /** Peer: 1024 malloc (or aligned_alloc) downcalls, then 1024 free downcalls. */
    @Benchmark
    public void mallocFree(Blackhole bh) {
        long s = size;
        long al = align;
        long[] addr = addresses;
        for (int i = 0; i < BATCH; i++) {
            long p = al <= Libc.MALLOC_ALIGNMENT ? Libc.malloc(s) : Libc.alignedAlloc(al, s);
            if (p == 0) {
                throw new OutOfMemoryError("malloc(" + s + ") returned NULL");
            }
            addr[i] = p;
            bh.consume(p);
        }
        for (int i = 0; i < BATCH; i++) {
            Libc.free(addr[i]);
        }
    }
}
