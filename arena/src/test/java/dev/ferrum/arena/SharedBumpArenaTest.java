/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The contract for the shared variant, plus cross-thread access. Contention: {@link SharedArenaStressTest}. */
class SharedBumpArenaTest extends BumpArenaContractTest {

    @Override
    BumpArena.Builder variant() {
        return BumpArena.builder().shared(true);
    }

    @Test
    void segmentsAreAccessibleFromAnyThread() throws Exception {
        try (BumpArena arena = BumpArena.ofShared();
                ExecutorService pool = Executors.newSingleThreadExecutor()) {
            assertThat(arena.isShared()).isTrue();
            MemorySegment s = arena.allocate(ValueLayout.JAVA_LONG);
            long h = arena.allocateOffset(8, 8);
            pool.submit(() -> {
                        s.set(ValueLayout.JAVA_LONG, 0, 11);
                        arena.putLong(h, 0, 12);
                        arena.allocate(100, 8);
                    })
                    .get();
            assertThat(s.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(11);
            assertThat(arena.getLong(h, 0)).isEqualTo(12);
        }
    }
}
