/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrum.queue.MessageHandler;
import dev.ferrum.queue.RingBuffer;
import dev.ferrum.queue.SpscRingBuffer;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Variable-length messages in off-heap memory (seed Project 6's ring buffer, the Aeron/Agrona design). In
 * Rust the handler would receive {@code &[u8]} borrowed from the ring for the duration of the call; here it
 * receives the ring's segment with an offset and a length, valid only during the call: no copy, no object
 * per message.
 */
class RingBufferTest {

    @Test
    void writeAndReadVariableLengthMessagesInPlace() {
        // tag::ring-buffer[]
        try (Arena arena = Arena.ofConfined()) {
            // Zeroed native memory is an empty ring (a mapped file works too: then two processes share it).
            RingBuffer ring = new SpscRingBuffer(arena.allocate(RingBuffer.bytesFor(4096), 8));
            MemorySegment message = arena.allocate(100);
            for (int length = 10; length <= 100; length += 10) { // ten messages of 10..100 bytes
                message.fill((byte) length);
                assertThat(ring.write(7, message, 0, length)).isTrue(); // copied into the ring
            }

            long[] totals = new long[2]; // {messages, payload bytes}
            int handled = ring.read((type, buffer, offset, length) -> {
                // the payload is buffer[offset, offset + length): the ring itself, valid during this call
                assertThat(type).isEqualTo(7);
                assertThat(buffer.get(ValueLayout.JAVA_BYTE, offset + length - 1))
                        .isEqualTo((byte) length);
                totals[0]++;
                totals[1] += length;
            });
            assertThat(handled).isEqualTo(10);
            assertThat(totals[1]).isEqualTo(550);
            assertThat(ring.size()).isZero(); // consumed, zeroed, reusable
        }
        // end::ring-buffer[]
    }

    /** Counts messages and bytes; one instance for the whole run, so reading allocates nothing. */
    static final class Totals implements MessageHandler {
        long messages;
        long bytes;

        @Override
        public void onMessage(int type, MemorySegment buffer, long offset, int length) {
            messages++;
            bytes += length;
        }
    }

    @Test
    void manyLapsAroundTheRingAllocateNothingPerMessage() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Arena arena = Arena.ofConfined()) {
            RingBuffer ring = new SpscRingBuffer(arena.allocate(RingBuffer.bytesFor(4096), 8));
            MemorySegment message = arena.allocate(512);
            Totals totals = new Totals();
            int count = 200_000;
            long expectedBytes = 0;
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < count; i++) {
                int length = i % 500; // 0..499 bytes: records straddle the end, padding
                expectedBytes += length;
                while (!ring.write(1 + i % 3, message, 0, length)) {
                    ring.read(totals); // full: drain, then retry
                }
            }
            ring.read(totals);
            ring.read(totals); // the part after a wrap-around
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(totals.messages).isEqualTo(count);
            assertThat(totals.bytes).isEqualTo(expectedBytes);
            assertThat(allocated).as("bytes allocated for %d messages", count).isLessThan(count / 10);
        }
    }
}
