/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Model-based: random interleavings of allocate / mark / rewind / reset against a stack of live blocks.
 * After every step the live blocks are disjoint and intact, the stats count exactly them, and every block
 * released by a rewind or reset is dead (its segment throws) — across chunk switches and oversize chunks.
 */
class MarkRewindPropertyTest {

    private record Block(MemorySegment segment, byte tag, int depth) {}

    @Provide
    Arbitrary<List<Integer>> ops() {
        // 0..69: allocate (size from the value), 70..84: mark, 85..97: rewind, 98..99: reset
        return Arbitraries.integers().between(0, 99).list().ofMinSize(1).ofMaxSize(150);
    }

    @Property(tries = 120)
    void rewindReleasesExactlyWhatWasAllocatedAfterTheMark(@ForAll("ops") List<Integer> ops, @ForAll boolean shared) {
        try (BumpArena arena = BumpArena.builder()
                .shared(shared)
                .chunkBytes(128)
                .maxChunkBytes(512)
                .build()) {
            List<Block> live = new ArrayList<>();
            List<Block> dead = new ArrayList<>();
            List<BumpArena.Mark> marks = new ArrayList<>();
            byte nextTag = 1;
            for (int op : ops) {
                if (op < 70) {
                    long size = op < 60 ? op : 600 + op; // some requests exceed maxChunkBytes
                    long align = 1L << (op % 7);
                    MemorySegment s = arena.allocate(size, align);
                    assertThat(s.address() % align).isZero();
                    s.fill(nextTag);
                    live.add(new Block(s, nextTag, marks.size()));
                    nextTag = (byte) (nextTag == 127 ? 1 : nextTag + 1);
                } else if (op < 85) {
                    marks.add(arena.mark());
                } else if (op < 98) {
                    if (marks.isEmpty()) {
                        continue;
                    }
                    int k = (op - 85) % marks.size(); // rewind to the k-th active mark
                    arena.rewind(marks.get(k));
                    BumpArena.Mark released = marks.get(k);
                    marks.subList(k, marks.size()).clear();
                    for (int i = live.size() - 1; i >= 0; i--) {
                        if (live.get(i).depth() > k) {
                            dead.add(live.remove(i));
                        }
                    }
                    assertThatThrownBy(() -> arena.rewind(released)).isInstanceOf(IllegalStateException.class);
                } else {
                    arena.reset();
                    dead.addAll(live);
                    live.clear();
                    marks.clear();
                }
                check(arena, live, dead);
            }
        }
    }

    private static void check(BumpArena arena, List<Block> live, List<Block> dead) {
        long sum = 0;
        for (Block b : live) {
            sum += b.segment().byteSize();
            for (long i = 0; i < b.segment().byteSize(); i++) {
                if (b.segment().get(ValueLayout.JAVA_BYTE, i) != b.tag()) {
                    throw new AssertionError("live block " + b.segment() + " was overwritten at byte " + i);
                }
            }
        }
        List<MemorySegment> sorted = live.stream()
                .map(Block::segment)
                .filter(s -> s.byteSize() > 0)
                .sorted(Comparator.comparingLong(MemorySegment::address))
                .toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i).address())
                    .isGreaterThanOrEqualTo(
                            sorted.get(i - 1).address() + sorted.get(i - 1).byteSize());
        }
        assertThat(arena.stats().bytesAllocated()).isEqualTo(sum);
        for (Block b : dead) {
            if (b.segment().byteSize() > 0) {
                assertThatThrownBy(() -> b.segment().get(ValueLayout.JAVA_BYTE, 0))
                        .isInstanceOf(IllegalStateException.class);
            }
        }
    }
}
