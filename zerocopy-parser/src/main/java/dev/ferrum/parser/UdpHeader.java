/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

import dev.ferrum.parser.internal.Bytes;
import java.lang.foreign.MemorySegment;

/**
 * Flyweight over the 8-byte UDP header (RFC 768), read in place. A header cut short by the snap length reads
 * the fields that were captured; the others return -1. Not thread-safe; reused per packet.
 */
public final class UdpHeader {

    /** Bytes of the header. */
    public static final int HEADER_BYTES = 8;

    private MemorySegment segment = MemorySegment.NULL;
    private long offset;
    private long capturedEnd;

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
        return wrap(segment, offset, segment.byteSize());
    }

    /** As {@link #wrap(MemorySegment, long)}, with fields readable only before {@code capturedEnd}. */
    UdpHeader wrap(MemorySegment segment, long offset, long capturedEnd) {
        this.segment = segment;
        this.offset = offset;
        this.capturedEnd = capturedEnd;
        return this;
    }

    /** Offset of the header in the segment. */
    public long offset() {
        return offset;
    }

    /** Source port; -1 if not captured. */
    public int sourcePort() {
        return capturedEnd - offset < 2 ? -1 : Bytes.u16(segment, offset);
    }

    /** Destination port; -1 if not captured. */
    public int destinationPort() {
        return capturedEnd - offset < 4 ? -1 : Bytes.u16(segment, offset + 2);
    }

    /** Length of header plus payload as declared (tshark's {@code udp.length}); -1 if not captured. */
    public int length() {
        return capturedEnd - offset < 6 ? -1 : Bytes.u16(segment, offset + 4);
    }

    /** Checksum as stored; -1 if not captured. */
    public int checksum() {
        return capturedEnd - offset < 8 ? -1 : Bytes.u16(segment, offset + 6);
    }
}
