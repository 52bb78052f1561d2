/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Segments outlive neither their generation nor their mark: use-after-reset/rewind throws, never aliases. */
class TemporalSafetyTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void segmentUsedAfterResetThrowsInsteadOfAliasing(boolean shared) {
        try (BumpArena arena = BumpArena.builder().shared(shared).build()) {
            MemorySegment old = arena.allocate(ValueLayout.JAVA_LONG);
            old.set(ValueLayout.JAVA_LONG, 0, 1);
            arena.reset();
            MemorySegment fresh = arena.allocate(ValueLayout.JAVA_LONG);
            assertThat(fresh.address()).isEqualTo(old.address()); // the same bytes are reused...
            fresh.set(ValueLayout.JAVA_LONG, 0, 2);
            assertThatThrownBy(() -> old.get(ValueLayout.JAVA_LONG, 0)) // ...but the old view is dead
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> old.set(ValueLayout.JAVA_LONG, 0, 3)).isInstanceOf(IllegalStateException.class);
            assertThat(fresh.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void rewindKillsOnlySegmentsAllocatedAfterTheMark(boolean shared) {
        try (BumpArena arena =
                BumpArena.builder().shared(shared).chunkBytes(128).build()) {
            MemorySegment before = arena.allocate(64, 8);
            BumpArena.Mark mark = arena.mark();
            MemorySegment sameChunk = arena.allocate(32, 8);
            MemorySegment nextChunk = arena.allocate(200, 8);
            arena.rewind(mark);
            assertThatThrownBy(() -> sameChunk.get(ValueLayout.JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> nextChunk.get(ValueLayout.JAVA_BYTE, 0)).isInstanceOf(IllegalStateException.class);
            before.set(ValueLayout.JAVA_BYTE, 0, (byte) 5);
            assertThat(before.get(ValueLayout.JAVA_BYTE, 0)).isEqualTo((byte) 5);
            MemorySegment after = arena.allocate(32, 8);
            after.set(ValueLayout.JAVA_BYTE, 0, (byte) 6); // the post-rewind scope is alive
            assertThat(after.address()).isEqualTo(sameChunk.address());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void segmentOfAHandleDiesAtReset(boolean shared) {
        try (BumpArena arena = BumpArena.builder().shared(shared).build()) {
            long h = arena.allocateOffset(16, 8);
            MemorySegment s = arena.segment(h, 16);
            s.set(ValueLayout.JAVA_INT, 0, 9);
            assertThat(arena.getInt(h, 0)).isEqualTo(9);
            arena.reset();
            assertThatThrownBy(() -> s.get(ValueLayout.JAVA_INT, 0)).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void withoutTemporalSafetyAStaleSegmentAliasesNewData(boolean shared) {
        // The documented price of temporalSafety(false): what Rust's borrow checker would reject compiles here.
        try (BumpArena arena =
                BumpArena.builder().shared(shared).temporalSafety(false).build()) {
            MemorySegment old = arena.allocate(ValueLayout.JAVA_LONG);
            arena.reset();
            MemorySegment fresh = arena.allocate(ValueLayout.JAVA_LONG);
            fresh.set(ValueLayout.JAVA_LONG, 0, 77);
            assertThat(old.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(77);
        }
    }
}
