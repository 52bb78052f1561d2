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
import org.junit.jupiter.api.Test;

/**
 * Ownership, {@code Drop} and lifetimes (seed Project 3, the arena allocator). Rust frees an arena when its
 * owner goes out of scope and refuses, at compile time, any reference that outlives it. Java frees the
 * arena at the end of a try-with-resources block and refuses, at run time, any access through a segment
 * whose scope has ended.
 */
class OwnershipAndLifetimesTest {

    @Test
    void closingTheArenaIsDropAndResetFreesAFrameAtOnce() {
        // tag::ownership-drop[]
        MemorySegment escaped;
        try (BumpArena arena = BumpArena.ofConfined()) { // Rust: let bump = Bump::new();
            for (int frame = 0; frame < 3; frame++) {
                MemorySegment name = arena.allocateFrom("frame " + frame); // bump-allocated C string
                long node = arena.allocateOffset(16, 8); // a handle: no Java object
                arena.putLong(node, 0, frame);
                assertThat(name.getString(0)).isEqualTo("frame " + frame);
                arena.reset(); // frees the whole frame at once; keeps the 64 KiB chunk for the next
            }
            assertThat(arena.stats().chunks()).isEqualTo(1); // one chunk, reused by every frame
            assertThat(arena.stats().bytesAllocated()).isZero();
            escaped = arena.allocateFrom("still here?");
        } // close() is Drop: every chunk is freed at once; no destructor runs per object
        // Rust rejects `escaped` at compile time ("does not live long enough"); FFM rejects the access.
        assertThatThrownBy(() -> escaped.getString(0)).isInstanceOf(IllegalStateException.class);
        // end::ownership-drop[]
    }

    @Test
    void aSegmentFromBeforeResetThrowsInsteadOfReadingNewData() {
        // tag::lifetime-after-reset[]
        try (BumpArena arena = BumpArena.ofConfined()) {
            MemorySegment header = arena.allocate(ValueLayout.JAVA_LONG); // Rust: let header: &mut u64
            header.set(ValueLayout.JAVA_LONG, 0, 0xCAFEL);
            long handle = arena.allocateOffset(8, 8); // the zero-garbage path

            // Rust: `bump.reset()` takes `&mut self`, so it does not compile while `header` is alive.
            // Java compiles it; the arena ends the generation, and the old views fail on first use.
            arena.reset();
            MemorySegment reused = arena.allocate(ValueLayout.JAVA_LONG); // the same bytes again
            reused.set(ValueLayout.JAVA_LONG, 0, 7L);
            assertThat(reused.address()).isEqualTo(header.address());

            assertThatThrownBy(() -> header.get(ValueLayout.JAVA_LONG, 0))
                    .isInstanceOf(IllegalStateException.class); // not a silent read of 7
            assertThatThrownBy(() -> arena.getLong(handle, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("stale handle"); // generation tag mismatch
        }
        // end::lifetime-after-reset[]
    }

    @Test
    void withoutTemporalSafetyAStaleSegmentAliasesNewData() {
        // The opt-out the arena offers for hot reset loops: what the borrow checker would have rejected now
        // silently reads the newer allocation. Shown so the cost of the check above is a visible choice.
        try (BumpArena arena = BumpArena.builder().temporalSafety(false).build()) {
            MemorySegment stale = arena.allocate(ValueLayout.JAVA_LONG);
            arena.reset();
            arena.allocate(ValueLayout.JAVA_LONG).set(ValueLayout.JAVA_LONG, 0, 7L);
            assertThat(stale.get(ValueLayout.JAVA_LONG, 0)).isEqualTo(7L);
        }
    }
}
