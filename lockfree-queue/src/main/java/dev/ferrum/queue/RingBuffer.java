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
import static dev.ferrum.queue.internal.RingLayout.PADDING_TYPE;
import static dev.ferrum.queue.internal.RingLayout.TAIL_OFFSET;
import static dev.ferrum.queue.internal.RingLayout.TRAILER_BYTES;
import static dev.ferrum.queue.internal.RingLayout.align;

import dev.ferrum.queue.internal.RingLayout;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * An off-heap ring buffer of variable-length binary messages in a {@link MemorySegment}: each message is
 * a record of an 8-byte header (int length, int type) and the payload, aligned to 8 bytes. A message that
 * would straddle the end of the ring is preceded by a padding record up to the end and written at the
 * start, so every payload is contiguous and handed to the reader in place. The design is Agrona's
 * {@code OneToOneRingBuffer}/{@code ManyToOneRingBuffer} (after Aeron's log buffers), over FFM.
 *
 * <p>Layout: {@link #bytesFor(int)} bytes; a power-of-two data region followed by a 512-byte trailer
 * holding the counters (see {@code RingLayout}). A zero-filled segment is an empty ring, so two processes
 * can map the same fresh file and use it in either start order; all state lives in the segment.
 *
 * <p><b>Thread contract:</b> one consumer (thread or process) calls {@link #read}; producers per variant:
 * {@link SpscRingBuffer} one, {@link MpscRingBuffer} any number (threads or processes). {@link #size()} may
 * be called by anyone.
 *
 * <p><b>Memory ordering:</b> a producer writes type and payload with plain stores and then the record's
 * length with a release store; the consumer's acquire load of the length pairs with it (length 0 means
 * "not yet published"). After handling a batch, the consumer zeroes the consumed bytes and release-stores
 * {@code head}; a producer's acquire load of {@code head} pairs with it before reusing the space. Across
 * processes the same instructions apply: the JMM edge becomes the hardware's ordering on shared pages
 * (see {@link MappedRingBuffer}, which maps a file with a validated header for that use).
 *
 * <p><b>Lifetime:</b> the segment must stay alive while the ring is used; closing its arena makes later
 * calls fail with {@link IllegalStateException} from FFM, never a crash. Neither variant allocates per message.
 */
public abstract sealed class RingBuffer permits SpscRingBuffer, MpscRingBuffer {

    /** Smallest data capacity accepted. */
    public static final int MIN_CAPACITY = 1024;

    final MemorySegment data;
    final MemorySegment trailer;
    final int capacity;
    final int maxMessageBytes;
    /** MPSC: a negative length marks a record claimed but not yet published (the consumer waits there). */
    final boolean claimMarkers;

    RingBuffer(MemorySegment segment, boolean claimMarkers) {
        Objects.requireNonNull(segment, "segment");
        long total = segment.byteSize();
        long dataBytes = total - TRAILER_BYTES;
        if (dataBytes < MIN_CAPACITY || dataBytes > (1 << 30) || Long.bitCount(dataBytes) != 1) {
            throw new IllegalArgumentException("ring buffer segment must be a power of two in [" + MIN_CAPACITY
                    + ", 2^30] plus " + TRAILER_BYTES + " trailer bytes, was " + total + " bytes");
        }
        if (!segment.isNative() || (segment.address() & 7) != 0) {
            throw new IllegalArgumentException(
                    "ring buffer segment must be native (or mapped) and 8-byte aligned," + " was " + segment);
        }
        if (segment.isReadOnly()) {
            throw new IllegalArgumentException("ring buffer segment is read-only");
        }
        this.capacity = (int) dataBytes;
        this.data = segment.asSlice(0, dataBytes);
        this.trailer = segment.asSlice(dataBytes, TRAILER_BYTES);
        this.maxMessageBytes = capacity / 8;
        this.claimMarkers = claimMarkers;
        String problem = counterProblem(trailer, capacity);
        if (problem != null) {
            throw new IllegalArgumentException("ring buffer segment holds inconsistent counters: " + problem);
        }
    }

    /**
     * Checks the trailer's counters of a ring that may be in use by other threads or processes: every value
     * a correct producer and consumer can leave has {@code headCache <= head <= tail <= head + capacity}, all
     * multiples of 8. A file whose counters break this would deadlock ({@code tail - head > capacity}: no
     * producer ever finds room), skip messages ({@code head > tail}) or redeliver one forever (an unaligned
     * head). Counters only grow, so reading headCache, head, tail and then head again gives values for which
     * the inequalities hold even while the ring is in use.
     *
     * @return what is wrong, with the counters' offsets in the trailer, or {@code null} if nothing is
     */
    static String counterProblem(MemorySegment trailer, int capacity) {
        long headCache = RingLayout.laLong(trailer, HEAD_CACHE_OFFSET);
        long head = RingLayout.laLong(trailer, HEAD_OFFSET);
        long tail = RingLayout.laLong(trailer, TAIL_OFFSET);
        long headAgain = RingLayout.laLong(trailer, HEAD_OFFSET);
        String where = " (trailer offsets: tail +" + TAIL_OFFSET + ", head cache +" + HEAD_CACHE_OFFSET + ", head +"
                + HEAD_OFFSET + ")";
        if (head < 0 || tail < 0 || headCache < 0) {
            return "negative counter: head " + head + ", tail " + tail + ", head cache " + headCache + where;
        }
        if ((head & (ALIGNMENT - 1)) != 0 || (tail & (ALIGNMENT - 1)) != 0 || (headCache & (ALIGNMENT - 1)) != 0) {
            return "counters must be multiples of " + ALIGNMENT + ": head " + head + ", tail " + tail + ", head cache "
                    + headCache + where;
        }
        if (head > tail) {
            return "head " + head + " is past tail " + tail + where;
        }
        if (tail - headAgain > capacity) {
            return "tail " + tail + " - head " + headAgain + " = " + (tail - headAgain) + " exceeds the capacity "
                    + capacity + where;
        }
        if (headCache > head) {
            return "head cache " + headCache + " is past head " + head + where;
        }
        return null;
    }

    /**
     * Bytes of segment needed for a ring with {@code capacity} bytes of records.
     *
     * @param capacity a power of two, at least {@value #MIN_CAPACITY}
     * @return {@code capacity} plus the trailer
     * @throws IllegalArgumentException if {@code capacity} is not a power of two in range
     */
    public static long bytesFor(int capacity) {
        if (capacity < MIN_CAPACITY || Integer.bitCount(capacity) != 1 || capacity > (1 << 30)) {
            throw new IllegalArgumentException(
                    "capacity must be a power of two in [" + MIN_CAPACITY + ", 2^30], was " + capacity);
        }
        return (long) capacity + TRAILER_BYTES;
    }

    /**
     * Writes one message, copying {@code length} bytes of {@code source} from {@code sourceOffset}.
     * Producer-side; allocation-free.
     *
     * @param type         message type, at least 1
     * @param source       the bytes (any segment: heap or native)
     * @param sourceOffset where they start
     * @param length       how many, in {@code [0, maxMessageBytes()]}
     * @return {@code true} if written, {@code false} if the ring has no room now (retry later)
     * @throws IllegalArgumentException  if {@code type} or {@code length} is out of range
     * @throws IndexOutOfBoundsException if the source range lies outside {@code source}
     */
    public abstract boolean write(int type, MemorySegment source, long sourceOffset, int length);

    /**
     * Writes a whole segment as one message; see {@link #write(int, MemorySegment, long, int)}.
     *
     * @param type    message type, at least 1
     * @param message the bytes
     * @return {@code true} if written, {@code false} if the ring has no room now
     * @throws IllegalArgumentException if the message is longer than {@link #maxMessageBytes()} or the type below 1
     */
    public final boolean write(int type, MemorySegment message) {
        Objects.requireNonNull(message, "message");
        long size = message.byteSize();
        if (size > maxMessageBytes) {
            throw new IllegalArgumentException("message of " + size + " bytes exceeds the maximum of " + maxMessageBytes
                    + " for a ring of " + capacity + " bytes");
        }
        return write(type, message, 0, (int) size);
    }

    final void checkMessage(int type, MemorySegment source, long sourceOffset, int length) {
        if (type < 1) {
            throw new IllegalArgumentException("message type must be >= 1, was " + type);
        }
        if (length < 0 || length > maxMessageBytes) {
            throw new IllegalArgumentException("message length must be in [0, " + maxMessageBytes + "], was " + length);
        }
        Objects.requireNonNull(source, "source");
        Objects.checkFromIndexSize(sourceOffset, length, source.byteSize());
    }

    /** Writes the record's type and payload (plain) and then publishes its length (release). */
    final void writeRecord(long recordOffset, int type, MemorySegment source, long sourceOffset, int length) {
        RingLayout.spRecordType(data, recordOffset, type);
        MemorySegment.copy(source, sourceOffset, data, recordOffset + HEADER_BYTES, length);
        RingLayout.srRecordLength(data, recordOffset, HEADER_BYTES + length); // StoreStore: payload before length
    }

    /** Publishes a padding record that fills {@code [recordOffset, capacity)}. */
    final void writePadding(long recordOffset) {
        RingLayout.spRecordType(data, recordOffset, PADDING_TYPE);
        RingLayout.srRecordLength(data, recordOffset, (int) (capacity - recordOffset));
    }

    /**
     * Reads up to {@code limit} messages, oldest first, calling {@code handler} for each in place.
     * Consumer-side; allocation-free. Messages are consumed (their space zeroed and released to producers)
     * in batches: at most two per call, one up to the end of the ring and one from its start, so a padding
     * record at the end never makes a call return 0 while a message is waiting. If the handler throws, the
     * messages up to and including the one it threw on are consumed and the exception propagates.
     *
     * @param handler receives each message
     * @param limit   maximum messages, at least 1
     * @return how many messages were handed to {@code handler}; 0 if none was published
     * @throws CorruptRingRecordException   if a header is invalid (nothing at or after it is consumed)
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    public final int read(MessageHandler handler, int limit) {
        Objects.requireNonNull(handler, "handler");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        long head = RingLayout.loLong(trailer, HEAD_OFFSET); // only the consumer writes head: no ordering needed
        int messages = readContiguous(head, handler, limit);
        long newHead = RingLayout.loLong(trailer, HEAD_OFFSET);
        if (messages < limit && newHead != head && (newHead & (capacity - 1)) == 0) {
            // The first batch ended exactly at the end of the ring (often on a padding record): go on from 0.
            messages += readContiguous(newHead, handler, limit - messages);
        }
        return messages;
    }

    /** Reads from {@code head} up to the end of the ring at most, then releases the consumed bytes. */
    private int readContiguous(long head, MessageHandler handler, int limit) {
        final MemorySegment data = this.data;
        long start = head & (capacity - 1);
        long contiguous = capacity - start;
        long consumed = 0;
        int messages = 0;
        try {
            while (consumed < contiguous && messages < limit) {
                long recordOffset = start + consumed;
                // Acquire pairs with the producer's release of this length: type and payload are visible.
                int length = RingLayout.laRecordLength(data, recordOffset);
                if (length == 0 || (length < 0 && claimMarkers)) {
                    break; // not yet published (MPSC: claimed, being written; see MpscRingBuffer.unblock)
                }
                int type = RingLayout.lpRecordType(data, recordOffset);
                validate(recordOffset, length, type);
                consumed += align(length);
                if (type != PADDING_TYPE && type != GAP_TYPE) {
                    messages++;
                    handler.onMessage(type, data, recordOffset + HEADER_BYTES, length - HEADER_BYTES);
                }
            }
        } finally {
            if (consumed > 0) {
                RingLayout.zero(data, start, consumed);
                // Release: our reads and the zeroing happen-before a producer's acquire of head reuses the bytes.
                RingLayout.srLong(trailer, HEAD_OFFSET, head + consumed);
            }
        }
        return messages;
    }

    /**
     * Reads every message available now; see {@link #read(MessageHandler, int)}.
     *
     * @param handler receives each message
     * @return how many messages were handed to {@code handler}
     */
    public final int read(MessageHandler handler) {
        return read(handler, Integer.MAX_VALUE);
    }

    private void validate(long recordOffset, int length, int type) {
        long room = capacity - recordOffset;
        if (length < HEADER_BYTES || align(length) > room) {
            throw new CorruptRingRecordException(
                    recordOffset,
                    "record at offset " + recordOffset + " declares length " + length + ", must be in [" + HEADER_BYTES
                            + ", " + room + "] (ring of " + capacity + " bytes)");
        }
        if (type == PADDING_TYPE) {
            if (align(length) != room) {
                throw new CorruptRingRecordException(
                        recordOffset,
                        "padding record at offset " + recordOffset + " declares length " + length + " but " + room
                                + " bytes remain to the end of the ring");
            }
        } else if (type == GAP_TYPE) {
            return; // written by MpscRingBuffer.unblock over space a dead producer claimed; length checked above
        } else if (type < 1) {
            throw new CorruptRingRecordException(
                    recordOffset,
                    "record at offset " + recordOffset + " has invalid type " + type + " (message types are >= 1)");
        } else if (length - HEADER_BYTES > maxMessageBytes) {
            throw new CorruptRingRecordException(
                    recordOffset,
                    "record at offset " + recordOffset + " declares " + (length - HEADER_BYTES)
                            + " payload bytes, maximum is " + maxMessageBytes);
        }
    }

    /** Bytes of records the data region holds. @return the capacity */
    public final int capacity() {
        return capacity;
    }

    /** Largest payload a message may have: capacity / 8. @return the maximum */
    public final int maxMessageBytes() {
        return maxMessageBytes;
    }

    /**
     * Bytes currently claimed and not yet consumed (records, headers and padding): approximate under
     * concurrent use, for monitoring.
     *
     * @return bytes in use, in {@code [0, capacity()]}
     */
    public final long size() {
        long after = RingLayout.laLong(trailer, HEAD_OFFSET);
        while (true) {
            long before = after;
            long tail = RingLayout.laLong(trailer, TAIL_OFFSET);
            after = RingLayout.laLong(trailer, HEAD_OFFSET);
            if (before == after) {
                return Math.max(0, Math.min(capacity, tail - after));
            }
        }
    }

    /** Bytes the consumer has ever consumed (the head counter). @return the count */
    public final long consumedBytes() {
        return RingLayout.laLong(trailer, HEAD_OFFSET);
    }

    /** Bytes producers have ever claimed (the tail counter). @return the count */
    public final long producedBytes() {
        return RingLayout.laLong(trailer, TAIL_OFFSET);
    }
}
