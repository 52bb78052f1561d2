/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The ring buffer's byte layout and every raw access to it, in one place.
 *
 * <pre>
 * [0, capacity)                 records, each 8-byte aligned:
 *                                 +0 int  length  (header + payload bytes, unaligned; 0 = not yet published;
 *                                                  MPSC only: -length = claimed by a producer, not yet published)
 *                                 +4 int  type    (&gt;= 1 for messages, {@link #PADDING_TYPE} for the filler before the
 *                                                  end, {@link #GAP_TYPE} for space skipped by unblock())
 *                                 +8      payload
 * capacity + TAIL_OFFSET        long tail: bytes ever claimed by producers
 * capacity + HEAD_CACHE_OFFSET  long producers' cached copy of head
 * capacity + HEAD_OFFSET        long head: bytes ever consumed
 * </pre>
 * Each trailer long has a 128-byte line pair to itself (false sharing between the producer and the
 * consumer process is as real as between threads). A fresh, zero-filled segment is an empty ring, so a
 * new file can be mapped by either side first.
 *
 * <p>Atomic accesses go through {@link ValueLayout} var handles, which require naturally aligned
 * addresses: the segment is checked to be 8-byte aligned at construction and every offset used here
 * is a multiple of 8 (records) or a fixed multiple of 128 past the power-of-two capacity (trailer).
 */
public final class RingLayout {

    /** Bytes of a record header: int length + int type. */
    public static final int HEADER_BYTES = 8;
    /** Record alignment: keeps every header 8-aligned, so its int length can be read atomically. */
    public static final int ALIGNMENT = 8;
    /** Type of the filler record that pads the rest of the ring when a message would straddle its end. */
    public static final int PADDING_TYPE = -1;
    /** Type of a record written by {@code MpscRingBuffer.unblock()} over space a dead producer claimed. */
    public static final int GAP_TYPE = -2;

    private static final int LINE_PAIR = 128;
    public static final long TAIL_OFFSET = 0;
    public static final long HEAD_CACHE_OFFSET = LINE_PAIR;
    public static final long HEAD_OFFSET = 2L * LINE_PAIR;
    /** Trailer size: three counters on their own line pairs, plus one spare pair after the last. */
    public static final int TRAILER_BYTES = 4 * LINE_PAIR;

    // (MemorySegment, long offset) -> long / int, atomic when the offset is naturally aligned.
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private RingLayout() {}

    /** Rounds a record length up to {@link #ALIGNMENT}. */
    public static int align(int length) {
        return (length + ALIGNMENT - 1) & -ALIGNMENT;
    }

    // ---- counters in the trailer ----

    /** Acquire load of a counter: pairs with the other side's {@link #srLong}. */
    public static long laLong(MemorySegment segment, long offset) {
        return (long) LONG.getAcquire(segment, offset);
    }

    /** Opaque load: atomic, ordering nothing (a cached value or a hint that a CAS will check). */
    public static long loLong(MemorySegment segment, long offset) {
        return (long) LONG.getOpaque(segment, offset);
    }

    /** Volatile load: for the MPSC tail, read before the CAS that claims space. */
    public static long lvLong(MemorySegment segment, long offset) {
        return (long) LONG.getVolatile(segment, offset);
    }

    /** Release store: all this thread's earlier accesses to the ring happen-before an acquire that sees it. */
    public static void srLong(MemorySegment segment, long offset, long value) {
        LONG.setRelease(segment, offset, value);
    }

    /** Opaque store: for a cached value that orders nothing. */
    public static void soLong(MemorySegment segment, long offset, long value) {
        LONG.setOpaque(segment, offset, value);
    }

    /** Full CAS (SeqCst) on a counter: producers' claim of space in the MPSC ring. */
    public static boolean casLong(MemorySegment segment, long offset, long expected, long value) {
        return LONG.compareAndSet(segment, offset, expected, value);
    }

    // ---- record headers ----

    /** Acquire load of a record's length: pairs with {@link #srRecordLength}; a non-zero value means the payload is visible. */
    public static int laRecordLength(MemorySegment data, long recordOffset) {
        return (int) INT.getAcquire(data, recordOffset);
    }

    /** Release store of a record's length, last: the type and payload written before it become visible with it. */
    public static void srRecordLength(MemorySegment data, long recordOffset, int length) {
        INT.setRelease(data, recordOffset, length);
    }

    /**
     * Opaque store of a record's length: an MPSC producer's claim marker ({@code -length}) right after its CAS
     * on tail, so that {@code unblock()} knows the extent of a record whose producer died. Followed by a
     * store-store fence in the producer, so the marker is visible before any of the record's other bytes.
     */
    public static void soRecordLength(MemorySegment data, long recordOffset, int length) {
        INT.setOpaque(data, recordOffset, length);
    }

    /**
     * Opaque load of the long at {@code offset}: for scans over claimed space (unblock). The offset is a
     * multiple of 8 (records are 8-aligned) in an 8-aligned segment, as the var handle's atomicity requires.
     */
    public static long loLongAt(MemorySegment data, long offset) {
        return (long) LONG.getOpaque(data, offset);
    }

    /** Plain store of a record's type: published by the length's release store. */
    public static void spRecordType(MemorySegment data, long recordOffset, int type) {
        data.set(ValueLayout.JAVA_INT, recordOffset + 4, type);
    }

    /** Plain load of a record's type: after the acquire of its length. */
    public static int lpRecordType(MemorySegment data, long recordOffset) {
        return data.get(ValueLayout.JAVA_INT, recordOffset + 4);
    }

    /**
     * Zeroes consumed records so that the next lap finds length 0 ("unpublished") at every position a
     * header may land. Plain stores: the consumer's release of head publishes them to producers.
     * {@code from} and {@code length} are multiples of 8.
     */
    public static void zero(MemorySegment data, long from, long length) {
        for (long i = from, end = from + length; i < end; i += 8) {
            data.set(ValueLayout.JAVA_LONG, i, 0L);
        }
    }

    // ---- the mapped file's header (MappedRingBuffer), little-endian, at the start of the file ----

    /** File header: +0 long magic. */
    public static final long FILE_MAGIC_OFFSET = 0;
    /** File header: +8 int version. */
    public static final long FILE_VERSION_OFFSET = 8;
    /** File header: +12 int kind (1 SPSC, 2 MPSC). */
    public static final long FILE_KIND_OFFSET = 12;
    /** File header: +16 int capacity. */
    public static final long FILE_CAPACITY_OFFSET = 16;
    /** File header: +20 int data offset. */
    public static final long FILE_DATA_OFFSET = 20;
    /** File header: +24 long file bytes. */
    public static final long FILE_BYTES_OFFSET = 24;
    /** File header: +32 long epoch (random, non-zero, fixed at creation). */
    public static final long FILE_EPOCH_OFFSET = 32;
    /** File header: +40 long owner pid (the creating process while it has the file mapped; 0 once released). */
    public static final long FILE_OWNER_PID_OFFSET = 40;
    /** File header: +48 long owner's process start time, epoch milliseconds (0 if unknown). */
    public static final long FILE_OWNER_START_OFFSET = 48;
    /** Bytes of the file header that hold fields. */
    public static final int FILE_HEADER_FIELDS_BYTES = 56;

    // Little-endian whatever the platform (the file format's byte order). Atomic access needs natural alignment:
    // the mapping starts at a page boundary and every header offset above is a multiple of 8.
    private static final ValueLayout.OfLong FILE_LONG =
            ValueLayout.JAVA_LONG.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FILE_LONG_HANDLE = FILE_LONG.varHandle();

    /** Acquire load of a little-endian header long in a mapped file (the owner fields, which change). */
    public static long laFileLong(MemorySegment file, long offset) {
        return (long) FILE_LONG_HANDLE.getAcquire(file, offset);
    }

    /** Release store of a little-endian header long in a mapped file: the owner's release of the file. */
    public static void srFileLong(MemorySegment file, long offset, long value) {
        FILE_LONG_HANDLE.setRelease(file, offset, value);
    }

    /** Compare-and-set of a little-endian header long: clears the owner only if it is still us. */
    public static boolean casFileLong(MemorySegment file, long offset, long expected, long value) {
        return FILE_LONG_HANDLE.compareAndSet(file, offset, expected, value);
    }
}
