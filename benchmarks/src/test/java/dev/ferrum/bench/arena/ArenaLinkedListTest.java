/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrum.arena.BumpArena;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Model-based (seeded random operations): the arena list behaves like {@link LinkedList} for the operations it offers. */
class ArenaLinkedListTest {

    @Test
    void behavesLikeJavaLinkedList() {
        Random random = new Random(42);
        for (int trial = 0; trial < 100; trial++) {
            behavesLikeJavaLinkedList(random, random.nextInt(trial < 10 ? 3 : 200));
        }
    }

    private static void behavesLikeJavaLinkedList(Random random, int n) {
        try (BumpArena arena = BumpArena.builder().chunkBytes(256).build()) {
            ArenaLinkedList list = new ArenaLinkedList(arena);
            LinkedList<Long> model = new LinkedList<>();
            for (int i = 0; i < n; i++) {
                long value = random.nextLong();
                if (random.nextBoolean()) {
                    list.addFirst(value);
                    model.addFirst(value);
                } else {
                    list.addLast(value);
                    model.addLast(value);
                }
            }
            List<Long> seen = new ArrayList<>();
            list.forEach(seen::add);
            assertThat(seen).isEqualTo(model);
            assertThat(list.size()).isEqualTo(model.size());
            assertThat(list.sum())
                    .isEqualTo(model.stream().mapToLong(Long::longValue).sum());
            if (!model.isEmpty()) {
                assertThat(list.getFirst()).isEqualTo(model.getFirst());
            }
        }
    }

    @Test
    void appendedNodesAreContiguous() {
        try (BumpArena arena = BumpArena.ofConfined()) {
            ArenaLinkedList list = new ArenaLinkedList(arena);
            for (int i = 0; i < 1000; i++) {
                list.addLast(i);
            }
            assertThat(arena.stats().bytesAllocated()).isEqualTo(1000 * ArenaLinkedList.NODE.byteSize());
            assertThat(arena.stats().bytesWasted()).isZero();
            assertThat(list.sum()).isEqualTo(999L * 1000 / 2);
        }
    }

    @Test
    void aListDiesWithItsGeneration() {
        try (BumpArena arena = BumpArena.ofConfined()) {
            ArenaLinkedList list = new ArenaLinkedList(arena);
            assertThatThrownBy(list::getFirst).isInstanceOf(NoSuchElementException.class);
            list.addLast(1);
            arena.reset();
            assertThatThrownBy(list::sum).isInstanceOf(IllegalStateException.class);
        }
    }
}
