/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.arena;

import dev.ferrum.arena.BumpArena;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
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
 * Segment-returning allocators, batch of {@value AllocBench#BATCH} blocks then release, time per block:
 * our segment path (temporal safety on, the default), the JDK's {@code SegmentAllocator.slicingAllocator}
 * (its own bump allocator, over a segment of the same size as our chunk, re-created per batch since it
 * cannot be rewound), and one {@code Arena.ofConfined()} per block (allocate, close).
 * Fewer sizes than {@link AllocBench} to keep the quick run short.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(AllocBench.BATCH)
public class PeerBench {

    @Param({"16", "256"})
    public long size;

    @Param({"8", "64"})
    public long align;

    private BumpArena arena;
    private Arena backing;
    private MemorySegment slab;

    @Setup(Level.Trial)
    public void setUp() {
        arena = BumpArena.builder().chunkBytes(1 << 20).maxChunkBytes(1 << 20).build();
        backing = Arena.ofConfined();
        slab = backing.allocate(1 << 20, BumpArena.CHUNK_ALIGNMENT);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        arena.close();
        backing.close();
    }

    /** Ours, segment path: 1024 segments (each dies at the reset), then one reset. */
    @Benchmark
    public void bumpSegment(Blackhole bh) {
        BumpArena a = arena;
        long s = size;
        long al = align;
        for (int i = 0; i < BATCH; i++) {
            bh.consume(a.allocate(s, al));
        }
        a.reset();
    }

    /** Peer: the JDK's slicing allocator; "reset" = a fresh allocator over the same slab. */
    @Benchmark
    public void slicingAllocator(Blackhole bh) {
        SegmentAllocator a = SegmentAllocator.slicingAllocator(slab);
        long s = size;
        long al = align;
        for (int i = 0; i < BATCH; i++) {
            bh.consume(a.allocate(s, al));
        }
    }

    /** Peer: per-object native allocation with FFM's own lifetime management. */
    @Benchmark
    public void arenaConfinedAllocClose(Blackhole bh) {
        long s = size;
        long al = align;
        for (int i = 0; i < BATCH; i++) {
            try (Arena a = Arena.ofConfined()) {
                bh.consume(a.allocate(s, al));
            }
        }
    }

    /**
     * Peer, as most FFM code binds libc: ADDRESS-typed, non-critical downcalls; 1024 malloc then 1024 free.
     * (The critical, long-typed variant is {@link AllocBench#mallocFree}.)
     */
    @Benchmark
    public void mallocFreeDefaultDowncall(Blackhole bh) {
        long s = size;
        long al = align;
        MemorySegment[] ptrs = pointers;
        for (int i = 0; i < BATCH; i++) {
            MemorySegment p = al <= Libc.MALLOC_ALIGNMENT ? Libc.mallocDefault(s) : Libc.alignedAllocDefault(al, s);
            if (p.equals(MemorySegment.NULL)) {
                throw new OutOfMemoryError("malloc(" + s + ") returned NULL");
            }
            ptrs[i] = p;
            bh.consume(p);
        }
        for (int i = 0; i < BATCH; i++) {
            Libc.freeDefault(ptrs[i]);
            ptrs[i] = null;
        }
    }

    private final MemorySegment[] pointers = new MemorySegment[BATCH];

    private static final int BATCH = AllocBench.BATCH;
}
