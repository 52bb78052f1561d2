/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import static dev.ferrum.queue.internal.RingLayout.HEADER_BYTES;
import static dev.ferrum.queue.internal.RingLayout.HEAD_CACHE_OFFSET;
import static dev.ferrum.queue.internal.RingLayout.HEAD_OFFSET;
import static dev.ferrum.queue.internal.RingLayout.TAIL_OFFSET;
import static dev.ferrum.queue.internal.RingLayout.align;

import dev.ferrum.queue.internal.RingLayout;
import java.lang.foreign.MemorySegment;

/**
 * A {@link RingBuffer} for one producer and one consumer (threads in one JVM or two processes over a
 * mapped file). The producer claims space without a CAS: it alone writes {@code tail}.
 *
 * <p><b>Thread contract:</b> one producer thread calls {@code write}, one consumer thread calls {@code read},
 * at a time. Two producers corrupt the ring (use {@link MpscRingBuffer}).
 */
public final class SpscRingBuffer extends RingBuffer {

    /**
     * Wraps a segment (zero-filled for a new ring, or one already in use by the other side).
     *
     * @param segment native or mapped, 8-byte aligned, {@link RingBuffer#bytesFor(int)} bytes
     * @throws IllegalArgumentException if the segment's size or alignment is wrong, or its counters are inconsistent
     */
    public SpscRingBuffer(MemorySegment segment) {
        super(segment, false);
    }

    @Override
    public boolean write(int type, MemorySegment source, long sourceOffset, int length) {
        checkMessage(type, source, sourceOffset, length);
        int recordBytes = align(HEADER_BYTES + length);
        long tail = RingLayout.loLong(trailer, TAIL_OFFSET); // only this producer writes tail
        long offset = tail & (capacity - 1);
        long toEnd = capacity - offset;
        long padding = recordBytes > toEnd ? toEnd : 0; // would straddle the end: pad it, start over at 0
        long needed = padding + recordBytes;
        long head = RingLayout.loLong(trailer, HEAD_CACHE_OFFSET); // our own cache of head: no ordering needed
        if (tail + needed - head > capacity) {
            // Acquire pairs with the consumer's release of head: it is done with (and has zeroed) the space.
            head = RingLayout.laLong(trailer, HEAD_OFFSET);
            RingLayout.soLong(trailer, HEAD_CACHE_OFFSET, head);
            if (tail + needed - head > capacity) {
                return false;
            }
        }
        if (padding != 0) {
            writePadding(offset);
            offset = 0;
        }
        writeRecord(offset, type, source, sourceOffset, length);
        // Release: for size() and a restarted producer only; the consumer synchronizes on record lengths.
        RingLayout.srLong(trailer, TAIL_OFFSET, tail + needed);
        return true;
    }

    @Override
    public String toString() {
        return "SpscRingBuffer[capacity=" + capacity + ", used~" + size() + ", head="
                + RingLayout.laLong(trailer, HEAD_OFFSET) + "]";
    }
}
