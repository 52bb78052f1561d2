/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

import dev.ferrum.parser.internal.Bytes;
import java.lang.foreign.MemorySegment;

/**
 * Flyweight over an IPv4 header (RFC 791), read in place; all fields are big-endian on the wire.
 *
 * <p>{@link #wrap} does not validate; {@link Packet} wraps only headers whose {@link #headerLength()}
 * bytes it has checked. Not thread-safe; reused for every packet of a walk.
 */
public final class Ipv4Header {

    /** Bytes of a header without options. */
    public static final int MIN_HEADER_BYTES = 20;

    private MemorySegment segment = MemorySegment.NULL;
    private long offset;

    /** Creates an unwrapped view; call {@code wrap} before reading. */
    public Ipv4Header() {
        // Views start unwrapped; see wrap.
    }

    /**
     * Points this view at the header starting at {@code offset}.
     *
     * @param segment the bytes
     * @param offset  first byte (version/IHL)
     * @return this
     */
    public Ipv4Header wrap(MemorySegment segment, long offset) {
        this.segment = segment;
        this.offset = offset;
        return this;
    }

    /** Offset of the header in the segment. */
    public long offset() {
        return offset;
    }

    /** The version nibble (4 for a well-formed header). */
    public int version() {
        return Bytes.u8(segment, offset) >>> 4;
    }

    /** Header length in bytes (IHL * 4), 20 to 60. */
    public int headerLength() {
        return (Bytes.u8(segment, offset) & 0x0F) * 4;
    }

    /** Bytes of options ({@link #headerLength()} - 20), readable from {@link #optionsOffset()}. */
    public int optionsLength() {
        return headerLength() - MIN_HEADER_BYTES;
    }

    /** Offset of the first option byte. */
    public long optionsOffset() {
        return offset + MIN_HEADER_BYTES;
    }

    /** DSCP and ECN byte. */
    public int typeOfService() {
        return Bytes.u8(segment, offset + 1);
    }

    /** Total length of the datagram (header and payload) as declared. */
    public int totalLength() {
        return Bytes.u16(segment, offset + 2);
    }

    /** Identification field. */
    public int identification() {
        return Bytes.u16(segment, offset + 4);
    }

    /** Don't-fragment flag. */
    public boolean dontFragment() {
        return (Bytes.u16(segment, offset + 6) & 0x4000) != 0;
    }

    /** More-fragments flag. */
    public boolean moreFragments() {
        return (Bytes.u16(segment, offset + 6) & 0x2000) != 0;
    }

    /** Fragment offset in bytes (the field counts 8-byte units). */
    public int fragmentOffset() {
        return (Bytes.u16(segment, offset + 6) & 0x1FFF) * 8;
    }

    /** Whether this datagram is a fragment (more-fragments set or a non-zero fragment offset). */
    public boolean isFragment() {
        return (Bytes.u16(segment, offset + 6) & 0x3FFF) != 0;
    }

    /** Time to live. */
    public int ttl() {
        return Bytes.u8(segment, offset + 8);
    }

    /** The payload's IP protocol number (6 TCP, 17 UDP, 1 ICMP, ...). */
    public int protocol() {
        return Bytes.u8(segment, offset + 9);
    }

    /** Header checksum as stored. */
    public int checksum() {
        return Bytes.u16(segment, offset + 10);
    }

    /** Source address as a big-endian int (first octet in the top byte). */
    public int source() {
        return Bytes.i32(segment, offset + 12);
    }

    /** Destination address as a big-endian int. */
    public int destination() {
        return Bytes.i32(segment, offset + 16);
    }

    /** Appends {@code address} (as returned by {@link #source()}) in dotted-quad form; allocates nothing. */
    public static StringBuilder appendAddress(int address, StringBuilder out) {
        return out.append(address >>> 24)
                .append('.')
                .append((address >>> 16) & 0xFF)
                .append('.')
                .append((address >>> 8) & 0xFF)
                .append('.')
                .append(address & 0xFF);
    }
}
