/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrum.queue.internal.RingLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Single-threaded behaviour of {@link RingBuffer}, run against both variants. */
class RingBufferTest {

    private final Arena arena = Arena.ofConfined();

    @AfterEach
    void close() {
        arena.close();
    }

    static Stream<Arguments> kinds() {
        Function<MemorySegment, RingBuffer> spsc = SpscRingBuffer::new;
        Function<MemorySegment, RingBuffer> mpsc = MpscRingBuffer::new;
        return Stream.of(Arguments.of("SPSC", spsc), Arguments.of("MPSC", mpsc));
    }

    private RingBuffer ring(Function<MemorySegment, RingBuffer> kind, int capacity) {
        return kind.apply(arena.allocate(RingBuffer.bytesFor(capacity), 64));
    }

    /** A handler that verifies each message and records (type, producer, seq). */
    private static final class Recorder implements MessageHandler {
        final int maxBytes;
        final List<long[]> seen = new ArrayList<>();

        Recorder(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public void onMessage(int type, MemorySegment buffer, long offset, int length) {
            assertThat(offset % 8).as("payload 8-byte aligned").isZero();
            String problem = TestMessages.verify(buffer, offset, length, maxBytes);
            assertThat(problem).as("message intact").isNull();
            seen.add(new long[] {type, TestMessages.producer(buffer, offset), TestMessages.seq(buffer, offset)});
        }
    }

    private boolean write(RingBuffer ring, MemorySegment scratch, int seq, int maxBytes) {
        int len = TestMessages.length(0, seq, maxBytes);
        TestMessages.write(scratch, 0, seq, len);
        return ring.write(1 + seq % 5, scratch, 0, len);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void messagesOfEveryLengthRoundTripInOrderAcrossManyLaps(String name, Function<MemorySegment, RingBuffer> kind) {
        RingBuffer ring = ring(kind, 1024);
        assertThat(ring.maxMessageBytes()).isEqualTo(128);
        MemorySegment scratch = arena.allocate(ring.maxMessageBytes());
        Recorder recorder = new Recorder(ring.maxMessageBytes());
        int written = 0;
        boolean sawPadding = false;
        while (written < 5_000) { // ~ 350 KB through a 1 KB ring: hundreds of laps
            while (write(ring, scratch, written, ring.maxMessageBytes())) {
                written++;
            }
            ring.read(recorder);
            assertThat(recorder.seen).hasSize(written); // everything written was read in this one call
            sawPadding |= ring.producedBytes() != ring.consumedBytes() || ring.producedBytes() % ring.capacity() != 0;
        }
        for (int i = 0; i < written; i++) {
            assertThat(recorder.seen.get(i)).containsExactly(1 + i % 5, 0, i);
        }
        assertThat(ring.size()).isZero();
        assertThat(sawPadding).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void recordStraddlingTheEndIsPaddedAndWrittenAtTheStart(String name, Function<MemorySegment, RingBuffer> kind) {
        RingBuffer ring = ring(kind, 1024);
        MemorySegment msg = arena.allocate(100);
        msg.fill((byte) 7);
        for (int i = 0; i < 9; i++) { // 9 records of 108 -> 112 bytes: tail at 1008, 16 bytes before the end
            assertThat(ring.write(3, msg)).isTrue();
        }
        assertThat(ring.read((t, b, o, l) -> {}, 9)).isEqualTo(9);
        assertThat(ring.write(3, msg)).isTrue(); // does not fit in 16 bytes: padding 16 + record at 0
        assertThat(ring.producedBytes()).isEqualTo(9 * 112 + 16 + 112);
        List<Long> offsets = new ArrayList<>();
        assertThat(ring.read((t, b, o, l) -> {
                    offsets.add(o);
                    assertThat(l).isEqualTo(100);
                    assertThat(b.asSlice(o, l).toArray(ValueLayout.JAVA_BYTE)).containsOnly((byte) 7);
                }))
                .as("one call reads past the padding")
                .isEqualTo(1);
        assertThat(offsets).containsExactly(8L); // header at 0, payload at 8: contiguous, not split
        assertThat(ring.consumedBytes()).isEqualTo(ring.producedBytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void maximumSizeMessagesFitAndOneByteMoreIsRejected(String name, Function<MemorySegment, RingBuffer> kind) {
        RingBuffer ring = ring(kind, 64 * 1024);
        int max = ring.maxMessageBytes();
        assertThat(max).isEqualTo(8192);
        MemorySegment big = arena.allocate(max + 1);
        for (int round = 0; round < 100; round++) { // 800 KB of maximum-size messages through 64 KB
            TestMessages.write(big, 0, round, max);
            assertThat(ring.write(2, big, 0, max)).isTrue();
            int[] got = {0};
            ring.read((t, b, o, l) -> {
                assertThat(l).isEqualTo(max);
                assertThat(TestMessages.seq(b, o)).isEqualTo(got[0] == 0 ? TestMessages.seq(big, 0) : -1);
                got[0]++;
            });
            assertThat(got[0]).isEqualTo(1);
        }
        assertThatThrownBy(() -> ring.write(2, big))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8193 bytes exceeds the maximum of 8192");
        assertThatThrownBy(() -> ring.write(2, big, 0, max + 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 8192], was 8193");
        assertThat(ring.write(2, big, 0, 0)).as("empty message").isTrue();
        assertThat(ring.read((t, b, o, l) -> assertThat(l).isZero())).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void fullRingRefusesUntilTheConsumerReads(String name, Function<MemorySegment, RingBuffer> kind) {
        RingBuffer ring = ring(kind, 1024);
        MemorySegment msg = arena.allocate(120); // 128-byte records: exactly 8 fit
        for (int i = 0; i < 8; i++) {
            assertThat(ring.write(1, msg)).isTrue();
        }
        assertThat(ring.write(1, msg)).isFalse();
        assertThat(ring.size()).isEqualTo(1024);
        assertThat(ring.read((t, b, o, l) -> {}, 3)).as("limit respected").isEqualTo(3);
        assertThat(ring.write(1, msg)).isTrue();
        assertThat(ring.read((t, b, o, l) -> {})).isEqualTo(6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void handlerThatThrowsConsumesUpToItsMessage(String name, Function<MemorySegment, RingBuffer> kind) {
        RingBuffer ring = ring(kind, 1024);
        MemorySegment msg = arena.allocate(8);
        for (int type = 1; type <= 3; type++) {
            ring.write(type, msg);
        }
        assertThatThrownBy(() -> ring.read((t, b, o, l) -> {
                    if (t == 2) {
                        throw new IllegalStateException("handler failed");
                    }
                }))
                .hasMessage("handler failed");
        List<Integer> types = new ArrayList<>();
        ring.read((t, b, o, l) -> types.add(t));
        assertThat(types).containsExactly(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void corruptHeadersAreRejectedWithTheirOffset(String name, Function<MemorySegment, RingBuffer> kind) {
        MemorySegment segment = arena.allocate(RingBuffer.bytesFor(1024), 64);
        RingBuffer ring = kind.apply(segment);
        MemorySegment msg = arena.allocate(20);
        ring.write(1, msg); // record at 0, 28 -> 32 bytes
        ring.write(1, msg); // record at 32
        assertThat(ring.read((t, b, o, l) -> {}, 1)).isEqualTo(1);
        long consumed = ring.consumedBytes();
        int[][] corruptions = {{3, 1}, {2000, 1}, {28, 0}, {28, -7}, {8 + 200, 1}};
        for (int[] c : corruptions) {
            segment.set(ValueLayout.JAVA_INT, 32, c[0]);
            segment.set(ValueLayout.JAVA_INT, 36, c[1]);
            assertThatThrownBy(() -> ring.read((t, b, o, l) -> {}))
                    .isInstanceOfSatisfying(
                            CorruptRingRecordException.class,
                            e -> assertThat(e.offset()).isEqualTo(32))
                    .hasMessageContaining("offset 32");
            assertThat(ring.consumedBytes())
                    .as("nothing consumed at or after the bad record")
                    .isEqualTo(consumed);
        }
        // A padding record that does not reach the end of the ring.
        segment.set(ValueLayout.JAVA_INT, 32, 16);
        segment.set(ValueLayout.JAVA_INT, 36, RingLayout.PADDING_TYPE);
        assertThatThrownBy(() -> ring.read((t, b, o, l) -> {}))
                .isInstanceOf(CorruptRingRecordException.class)
                .hasMessageContaining("padding record at offset 32");
        // Restored, the ring reads on.
        segment.set(ValueLayout.JAVA_INT, 32, 28);
        segment.set(ValueLayout.JAVA_INT, 36, 1);
        assertThat(ring.read((t, b, o, l) -> {})).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void countersFarFromZeroWork(String name, Function<MemorySegment, RingBuffer> kind) {
        MemorySegment segment = arena.allocate(RingBuffer.bytesFor(1024), 64);
        long start = (1L << 40) + 1000; // 8-aligned, 1000 bytes into the ring, as if 2^40 bytes had passed
        segment.set(ValueLayout.JAVA_LONG, 1024 + RingLayout.TAIL_OFFSET, start);
        segment.set(ValueLayout.JAVA_LONG, 1024 + RingLayout.HEAD_CACHE_OFFSET, start);
        segment.set(ValueLayout.JAVA_LONG, 1024 + RingLayout.HEAD_OFFSET, start);
        RingBuffer ring = kind.apply(segment);
        MemorySegment scratch = arena.allocate(ring.maxMessageBytes());
        Recorder recorder = new Recorder(ring.maxMessageBytes());
        for (int seq = 0; seq < 2_000; seq++) {
            assertThat(write(ring, scratch, seq, ring.maxMessageBytes())).isTrue();
            if (seq % 3 == 2) {
                ring.read(recorder);
            }
        }
        ring.read(recorder);
        assertThat(recorder.seen).hasSize(2_000);
        assertThat(ring.consumedBytes()).isGreaterThan(start).isEqualTo(ring.producedBytes());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void badArgumentsAreRejectedClearly(String name, Function<MemorySegment, RingBuffer> kind) {
        RingBuffer ring = ring(kind, 1024);
        MemorySegment msg = arena.allocate(16);
        assertThatThrownBy(() -> ring.write(0, msg))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("type must be >= 1");
        assertThatThrownBy(() -> ring.write(1, msg, 8, 16)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ring.write(1, msg, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ring.write(1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ring.read((t, b, o, l) -> {}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ring.read(null)).isInstanceOf(NullPointerException.class);
        assertThat(ring.write(1, MemorySegment.ofArray(new byte[] {1, 2, 3})))
                .as("heap source is fine")
                .isTrue();
        assertThat(ring.toString()).contains(name.equals("SPSC") ? "SpscRingBuffer" : "MpscRingBuffer");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void unsuitableSegmentsAreRejected(String name, Function<MemorySegment, RingBuffer> kind) {
        assertThatThrownBy(() -> kind.apply(arena.allocate(1000 + 512, 8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("power of two");
        assertThatThrownBy(() -> kind.apply(MemorySegment.ofArray(new byte[(int) RingBuffer.bytesFor(1024)])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("native");
        MemorySegment misaligned =
                arena.allocate(RingBuffer.bytesFor(1024) + 4, 8).asSlice(4, RingBuffer.bytesFor(1024));
        assertThatThrownBy(() -> kind.apply(misaligned))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aligned");
        MemorySegment readOnly = arena.allocate(RingBuffer.bytesFor(1024), 8).asReadOnly();
        assertThatThrownBy(() -> kind.apply(readOnly))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> kind.apply(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void bytesForChecksTheCapacity() {
        assertThat(RingBuffer.bytesFor(1024)).isEqualTo(1024 + 512);
        for (int bad : new int[] {0, 512, 1000, 1025, -1024}) {
            assertThatThrownBy(() -> RingBuffer.bytesFor(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("was " + bad);
        }
    }

    @Test
    void closedArenaMakesCallsFailInsteadOfCrashing() {
        Arena shortLived = Arena.ofConfined();
        RingBuffer ring = new SpscRingBuffer(shortLived.allocate(RingBuffer.bytesFor(1024), 64));
        shortLived.close();
        assertThatThrownBy(() -> ring.write(1, MemorySegment.ofArray(new byte[4])))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ring.read((t, b, o, l) -> {})).isInstanceOf(IllegalStateException.class);
    }
}
