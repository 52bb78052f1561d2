/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

import dev.ferrum.parser.internal.Bytes;
import java.lang.foreign.MemorySegment;

/**
 * Flyweight over an Ethernet II header (14 bytes: destination, source, EtherType), read in place.
 *
 * <p>{@link #wrap} does not validate; the decoder in {@link Packet} only wraps headers it has checked fit
 * in the captured bytes. Not thread-safe; one instance is reused for every packet of a walk.
 */
public final class EthernetHeader {

    /** Bytes of an untagged Ethernet II header. */
    public static final int HEADER_BYTES = 14;

    private MemorySegment segment = MemorySegment.NULL;
    private long offset;

    /** Creates an unwrapped view; call {@code wrap} before reading. */
    public EthernetHeader() {
        // Views start unwrapped; see wrap.
    }

    /**
     * Points this view at the header starting at {@code offset}.
     *
     * @param segment the bytes
     * @param offset  first byte of the destination address
     * @return this
     */
    public EthernetHeader wrap(MemorySegment segment, long offset) {
        this.segment = segment;
        this.offset = offset;
        return this;
    }

    /** Offset of the header in the segment. */
    public long offset() {
        return offset;
    }

    /** Destination MAC as the low 48 bits of a long. */
    public long destination() {
        return ((long) Bytes.u16(segment, offset) << 32) | Bytes.u32(segment, offset + 2);
    }

    /** Source MAC as the low 48 bits of a long. */
    public long source() {
        return ((long) Bytes.u16(segment, offset + 6) << 32) | Bytes.u32(segment, offset + 8);
    }

    /** The outer EtherType (0x8100 / 0x88a8 when the frame carries VLAN tags). */
    public int etherType() {
        return Bytes.u16(segment, offset + 12);
    }

    /** Appends a MAC held in the low 48 bits of {@code mac} as {@code aa:bb:cc:dd:ee:ff}. */
    public static StringBuilder appendMac(long mac, StringBuilder out) {
        for (int shift = 40; shift >= 0; shift -= 8) {
            int b = (int) (mac >>> shift) & 0xFF;
            out.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 15, 16));
            if (shift > 0) {
                out.append(':');
            }
        }
        return out;
    }
}
