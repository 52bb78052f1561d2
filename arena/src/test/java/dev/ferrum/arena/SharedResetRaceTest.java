/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Misuse that must not alias memory: a shared arena reset while other threads allocate. Every handle the
 * allocators got is recorded; two handles of the same generation and chunk must never overlap (a block claimed
 * before a reset must carry the old generation, so it is stale, not a live twin of a new block). Bounded: at
 * most {@value #RESETS} resets (below the 4096 wrap of the handle's generation tag) and about two seconds.
 */
class SharedResetRaceTest {

    private static final boolean LONG = Boolean.getBoolean("ferrum.long");
    private static final int RESETS = 4000;
    private static final int PER_THREAD = LONG ? 8_000_000 : 1_500_000;
    private static final long BLOCK = 16;

    @Test
    void resetWhileAllocatingNeverHandsOutOverlappingLiveBlocks() throws Exception {
        int rounds = LONG ? 10 : 1;
        for (int round = 0; round < rounds; round++) {
            for (boolean safety : new boolean[] {true, false}) {
                assertThat(overlapsInOneRun(safety))
                        .as("overlapping live blocks, round " + round + ", temporal safety " + safety)
                        .isEqualTo(0);
            }
        }
    }

    private static long overlapsInOneRun(boolean temporalSafety) throws Exception {
        BumpArena arena = BumpArena.builder()
                .shared(true)
                .temporalSafety(temporalSafety)
                .chunkBytes(4096)
                .maxChunkBytes(4096)
                .limitBytes(1 << 20)
                .build();
        int threads = 2;
        long[][] handles = new long[threads][PER_THREAD];
        int[] counts = new int[threads];
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long deadline = System.nanoTime() + 1_000_000_000L;
        List<Thread> allocators = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int me = t;
            allocators.add(Thread.ofPlatform().start(() -> {
                long[] mine = handles[me];
                int n = 0;
                try {
                    while (n < mine.length && !stop.get()) {
                        try {
                            mine[n++] = arena.allocateOffset(BLOCK, 8);
                        } catch (ArenaExhaustedException e) {
                            n--;
                            Thread.yield(); // wait for the next reset
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    counts[me] = n;
                }
            }));
        }
        Thread resetter = Thread.ofPlatform().start(() -> {
            try {
                for (int r = 0; r < RESETS && !stop.get() && System.nanoTime() < deadline; r++) {
                    arena.reset();
                    for (int spin = (r * 7919) % 200; spin > 0; spin--) {
                        Thread.onSpinWait();
                    }
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        });
        resetter.join();
        stop.set(true);
        for (Thread t : allocators) {
            t.join();
        }
        arena.close();
        assertThat(failure.get()).isNull();

        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(handles[t], 0, all, k, counts[t]);
            k += counts[t];
        }
        // Sorting groups handles by [generation][chunk] (the high bits), then by offset within the chunk.
        Arrays.sort(all);
        long overlaps = 0;
        for (int i = 1; i < all.length; i++) {
            boolean sameChunk = BumpArena.chunkBitsOf(all[i]) == BumpArena.chunkBitsOf(all[i - 1]);
            if (sameChunk && BumpArena.offsetOf(all[i]) - BumpArena.offsetOf(all[i - 1]) < BLOCK) {
                overlaps++;
            }
        }
        System.out.println("SharedResetRaceTest: temporalSafety=" + temporalSafety + ", " + total + " allocations, "
                + overlaps + " overlapping pairs");
        return overlaps;
    }
}
