/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrum.arena.BumpArena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Send}/{@code Sync} (seed Projects 3 and 6). Rust decides at compile time which values may cross
 * threads; FFM decides per arena when it is created: a confined arena's memory is usable by its owner thread
 * only (every access checks it), a shared arena's by any thread.
 */
@Timeout(30)
class SendSyncTest {

    @Test
    void aConfinedArenaRefusesOtherThreadsASharedOneServesThem() throws Exception {
        // tag::send-sync[]
        // Rust's Bump is Send but !Sync; a confined arena is !Sync and even !Send: its owner never changes.
        try (BumpArena confined = BumpArena.ofConfined();
                BumpArena shared = BumpArena.ofShared(); // Rust: Sync (here: a lock-free bump CAS)
                ExecutorService pool = Executors.newFixedThreadPool(2)) {
            MemorySegment mine = confined.allocate(ValueLayout.JAVA_LONG);
            // Rust refuses to compile a spawn that captures a !Sync borrow; FFM refuses the access.
            Future<?> touch = pool.submit(() -> mine.set(ValueLayout.JAVA_LONG, 0, 1L));
            assertThatThrownBy(touch::get)
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(WrongThreadException.class);

            Callable<MemorySegment> fill = () -> { // runs on two threads at once
                MemorySegment block = shared.allocate(ValueLayout.JAVA_LONG, 1_000);
                block.fill((byte) 1);
                return block;
            };
            Future<MemorySegment> a = pool.submit(fill);
            Future<MemorySegment> b = pool.submit(fill);
            // Future.get() is the happens-before edge: the other thread's writes are visible here.
            assertThat(a.get().get(ValueLayout.JAVA_LONG, 8 * 999)).isEqualTo(0x0101010101010101L);
            assertThat(b.get().address()).isNotEqualTo(a.get().address()); // disjoint blocks
        }
        // end::send-sync[]
    }
}
