/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ConfinedBumpArenaTest extends BumpArenaContractTest {

    @Override
    BumpArena.Builder variant() {
        return BumpArena.builder();
    }

    @Test
    void otherThreadsCannotUseAConfinedArena() throws Exception {
        try (BumpArena arena = BumpArena.ofConfined()) {
            assertThat(arena.isShared()).isFalse();
            var segment = arena.allocate(8, 8);
            CompletableFuture<Void> touch =
                    CompletableFuture.runAsync(() -> segment.get(java.lang.foreign.ValueLayout.JAVA_LONG, 0));
            assertThatThrownBy(touch::get)
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(WrongThreadException.class);
            CompletableFuture<Void> reset = CompletableFuture.runAsync(arena::reset);
            assertThatThrownBy(reset::get)
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(WrongThreadException.class);
        }
    }

    @Test
    void otherThreadsCannotAllocateFromAConfinedArenaEvenOnTheFastPath() throws Exception {
        try (BumpArena arena = BumpArena.ofConfined()) {
            arena.allocateOffset(8, 8); // a current chunk with room: the next request would take the fast path
            arena.allocate(8, 8);
            for (Runnable r : new Runnable[] {
                () -> arena.allocateOffset(8, 8), () -> arena.allocate(8, 8), () -> arena.allocateOffset(0, 1)
            }) {
                CompletableFuture<Void> f = CompletableFuture.runAsync(r);
                assertThatThrownBy(f::get)
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(WrongThreadException.class);
            }
            assertThat(arena.stats().bytesAllocated()).isEqualTo(16); // the refused requests took nothing
        }
    }
}
