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
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link BumpArena} variant keeps; one subclass per variant (JCTools' QueueSanityTest shape).
 */
abstract class BumpArenaContractTest {

    /** @return a builder for the variant under test (confinement, temporal safety) */
    abstract BumpArena.Builder variant();

    BumpArena small() {
        return variant().chunkBytes(256).maxChunkBytes(2048).build();
    }

    @Provide
    Arbitrary<List<Tuple2<Integer, Integer>>> requests() {
        Arbitrary<Integer> size = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(2049, 5000)); // bigger than maxChunkBytes: own chunk
        Arbitrary<Integer> alignLog = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(12, 13)); // 4096 (chunk's) and 8192 (own chunk)
        return Combinators.combine(size, alignLog)
                .as(Tuple::of)
                .list()
                .ofMinSize(1)
                .ofMaxSize(120);
    }

    private record Block(long address, long size) {}

    @Property(tries = 150)
    void everyBlockIsAlignedInsideItsChunkAndDisjoint(@ForAll("requests") List<Tuple2<Integer, Integer>> requests) {
        try (BumpArena arena = small()) {
            List<Block> blocks = new ArrayList<>();
            List<MemorySegment> segments = new ArrayList<>();
            long sum = 0;
            for (int i = 0; i < requests.size(); i++) {
                long size = requests.get(i).get1();
                long align = 1L << requests.get(i).get2();
                if (i % 2 == 0) {
                    MemorySegment s = arena.allocate(size, align);
                    assertThat(s.byteSize()).isEqualTo(size);
                    assertThat(s.address() % align)
                            .as("segment aligned to %d", align)
                            .isZero();
                    s.fill((byte) i);
                    blocks.add(new Block(s.address(), size));
                    segments.add(s);
                } else {
                    long h = arena.allocateOffset(size, align);
                    assertThat(h).isNotEqualTo(BumpArena.NULL_HANDLE);
                    assertThat(arena.address(h) % align)
                            .as("handle aligned to %d", align)
                            .isZero();
                    MemorySegment s = arena.segment(h, size); // throws if the block leaves its chunk
                    s.fill((byte) i);
                    blocks.add(new Block(arena.address(h), size));
                    segments.add(s);
                }
                sum += size;
            }
            List<Block> sorted = blocks.stream()
                    .filter(b -> b.size() > 0)
                    .sorted(Comparator.comparingLong(Block::address))
                    .toList();
            for (int i = 1; i < sorted.size(); i++) {
                assertThat(sorted.get(i).address())
                        .as("block %s overlaps %s", sorted.get(i), sorted.get(i - 1))
                        .isGreaterThanOrEqualTo(
                                sorted.get(i - 1).address() + sorted.get(i - 1).size());
            }
            for (int i = 0; i < segments.size(); i++) { // nothing written later overwrote an earlier block
                MemorySegment s = segments.get(i);
                for (long b = 0; b < s.byteSize(); b++) {
                    assertThat(s.get(ValueLayout.JAVA_BYTE, b)).isEqualTo((byte) i);
                }
            }
            BumpArena.Stats st = arena.stats();
            assertThat(st.bytesAllocated()).isEqualTo(sum);
            assertThat(st.bytesWasted()).isNotNegative();
            assertThat(st.highWaterMark()).isGreaterThanOrEqualTo(st.bytesInUse());
            assertThat(st.reservedBytes()).isGreaterThanOrEqualTo(st.bytesInUse());
        }
    }

    @Property(tries = 100)
    void statsCountAlignmentWaste(@ForAll("sizes") List<Integer> sizes) {
        try (BumpArena arena = variant().chunkBytes(1 << 20).build()) {
            long expectedWaste = 0;
            long top = 0;
            for (int size : sizes) {
                long aligned = (top + 7) & -8;
                expectedWaste += aligned - top;
                top = aligned + size;
                arena.allocateOffset(size, 8);
            }
            assertThat(arena.stats().bytesWasted()).isEqualTo(expectedWaste);
            assertThat(arena.stats().chunks()).isEqualTo(1);
        }
    }

    @Provide
    Arbitrary<List<Integer>> sizes() {
        return Arbitraries.integers().between(0, 100).list().ofMinSize(1).ofMaxSize(200);
    }

    @Test
    void resetKeepsChunksAndReusesThem() {
        try (BumpArena arena = small()) {
            for (int i = 0; i < 100; i++) {
                arena.allocate(64, 8);
            }
            BumpArena.Stats before = arena.stats();
            arena.reset();
            for (int i = 0; i < 100; i++) {
                arena.allocate(64, 8);
            }
            BumpArena.Stats after = arena.stats();
            assertThat(after.reservedBytes()).isEqualTo(before.reservedBytes());
            assertThat(after.chunks()).isEqualTo(before.chunks());
            assertThat(after.bytesAllocated()).isEqualTo(6400);
            assertThat(after.highWaterMark()).isEqualTo(before.bytesInUse());
        }
    }

    @Test
    void bigRequestGetsAnExactlySizedChunk() {
        try (BumpArena arena = variant().chunkBytes(1024).maxChunkBytes(4096).build()) {
            arena.allocate(10, 8);
            MemorySegment big = arena.allocate(100_000, 16);
            assertThat(big.byteSize()).isEqualTo(100_000);
            assertThat(arena.stats().reservedBytes()).isEqualTo(1024 + 100_000);
            assertThat(arena.stats().chunks()).isEqualTo(2);
        }
    }

    @Test
    void zeroSizeRequestsAreAlignedAndTakeNoRoom() {
        try (BumpArena arena = variant().build()) {
            MemorySegment a = arena.allocate(0, 64);
            MemorySegment b = arena.allocate(0, 64);
            assertThat(a.byteSize()).isZero();
            assertThat(a.address() % 64).isZero();
            assertThat(b.address()).isEqualTo(a.address());
            assertThat(arena.stats().bytesAllocated()).isZero();
        }
    }

    @Test
    void rejectsInvalidSizeAndAlignmentNamingTheValues() {
        try (BumpArena arena = variant().build()) {
            assertThatThrownBy(() -> arena.allocate(-1, 8))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("byteSize=-1");
            assertThatThrownBy(() -> arena.allocateOffset(8, 3))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("byteAlignment=3");
            assertThatThrownBy(() -> arena.allocateOffset(8, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("byteAlignment=0");
            assertThatThrownBy(() -> arena.allocate(8, 1L << 40))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("alignment " + (1L << 40));
            assertThatThrownBy(() -> arena.allocate(BumpArena.MAX_CHUNK_BYTES + 1, 8))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("exceeds");
        }
        assertThatThrownBy(() -> BumpArena.builder().chunkBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        BumpArena.builder().chunkBytes(4096).maxChunkBytes(1024).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4096");
        assertThatThrownBy(() -> BumpArena.builder().limitBytes(-5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exhaustionSaysWhatWasAskedAndWhatIsLeftAndLeavesTheArenaUsable() {
        try (BumpArena arena =
                variant().chunkBytes(512).maxChunkBytes(512).limitBytes(1000).build()) {
            arena.allocate(500, 1);
            arena.allocate(400, 1); // second chunk is limited to the 488 bytes left
            assertThat(arena.stats().reservedBytes()).isEqualTo(1000);
            assertThatThrownBy(() -> arena.allocate(100, 8))
                    .isInstanceOfSatisfying(ArenaExhaustedException.class, e -> {
                        assertThat(e.requestedBytes()).isEqualTo(100);
                        assertThat(e.requestedAlignment()).isEqualTo(8);
                        assertThat(e.remainingBytes()).isEqualTo(88);
                    })
                    .hasMessageContaining("asked for 100 bytes aligned to 8")
                    .hasMessageContaining("only 88 bytes are left under the 1000-byte limit");
            assertThat(arena.allocate(80, 8).byteSize()).isEqualTo(80); // still usable
            arena.reset();
            assertThat(arena.allocate(500, 8).byteSize()).isEqualTo(500);
        }
    }

    @Test
    void useAfterCloseThrowsForSegmentsAndHandles() {
        BumpArena arena = variant().build();
        MemorySegment s = arena.allocate(ValueLayout.JAVA_LONG);
        long h = arena.allocateOffset(8, 8);
        long reserved = arena.stats().reservedBytes();
        s.set(ValueLayout.JAVA_LONG, 0, 42);
        arena.putLong(h, 0, 43);
        arena.close();
        assertThatThrownBy(() -> s.get(ValueLayout.JAVA_LONG, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> arena.getLong(h, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> arena.allocate(8, 8)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> arena.allocateOffset(8, 8)).isInstanceOf(IllegalStateException.class);
        BumpArena.Stats afterClose = arena.stats(); // counters survive close
        assertThat(afterClose.bytesAllocated()).isEqualTo(16);
        assertThat(afterClose.highWaterMark()).isEqualTo(16);
        assertThat(afterClose.reservedBytes()).isEqualTo(reserved);
        arena.close(); // idempotent
    }

    @Test
    void handlesBecomeStaleAtReset() {
        try (BumpArena arena = variant().build()) {
            long h = arena.allocateOffset(16, 8);
            arena.putLong(h, 8, 7);
            assertThat(arena.getLong(h, 8)).isEqualTo(7);
            arena.reset();
            assertThatThrownBy(() -> arena.getLong(h, 8))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("stale handle");
            assertThatThrownBy(() -> arena.getLong(BumpArena.NULL_HANDLE, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void handleAccessOutsideItsChunkIsRejected() {
        try (BumpArena arena = variant().chunkBytes(256).build()) {
            long h = arena.allocateOffset(16, 8);
            assertThatThrownBy(() -> arena.getLong(h, 256)).isInstanceOf(IndexOutOfBoundsException.class);
            long foreign = h | (5L << 36);
            assertThatThrownBy(() -> arena.getLong(foreign, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("chunk 5");
        }
    }

    @Test
    void defaultHandleChecksStopAtTheChunkNotAtTheBlock() {
        // Documented: without exactHandleBounds the accessor's bound is the chunk, so a negative offset reads
        // the previous block of the same chunk, and an offset before the chunk start is rejected.
        try (BumpArena arena = variant().chunkBytes(256).build()) {
            long first = arena.allocateOffset(16, 8);
            long second = arena.allocateOffset(16, 8);
            arena.putLong(first, 0, 99);
            assertThat(arena.getLong(second, -16)).isEqualTo(99);
            assertThatThrownBy(() -> arena.getLong(first, -8)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void exactHandleBoundsCheckEveryAccessAgainstItsBlock() {
        try (BumpArena arena = variant().chunkBytes(256).exactHandleBounds(true).build()) {
            long first = arena.allocateOffset(16, 8);
            long second = arena.allocateOffset(16, 8);
            long wide = arena.allocateOffset(24, 64);
            long empty = arena.allocateOffset(0, 1);
            assertThat(BumpArena.chunkOffset(wide) % 64).isZero(); // the header keeps the alignment
            arena.putLong(first, 8, 1);
            arena.putLong(second, 0, 2);
            arena.putInt(wide, 20, 3);
            assertThat(arena.getLong(first, 8)).isEqualTo(1);
            assertThatThrownBy(() -> arena.getLong(second, -16))
                    .isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining("offset -16")
                    .hasMessageContaining("16-byte block");
            assertThatThrownBy(() -> arena.getLong(first, 9)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> arena.putLong(first, 16, 0)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> arena.getInt(wide, 21)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> arena.getByte(empty, 0)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThatThrownBy(() -> arena.segment(first, 17)).isInstanceOf(IndexOutOfBoundsException.class);
            assertThat(arena.segment(first, 16).byteSize()).isEqualTo(16);
            assertThat(arena.getLong(second, 0)).isEqualTo(2); // neighbours untouched
            assertThat(arena.getInt(wide, 20)).isEqualTo(3);
            BumpArena.Stats st = arena.stats();
            assertThat(st.bytesAllocated()).isEqualTo(16 + 16 + 24); // headers count as waste
            assertThat(st.bytesInUse()).isEqualTo(st.bytesAllocated() + st.bytesWasted());
            // a request larger than a chunk takes the slow path; its header comes along
            long big = arena.allocateOffset(1000, 8);
            arena.putLong(big, 992, 5);
            assertThatThrownBy(() -> arena.getLong(big, 993)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void alignmentPaddingCountsAgainstTheLimit() {
        try (BumpArena arena = variant().limitBytes(1 << 20).build()) {
            assertThatThrownBy(() -> arena.allocate(8, 16L << 30))
                    .isInstanceOf(ArenaExhaustedException.class)
                    .hasMessageContaining("alignment padding");
            assertThatThrownBy(() -> arena.allocateOffset(8, 1 << 20)).isInstanceOf(ArenaExhaustedException.class);
            assertThat(arena.stats().reservedBytes()).isZero();
            MemorySegment s = arena.allocate(8, 8192); // fits: one chunk plus 8191 bytes of padding
            assertThat(s.address() % 8192).isZero();
            assertThat(arena.stats().reservedBytes())
                    .isGreaterThanOrEqualTo(8 + 8191)
                    .isLessThanOrEqualTo(1 << 20);
            arena.allocate(100, 8); // still usable
        }
    }

    @Test
    void marksReleaseStackLike() {
        try (BumpArena arena = small()) {
            arena.allocate(100, 8);
            BumpArena.Mark outer = arena.mark();
            arena.allocate(1000, 8);
            BumpArena.Mark inner = arena.mark();
            arena.allocate(3000, 8);
            arena.rewind(inner);
            assertThat(arena.stats().bytesAllocated()).isEqualTo(1100);
            assertThatThrownBy(() -> arena.rewind(inner))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already released");
            arena.rewind(outer);
            assertThat(arena.stats().bytesAllocated()).isEqualTo(100);
            // released space is reused: the next block starts where the mark was
            long afterRewind = arena.address(arena.allocateOffset(8, 8));
            BumpArena.Mark m = arena.mark();
            long again = arena.address(arena.allocateOffset(8, 8));
            arena.rewind(m);
            assertThat(arena.address(arena.allocateOffset(8, 8))).isEqualTo(again);
            assertThat(afterRewind).isLessThan(again);
        }
        try (BumpArena a = variant().build();
                BumpArena b = variant().build()) {
            BumpArena.Mark m = a.mark();
            assertThatThrownBy(() -> b.rewind(m)).isInstanceOf(IllegalArgumentException.class);
            a.reset();
            assertThatThrownBy(() -> a.rewind(m)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void worksAsASegmentAllocatorForFfmApis() {
        try (BumpArena arena = variant().build()) {
            MemorySegment s = arena.allocateFrom("hello, arena");
            assertThat(s.getString(0)).isEqualTo("hello, arena");
            MemorySegment ints = arena.allocateFrom(ValueLayout.JAVA_INT, 1, 2, 3);
            assertThat(ints.toArray(ValueLayout.JAVA_INT)).containsExactly(1, 2, 3);
            assertThat(ints.address() % 4).isZero();
        }
    }
}
