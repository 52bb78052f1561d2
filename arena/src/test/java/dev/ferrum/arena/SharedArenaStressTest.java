/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Threads racing on the shared arena's CAS and on installing new chunks get disjoint blocks. The build runs
 * this class three times: default JIT, {@code -Xint} and C1 only ({@code -XX:TieredStopAtLevel=1}), because
 * each compiler reorders differently. Bounded by default; {@code -Dferrum.long=true} runs 10x more.
 */
class SharedArenaStressTest {

    private static final boolean LONG = Boolean.getBoolean("ferrum.long");
    private static final boolean INTERPRETED =
            System.getProperty("java.vm.info", "").contains("interpreted");

    @Test
    void concurrentAllocatorsUnderContentionGetDisjointBlocks() throws Exception {
        int threads = 4;
        int perThread = (LONG ? 200_000 : 20_000) / (INTERPRETED ? 4 : 1);
        int rounds = LONG ? 20 : 3;
        for (int round = 0; round < rounds; round++) {
            // small chunks: threads race on the CAS and on installing new chunks
            try (BumpArena arena = BumpArena.builder()
                            .shared(true)
                            .chunkBytes(512)
                            .maxChunkBytes(8192)
                            .build();
                    ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<long[]>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    byte tag = (byte) (t + 1);
                    results.add(pool.submit(() -> allocateAndTag(arena, start, perThread, tag)));
                }
                long[][] all = new long[threads][];
                long totalBytes = 0;
                for (int t = 0; t < threads; t++) {
                    all[t] = results.get(t).get();
                    for (int i = 1; i < all[t].length; i += 2) {
                        totalBytes += all[t][i];
                    }
                }
                // every block still holds its writer's tag: nobody else wrote into it
                for (int t = 0; t < threads; t++) {
                    for (int i = 0; i < all[t].length; i += 2) {
                        assertThat(blockHolds(all[t][i], all[t][i + 1], (byte) (t + 1)))
                                .as("block at 0x%x still holds thread %d's bytes", all[t][i], t)
                                .isTrue();
                    }
                }
                assertDisjoint(all);
                assertThat(arena.stats().bytesAllocated()).isEqualTo(totalBytes);
            }
        }
    }

    private static long[] allocateAndTag(BumpArena arena, CyclicBarrier start, int count, byte tag) throws Exception {
        long[] blocks = new long[count * 2];
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        start.await();
        for (int i = 0; i < count; i++) {
            long size = 1 + rnd.nextInt(64);
            long align = 1L << rnd.nextInt(7);
            MemorySegment s =
                    (i & 1) == 0 ? arena.allocate(size, align) : arena.segment(arena.allocateOffset(size, align), size);
            if (s.address() % align != 0 || s.byteSize() != size) {
                throw new AssertionError("block " + s + " is not " + size + " bytes aligned to " + align);
            }
            s.fill(tag);
            blocks[2 * i] = s.address();
            blocks[2 * i + 1] = size;
        }
        return blocks;
    }

    @SuppressWarnings("restricted") // test-only view of a block this test allocated; the arena is still open
    private static boolean blockHolds(long address, long size, byte tag) {
        MemorySegment block = MemorySegment.ofAddress(address).reinterpret(size);
        for (long b = 0; b < size; b++) {
            if (block.get(ValueLayout.JAVA_BYTE, b) != tag) {
                return false;
            }
        }
        return true;
    }

    private static void assertDisjoint(long[][] all) {
        int n = 0;
        for (long[] a : all) {
            n += a.length / 2;
        }
        long[][] blocks = new long[n][];
        int k = 0;
        for (long[] a : all) {
            for (int i = 0; i < a.length; i += 2) {
                blocks[k++] = new long[] {a[i], a[i + 1]};
            }
        }
        Arrays.sort(blocks, (x, y) -> Long.compare(x[0], y[0]));
        for (int i = 1; i < n; i++) {
            if (blocks[i][0] < blocks[i - 1][0] + blocks[i - 1][1]) {
                throw new AssertionError("block at 0x" + Long.toHexString(blocks[i][0]) + " overlaps the block at 0x"
                        + Long.toHexString(blocks[i - 1][0]) + " (" + blocks[i - 1][1] + " bytes)");
            }
        }
    }
}
