/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import org.junit.jupiter.api.Test;

/** repr(C) layouts and the "records in the arena read via VarHandles" example. */
class ReprCTest {

    /** {@code struct particle { uint8_t kind; double x; double y; int32_t id; }} as a C compiler lays it out. */
    static final StructLayout PARTICLE = ReprC.struct(
            ValueLayout.JAVA_BYTE.withName("kind"),
            ValueLayout.JAVA_DOUBLE.withName("x"),
            ValueLayout.JAVA_DOUBLE.withName("y"),
            ValueLayout.JAVA_INT.withName("id"));

    // Each handle takes (segment, base offset); the struct offset is folded in from the layout path.
    static final VarHandle KIND = PARTICLE.varHandle(PathElement.groupElement("kind"));
    static final VarHandle X = PARTICLE.varHandle(PathElement.groupElement("x"));
    static final VarHandle Y = PARTICLE.varHandle(PathElement.groupElement("y"));
    static final VarHandle ID = PARTICLE.varHandle(PathElement.groupElement("id"));

    @Test
    void insertsCPaddingBetweenAndAfterMembers() {
        assertThat(PARTICLE.byteSize()).isEqualTo(32);
        assertThat(PARTICLE.byteAlignment()).isEqualTo(8);
        assertThat(PARTICLE.byteOffset(PathElement.groupElement("kind"))).isZero();
        assertThat(PARTICLE.byteOffset(PathElement.groupElement("x"))).isEqualTo(8);
        assertThat(PARTICLE.byteOffset(PathElement.groupElement("y"))).isEqualTo(16);
        assertThat(PARTICLE.byteOffset(PathElement.groupElement("id"))).isEqualTo(24);

        StructLayout packedTail = ReprC.struct(ValueLayout.JAVA_INT, ValueLayout.JAVA_SHORT, ValueLayout.JAVA_BYTE);
        assertThat(packedTail.byteSize()).isEqualTo(8); // 4 + 2 + 1, padded to a multiple of 4
        StructLayout noPadding = ReprC.struct(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG);
        assertThat(noPadding.memberLayouts()).hasSize(2);
        assertThatThrownBy(ReprC::struct).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordsLaidOutInTheArenaReadBackThroughVarHandles() {
        SequenceLayout particles = MemoryLayout.sequenceLayout(1000, PARTICLE);
        try (BumpArena arena = BumpArena.ofConfined()) {
            arena.allocate(3, 1); // knock the bump pointer off alignment
            MemorySegment all = arena.allocate(particles);
            assertThat(all.address() % 8).isZero();
            for (int i = 0; i < 1000; i++) {
                long base = i * PARTICLE.byteSize();
                KIND.set(all, base, (byte) (i % 3));
                X.set(all, base, i * 0.5);
                Y.set(all, base, -i * 0.25);
                ID.set(all, base, i);
            }
            double sumX = 0;
            long sumId = 0;
            for (int i = 0; i < 1000; i++) {
                long base = i * PARTICLE.byteSize();
                sumX += (double) X.get(all, base);
                sumId += (int) ID.get(all, base);
                assertThat((byte) KIND.get(all, base)).isEqualTo((byte) (i % 3));
                assertThat((double) Y.get(all, base)).isEqualTo(-i * 0.25);
            }
            assertThat(sumX).isEqualTo(0.5 * 999 * 1000 / 2);
            assertThat(sumId).isEqualTo(999L * 1000 / 2);
            assertThat(arena.stats().bytesWasted()).isEqualTo(5); // 3 -> 8 for the 8-aligned array

            // one record through the zero-garbage handle path
            long h = arena.allocateOffset(PARTICLE);
            arena.putDouble(h, PARTICLE.byteOffset(PathElement.groupElement("x")), 4.5);
            assertThat((double) X.get(arena.segment(h, PARTICLE.byteSize()), 0L))
                    .isEqualTo(4.5);
        }
    }
}
