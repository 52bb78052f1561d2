/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

import dev.ferrum.parser.internal.Bytes;
import java.lang.foreign.MemorySegment;

/** Flyweight over the 8-byte UDP header (RFC 768), read in place. Not thread-safe; reused per packet. */
public final class UdpHeader {

    /** Bytes of the header. */
    public static final int HEADER_BYTES = 8;

    private MemorySegment segment = MemorySegment.NULL;
    private long offset;

    /** Creates an unwrapped view; call {@code wrap} before reading. */
    public UdpHeader() {
        // Views start unwrapped; see wrap.
    }

    /**
     * Points this view at the header starting at {@code offset}.
     *
     * @param segment the bytes
     * @param offset  first byte (source port)
     * @return this
     */
    public UdpHeader wrap(MemorySegment segment, long offset) {
        this.segment = segment;
        this.offset = offset;
        return this;
    }

    /** Offset of the header in the segment. */
    public long offset() {
        return offset;
    }

    /** Source port. */
    public int sourcePort() {
        return Bytes.u16(segment, offset);
    }

    /** Destination port. */
    public int destinationPort() {
        return Bytes.u16(segment, offset + 2);
    }

    /** Length of header plus payload as declared (tshark's {@code udp.length}). */
    public int length() {
        return Bytes.u16(segment, offset + 4);
    }

    /** Checksum as stored. */
    public int checksum() {
        return Bytes.u16(segment, offset + 6);
    }
}
