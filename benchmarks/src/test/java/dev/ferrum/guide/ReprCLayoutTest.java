/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrum.arena.BumpArena;
import dev.ferrum.arena.ReprC;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import org.junit.jupiter.api.Test;

/**
 * {@code #[repr(C)]} and {@code #[repr(align(N))]} (seed Projects 3 and 4). Rust computes a C struct's
 * padding from the declaration; FFM's {@code MemoryLayout.structLayout} only accepts members that are
 * already aligned, so {@link ReprC#struct} inserts the padding the way a C compiler does, and
 * {@code VarHandle}s derived from the layout read and write the fields at the computed offsets.
 */
class ReprCLayoutTest {

    @Test
    void aReprCStructLaidOutInTheArena() {
        // tag::repr-c[]
        // Rust: #[repr(C)] struct Particle { kind: u8, x: f64, id: i32 }
        StructLayout particle = ReprC.struct(
                ValueLayout.JAVA_BYTE.withName("kind"), // offset 0, then 7 bytes of padding
                ValueLayout.JAVA_DOUBLE.withName("x"), // offset 8
                ValueLayout.JAVA_INT.withName("id")); // offset 16, then 4 bytes of trailing padding
        assertThat(particle.byteSize()).isEqualTo(24); // size_of
        assertThat(particle.byteAlignment()).isEqualTo(8); // align_of
        assertThat(particle.byteOffset(PathElement.groupElement("id"))).isEqualTo(16); // offset_of!

        VarHandle x = particle.varHandle(PathElement.groupElement("x")); // (segment, base offset)
        VarHandle id = particle.varHandle(PathElement.groupElement("id"));
        try (BumpArena arena = BumpArena.ofConfined()) {
            MemorySegment particles = arena.allocate(particle, 3); // [Particle; 3], 8-aligned
            for (int i = 0; i < 3; i++) {
                long base = i * particle.byteSize();
                x.set(particles, base, i * 1.5);
                id.set(particles, base, 100 + i);
            }
            assertThat((double) x.get(particles, 2 * particle.byteSize())).isEqualTo(3.0);
            assertThat((int) id.get(particles, 1 * particle.byteSize())).isEqualTo(101);
        }
        // end::repr-c[]
    }

    @Test
    void reprAlignPadsAStructToACacheLine() {
        // tag::repr-align[]
        // Rust: #[repr(C, align(64))] struct PaddedCounter { value: u64 }  -- one per cache line
        StructLayout padded =
                ReprC.struct(ValueLayout.JAVA_LONG.withByteAlignment(64).withName("value"));
        assertThat(padded.byteSize()).isEqualTo(64); // 8 bytes of data, 56 of trailing padding
        assertThat(padded.byteAlignment()).isEqualTo(64);

        try (BumpArena arena = BumpArena.ofConfined()) {
            arena.allocate(3, 1); // knock the bump pointer off alignment
            MemorySegment counters = arena.allocate(padded, 2); // two counters, never on one cache line
            assertThat(counters.address() % 64).isZero();
            assertThat(counters.asSlice(64).address() - counters.address()).isEqualTo(64);
        }
        // end::repr-align[]
    }
}
