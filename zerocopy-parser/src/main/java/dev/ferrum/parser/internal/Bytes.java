/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The only place the parser reads raw bytes: unaligned, explicitly ordered loads from a {@link MemorySegment}.
 *
 * <p>Capture files put their framing fields in the writer's byte order (pcap magic, pcapng byte-order magic),
 * while every protocol header on the wire is big-endian. Callers pass the order they determined; the layouts
 * below are unaligned because nothing in a capture is aligned for us (a pcap record header follows a packet
 * of arbitrary length, an IPv4 header follows a 14-byte Ethernet header).
 *
 * <p>Callers validate {@code offset + width <= segment.byteSize()} before they call; the segment still
 * bounds-checks every access, so a caller bug surfaces as an exception, never as a wild read.
 */
public final class Bytes {

    // Unaligned variants: capture data carries no alignment guarantee (see class comment).
    private static final ValueLayout.OfShort U16_BE = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfShort U16_LE =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt U32_BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt U32_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong U64_BE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong U64_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Bytes() {}

    /** Unsigned byte at {@code offset}. */
    public static int u8(MemorySegment segment, long offset) {
        return segment.get(ValueLayout.JAVA_BYTE, offset) & 0xFF;
    }

    /** Unsigned big-endian (network order) 16-bit value at {@code offset}. */
    public static int u16(MemorySegment segment, long offset) {
        return segment.get(U16_BE, offset) & 0xFFFF;
    }

    /** Big-endian (network order) 32-bit value at {@code offset}, as the raw {@code int} bits. */
    public static int i32(MemorySegment segment, long offset) {
        return segment.get(U32_BE, offset);
    }

    /** Unsigned big-endian 32-bit value at {@code offset}. */
    public static long u32(MemorySegment segment, long offset) {
        return segment.get(U32_BE, offset) & 0xFFFF_FFFFL;
    }

    /** Big-endian 64-bit value at {@code offset}. */
    public static long i64(MemorySegment segment, long offset) {
        return segment.get(U64_BE, offset);
    }

    /** Unsigned 16-bit value in the given order ({@code bigEndian} as declared by the capture's magic). */
    public static int u16(MemorySegment segment, long offset, boolean bigEndian) {
        return (bigEndian ? segment.get(U16_BE, offset) : segment.get(U16_LE, offset)) & 0xFFFF;
    }

    /** Unsigned 32-bit value in the given order. */
    public static long u32(MemorySegment segment, long offset, boolean bigEndian) {
        return (bigEndian ? segment.get(U32_BE, offset) : segment.get(U32_LE, offset)) & 0xFFFF_FFFFL;
    }

    /** 64-bit value in the given order. */
    public static long i64(MemorySegment segment, long offset, boolean bigEndian) {
        return bigEndian ? segment.get(U64_BE, offset) : segment.get(U64_LE, offset);
    }
}
