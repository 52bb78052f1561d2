/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.arena;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** The seed's thinking exercise, answered by the arena itself. */
class TraceTheBumpTest {

    @Test
    void u32ThenU8ThenU64InsertsThreeBytesOfPadding() {
        try (BumpArena arena = BumpArena.builder().chunkBytes(100).build()) {
            long u32 = arena.allocateOffset(ValueLayout.JAVA_INT); // offset 0..4
            long u8 = arena.allocateOffset(ValueLayout.JAVA_BYTE); // offset 4..5
            long u64 = arena.allocateOffset(ValueLayout.JAVA_LONG); // 5 -> aligned up to 8: 3 bytes padding
            assertThat(arena.address(u8) - arena.address(u32)).isEqualTo(4);
            assertThat(arena.address(u64) - arena.address(u8)).isEqualTo(4);
            BumpArena.Stats stats = arena.stats();
            assertThat(stats.bytesWasted()).isEqualTo(3);
            assertThat(stats.bytesAllocated()).isEqualTo(13);
            assertThat(stats.bytesInUse()).isEqualTo(16);
        }
    }
}
