/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import static dev.ferrum.queue.internal.RingLayout.ALIGNMENT;
import static dev.ferrum.queue.internal.RingLayout.GAP_TYPE;
import static dev.ferrum.queue.internal.RingLayout.HEADER_BYTES;
import static dev.ferrum.queue.internal.RingLayout.HEAD_CACHE_OFFSET;
import static dev.ferrum.queue.internal.RingLayout.HEAD_OFFSET;
import static dev.ferrum.queue.internal.RingLayout.TAIL_OFFSET;
import static dev.ferrum.queue.internal.RingLayout.align;

import dev.ferrum.queue.internal.RingLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/**
 * A {@link RingBuffer} for many producers and one consumer: producers claim space with a CAS on
 * {@code tail}, mark the claimed record with its negated length, then write and publish it independently.
 * The consumer stops at the first claimed-but-unpublished record, so messages are read in claim order.
 *
 * <p><b>Thread contract:</b> any number of producer threads or processes call {@code write}; one consumer
 * calls {@code read} and {@link #unblock()}.
 *
 * <p><b>A producer that dies between claim and publish</b> (a killed process) leaves a record the consumer
 * waits at forever, with every later message behind it. {@link #unblock()} (Agrona's
 * {@code ManyToOneRingBuffer.unblock}) turns such a record into a gap the consumer skips. The consumer
 * decides when: typically when {@code read} has returned 0 while {@link #size()} stayed non-zero and
 * {@link #consumedBytes()} did not move for a timeout far longer than any write takes (a write is a copy of
 * at most {@link #maxMessageBytes()} bytes), or when it knows the producer's process is gone. Unblocking a
 * producer that is merely slow loses its message and lets its late writes land in reused space.
 */
public final class MpscRingBuffer extends RingBuffer {

    /**
     * Wraps a segment (zero-filled for a new ring, or one already in use by the other side).
     *
     * @param segment native or mapped, 8-byte aligned, {@link RingBuffer#bytesFor(int)} bytes
     * @throws IllegalArgumentException if the segment's size or alignment is wrong, or its counters are inconsistent
     */
    public MpscRingBuffer(MemorySegment segment) {
        super(segment, true);
    }

    @Override
    public boolean write(int type, MemorySegment source, long sourceOffset, int length) {
        checkMessage(type, source, sourceOffset, length);
        long offset = claim(HEADER_BYTES + length);
        if (offset < 0) {
            return false;
        }
        writeRecord(offset, type, source, sourceOffset, length);
        return true;
    }

    /**
     * Claims space for one record and marks it claimed ({@code -recordLength} in its length field); the
     * caller writes the record and publishes it with the release store of its length.
     *
     * @param recordLength header + payload bytes (unaligned)
     * @return the record's offset in the data region, or -1 if the ring has no room now
     */
    long claim(int recordLength) {
        int recordBytes = align(recordLength);
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
                    return -1;
                }
                RingLayout.srLong(trailer, HEAD_CACHE_OFFSET, head); // release: see the acquire above
            }
        } while (!RingLayout.casLong(trailer, TAIL_OFFSET, tail, tail + padding + recordBytes));
        // The space [tail, tail + padding + recordBytes) is ours alone now.
        long recordOffset = padding != 0 ? 0 : offset;
        // Claim marker: tells unblock() the extent of this record should we die before publishing it. The
        // store-store fence keeps every later store of the record (type, payload) after the marker, so
        // unblock() never finds record bytes without the marker in front of them.
        RingLayout.soRecordLength(data, recordOffset, -recordLength);
        VarHandle.storeStoreFence();
        if (padding != 0) {
            writePadding(offset); // published at once: nothing else to write there
        }
        return recordOffset;
    }

    /**
     * Lets the consumer past a record whose producer claimed it and never published it (see the class
     * comment for when to call it). Call from the consumer thread, between {@code read} calls.
     *
     * <ul>
     *   <li>If the record at the consumer's position carries a claim marker, it becomes a gap of that length.</li>
     *   <li>If it has no marker yet (the producer died right after its CAS), and every byte up to the next
     *       published record (or to the end of the ring, if the claimed space runs past it) is still zero,
     *       that space becomes a gap.</li>
     * </ul>
     *
     * @return {@code true} if a gap was written (the next {@code read} goes past it), {@code false} if the
     *     consumer is not blocked by an unpublished record (or the space is not recognisably abandoned)
     */
    public boolean unblock() {
        long head = RingLayout.loLong(trailer, HEAD_OFFSET); // the consumer's own counter
        long tail = RingLayout.lvLong(trailer, TAIL_OFFSET);
        if (tail == head) {
            return false;
        }
        int headOffset = (int) (head & (capacity - 1));
        int length = RingLayout.laRecordLength(data, headOffset);
        if (length > 0) {
            return false; // published: read() will deliver it
        }
        if (length < 0) {
            writeGap(headOffset, -length);
            return true;
        }
        long claimedEnd = headOffset + Math.min(tail - head, (long) capacity - headOffset);
        for (long i = (long) headOffset + ALIGNMENT; i < claimedEnd; i += ALIGNMENT) {
            if (RingLayout.loLongAt(data, i) != 0) {
                // The first non-zero word after a zeroed stretch must be a published or claimed header.
                if (RingLayout.laRecordLength(data, i) != 0 && isZero(headOffset, i)) {
                    writeGap(headOffset, (int) (i - headOffset));
                    return true;
                }
                return false;
            }
        }
        if (claimedEnd == capacity && isZero(headOffset, capacity)) {
            writeGap(headOffset, capacity - headOffset); // the claim ran past the end: skip to the start
            return true;
        }
        return false;
    }

    private boolean isZero(long from, long to) {
        for (long i = from; i < to; i += ALIGNMENT) {
            if (RingLayout.loLongAt(data, i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Publishes a gap record over {@code [offset, offset + length)}: type first, then the length (release). */
    private void writeGap(long offset, int length) {
        RingLayout.spRecordType(data, offset, GAP_TYPE);
        RingLayout.srRecordLength(data, offset, length); // release: the type before the length, as for messages
    }

    @Override
    public String toString() {
        return "MpscRingBuffer[capacity=" + capacity + ", used~" + size() + ", head="
                + RingLayout.laLong(trailer, HEAD_OFFSET) + "]";
    }
}
