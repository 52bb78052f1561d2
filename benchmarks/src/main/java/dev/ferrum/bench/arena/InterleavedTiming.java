/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.arena;

import dev.ferrum.arena.BumpArena;
import dev.ferrum.bench.support.Interleaved;
import dev.ferrum.bench.support.Interleaved.Contender;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;

/**
 * A load-robust cross-check of the JMH rows for a shared, busy machine: every contender runs in one JVM,
 * round-robin ({@link Interleaved}), and the best batch time is kept (so a burst of load hits all of them alike and is filtered
 * out). Optimistic for everyone, and without a Blackhole: escape analysis may remove objects nobody uses
 * (the JDK slicing allocator's segment, {@code new byte[]}). Not part of the report; run it by hand:
 * {@code java --enable-native-access=ALL-UNNAMED -cp benchmarks.jar dev.ferrum.bench.arena.InterleavedTiming 16 8}.
 */
public final class InterleavedTiming {

    private static final int BATCH = AllocBench.BATCH;
    private static long sink;

    private InterleavedTiming() {}

    public static void main(String[] args) {
        long size = args.length > 0 ? Long.parseLong(args[0]) : 16;
        long align = args.length > 1 ? Long.parseLong(args[1]) : 8;
        allocation(size, align);
        contended(size, align);
        lists();
        System.out.println("(checksum " + (sink + Interleaved.sink()) + ")");
    }

    private static void allocation(long size, long align) {
        BumpArena handles = BumpArena.builder()
                .chunkBytes(1 << 20)
                .maxChunkBytes(1 << 20)
                .temporalSafety(false)
                .build();
        BumpArena segments =
                BumpArena.builder().chunkBytes(1 << 20).maxChunkBytes(1 << 20).build();
        BumpArena shared = BumpArena.builder()
                .shared(true)
                .chunkBytes(1 << 20)
                .maxChunkBytes(1 << 20)
                .temporalSafety(false)
                .build();
        MemorySegment slab = Arena.ofAuto().allocate(1 << 20, BumpArena.CHUNK_ALIGNMENT);
        long[] addresses = new long[BATCH];
        BumpArena[] resets = {
            BumpArena.builder().temporalSafety(false).build(),
            BumpArena.builder().build(),
            BumpArena.builder().shared(true).temporalSafety(false).build(),
            BumpArena.builder().shared(true).build()
        };
        String[] resetNames = {
            "allocate(64)+reset, confined, safety off",
            "allocate(64)+reset, confined, safety on",
            "allocate(64)+reset, shared, safety off",
            "allocate(64)+reset, shared, safety on"
        };
        List<Contender> cs = new ArrayList<>();
        cs.add(new Contender("bump handle", () -> bumpHandles(handles, size, align), BATCH, 1));
        cs.add(new Contender(
                "bump segment (temporal safety on)",
                () -> {
                    long x = 0;
                    for (int i = 0; i < BATCH; i++) {
                        x ^= segments.allocate(size, align).address();
                    }
                    segments.reset();
                    return x;
                },
                BATCH,
                1));
        cs.add(new Contender(
                "JDK slicingAllocator",
                () -> {
                    SegmentAllocator a = SegmentAllocator.slicingAllocator(slab);
                    long x = 0;
                    for (int i = 0; i < BATCH; i++) {
                        x ^= a.allocate(size, align).address();
                    }
                    return x;
                },
                BATCH,
                1));
        cs.add(new Contender(
                "malloc/aligned_alloc + free, critical long downcalls",
                () -> {
                    long x = 0;
                    for (int i = 0; i < BATCH; i++) {
                        addresses[i] =
                                align <= Libc.MALLOC_ALIGNMENT ? Libc.malloc(size) : Libc.alignedAlloc(align, size);
                        x ^= addresses[i];
                    }
                    for (int i = 0; i < BATCH; i++) {
                        Libc.free(addresses[i]);
                    }
                    return x;
                },
                BATCH,
                1));
        MemorySegment[] pointers = new MemorySegment[BATCH];
        cs.add(new Contender(
                "malloc + free, default ADDRESS downcalls",
                () -> {
                    long x = 0;
                    for (int i = 0; i < BATCH; i++) {
                        pointers[i] = align <= Libc.MALLOC_ALIGNMENT
                                ? Libc.mallocDefault(size)
                                : Libc.alignedAllocDefault(align, size);
                        x ^= pointers[i].address();
                    }
                    for (int i = 0; i < BATCH; i++) {
                        Libc.freeDefault(pointers[i]);
                    }
                    return x;
                },
                BATCH,
                1));
        cs.add(new Contender(
                "Arena.ofConfined() allocate+close",
                () -> {
                    long x = 0;
                    for (int i = 0; i < BATCH; i++) {
                        try (Arena a = Arena.ofConfined()) {
                            x ^= a.allocate(size, align).address();
                        }
                    }
                    return x;
                },
                BATCH,
                1));
        cs.add(new Contender(
                "new byte[size]",
                () -> {
                    long x = 0;
                    for (int i = 0; i < BATCH; i++) {
                        x ^= new byte[(int) size].length + i;
                    }
                    return x;
                },
                BATCH,
                1));
        cs.add(new Contender("shared bump handle (CAS, 1 thread)", () -> bumpHandles(shared, size, align), BATCH, 1));
        for (int k = 0; k < resets.length; k++) {
            BumpArena a = resets[k];
            cs.add(new Contender(
                    resetNames[k],
                    () -> {
                        long x = 0;
                        for (int i = 0; i < BATCH; i++) {
                            x ^= a.allocate(64, 8).address();
                            a.reset();
                        }
                        return x;
                    },
                    BATCH,
                    k == 3 ? 20 : 1));
        }
        List<Interleaved.Samples> best = Interleaved.run(cs, 300, 3000);
        System.out.printf(
                "%d-byte blocks aligned %d, ns per block (best of 3000 batches of %d):%n", size, align, BATCH);
        for (Interleaved.Samples k : best) {
            System.out.printf("  %-45s %10.2f%n", k.name(), k.min());
        }
    }

    /**
     * Two threads allocating 1M handles each from one shared arena at the same time (a CyclicBarrier starts
     * them), then a quiescent reset; best of 20 rounds, reported as wall time per allocation per thread.
     */
    private static void contended(long size, long align) {
        int perThread = 1_000_000;
        try (BumpArena arena =
                BumpArena.builder().shared(true).temporalSafety(false).build()) {
            long best = Long.MAX_VALUE;
            for (int round = 0; round < 20; round++) {
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                long[] sinks = new long[2];
                long[] starts = new long[2];
                long[] ends = new long[2];
                Thread[] threads = new Thread[2];
                for (int t = 0; t < 2; t++) {
                    int id = t;
                    threads[t] = new Thread(() -> {
                        try {
                            start.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        // each worker times itself: the main thread may be descheduled on a busy box
                        starts[id] = System.nanoTime();
                        long x = 0;
                        for (int i = 0; i < perThread; i++) {
                            x ^= arena.allocateOffset(size, align);
                        }
                        ends[id] = System.nanoTime();
                        sinks[id] = x;
                    });
                    threads[t].start();
                }
                try {
                    for (Thread th : threads) {
                        th.join();
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                best = Math.min(best, Math.max(ends[0], ends[1]) - Math.min(starts[0], starts[1]));
                sink += sinks[0] ^ sinks[1];
                arena.reset(); // both threads joined: quiescent
            }
            System.out.printf(
                    "  %-45s %10.2f%n", "shared bump handle, 2 threads contending", best / (double) perThread);
        }
    }

    private static long bumpHandles(BumpArena a, long size, long align) {
        long x = 0;
        for (int i = 0; i < BATCH; i++) {
            x ^= a.allocateOffset(size, align);
        }
        a.reset();
        return x;
    }

    private static void lists() {
        int n = ListTraversalBench.N;
        BumpArena arena = BumpArena.ofConfined();
        ArenaLinkedList arenaList = new ArenaLinkedList(arena);
        LinkedList<Long> linked = new LinkedList<>();
        ArrayList<Long> array = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            arenaList.addLast(i);
            linked.add(i);
            array.add(i);
        }
        System.gc();
        List<Contender> cs = List.of(
                new Contender("arena list", arenaList::sum, n, 1),
                new Contender(
                        "LinkedList<Long>",
                        () -> {
                            long s = 0;
                            for (Long v : linked) {
                                s += v;
                            }
                            return s;
                        },
                        n,
                        1),
                new Contender(
                        "ArrayList<Long>",
                        () -> {
                            long s = 0;
                            for (Long v : array) {
                                s += v;
                            }
                            return s;
                        },
                        n,
                        1));
        List<Interleaved.Samples> best = Interleaved.run(cs, 5, 60);
        System.out.printf("sum of a %d-element list, ns per element (best of 60):%n", n);
        for (Interleaved.Samples k : best) {
            System.out.printf("  %-45s %10.2f%n", k.name(), k.min());
        }
        arena.close();
    }
}
