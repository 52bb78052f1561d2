/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

import dev.ferrum.parser.internal.Bytes;
import java.lang.foreign.MemorySegment;

/**
 * Flyweight over the first four bytes shared by ICMP (RFC 792) and ICMPv6 (RFC 4443): type, code, checksum.
 * Not thread-safe; reused per packet.
 */
public final class IcmpHeader {

    /** Bytes of the common part this view reads. */
    public static final int HEADER_BYTES = 4;

    private MemorySegment segment = MemorySegment.NULL;
    private long offset;

    /** Creates an unwrapped view; call {@code wrap} before reading. */
    public IcmpHeader() {
        // Views start unwrapped; see wrap.
    }

    /**
     * Points this view at the header starting at {@code offset}.
     *
     * @param segment the bytes
     * @param offset  first byte (type)
     * @return this
     */
    public IcmpHeader wrap(MemorySegment segment, long offset) {
        this.segment = segment;
        this.offset = offset;
        return this;
    }

    /** Offset of the header in the segment. */
    public long offset() {
        return offset;
    }

    /** Message type (e.g. 8 echo request for ICMP, 128 for ICMPv6). */
    public int type() {
        return Bytes.u8(segment, offset);
    }

    /** Message code. */
    public int code() {
        return Bytes.u8(segment, offset + 1);
    }

    /** Checksum as stored. */
    public int checksum() {
        return Bytes.u16(segment, offset + 2);
    }
}
