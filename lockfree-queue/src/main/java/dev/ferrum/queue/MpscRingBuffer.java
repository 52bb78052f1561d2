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
 * A {@link RingBuffer} for many producers and one consumer: producers claim space with a CAS on
 * {@code tail}, then write and publish their record independently. The consumer stops at the first
 * claimed-but-unpublished record, so messages are read in claim order.
 *
 * <p><b>Thread contract:</b> any number of producer threads or processes call {@code write}; one consumer
 * calls {@code read}. A producer that stops between claim and publish (killed process) blocks the
 * consumer at its record; this ring has no recovery for that.
 */
public final class MpscRingBuffer extends RingBuffer {

    /**
     * Wraps a segment (zero-filled for a new ring, or one already in use by the other side).
     *
     * @param segment native or mapped, 8-byte aligned, {@link RingBuffer#bytesFor(int)} bytes
     * @throws IllegalArgumentException if the segment's size or alignment is wrong
     */
    public MpscRingBuffer(MemorySegment segment) {
        super(segment);
    }

    @Override
    public boolean write(int type, MemorySegment source, long sourceOffset, int length) {
        checkMessage(type, source, sourceOffset, length);
        int recordBytes = align(HEADER_BYTES + length);
        long tail;
        long offset;
        long padding;
        do {
            // Acquire pairs with the release below by whichever producer refreshed the cache, which itself
            // acquired head from the consumer: so the consumer's zeroing happens-before our writes, transitively.
            // A stale (lower) cached value is safe: it only sends us to the fresh acquire of head.
            long head = RingLayout.laLong(trailer, HEAD_CACHE_OFFSET);
            tail = RingLayout.lvLong(trailer, TAIL_OFFSET);
            offset = tail & (capacity - 1);
            long toEnd = capacity - offset;
            padding = recordBytes > toEnd ? toEnd : 0;
            long needed = padding + recordBytes;
            if (tail + needed - head > capacity) {
                // Acquire pairs with the consumer's release of head: the space below it is consumed and zeroed.
                head = RingLayout.laLong(trailer, HEAD_OFFSET);
                if (tail + needed - head > capacity) {
                    return false;
                }
                RingLayout.srLong(trailer, HEAD_CACHE_OFFSET, head); // release: see the acquire above
            }
        } while (!RingLayout.casLong(trailer, TAIL_OFFSET, tail, tail + padding + recordBytes));
        // The space [tail, tail + padding + recordBytes) is ours alone now.
        if (padding != 0) {
            writePadding(offset);
            offset = 0;
        }
        writeRecord(offset, type, source, sourceOffset, length);
        return true;
    }

    @Override
    public String toString() {
        return "MpscRingBuffer[capacity=" + capacity + ", used~" + size() + ", head="
                + RingLayout.laLong(trailer, HEAD_OFFSET) + "]";
    }
}
