/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

import dev.ferrum.parser.internal.Bytes;
import java.lang.foreign.MemorySegment;

/**
 * Flyweight over the fixed 40-byte IPv6 header (RFC 8200), read in place. Extension headers are walked by
 * {@link Packet}, which reports the final upper-layer protocol as {@link Packet#ipProtocol()}.
 *
 * <p>Not thread-safe; reused for every packet of a walk.
 */
public final class Ipv6Header {

    /** Bytes of the fixed header. */
    public static final int HEADER_BYTES = 40;

    private MemorySegment segment = MemorySegment.NULL;
    private long offset;

    /** Creates an unwrapped view; call {@code wrap} before reading. */
    public Ipv6Header() {
        // Views start unwrapped; see wrap.
    }

    /**
     * Points this view at the header starting at {@code offset}.
     *
     * @param segment the bytes
     * @param offset  first byte (version/traffic class)
     * @return this
     */
    public Ipv6Header wrap(MemorySegment segment, long offset) {
        this.segment = segment;
        this.offset = offset;
        return this;
    }

    /** Offset of the header in the segment. */
    public long offset() {
        return offset;
    }

    /** The version nibble (6). */
    public int version() {
        return Bytes.u8(segment, offset) >>> 4;
    }

    /** Traffic class. */
    public int trafficClass() {
        return (Bytes.u16(segment, offset) >>> 4) & 0xFF;
    }

    /** Flow label (20 bits). */
    public int flowLabel() {
        return Bytes.i32(segment, offset) & 0xF_FFFF;
    }

    /** Payload length (extension headers included) as declared. */
    public int payloadLength() {
        return Bytes.u16(segment, offset + 4);
    }

    /** The first next-header value (an extension header or the upper-layer protocol). */
    public int nextHeader() {
        return Bytes.u8(segment, offset + 6);
    }

    /** Hop limit. */
    public int hopLimit() {
        return Bytes.u8(segment, offset + 7);
    }

    /** High 64 bits of the source address. */
    public long sourceHigh() {
        return Bytes.i64(segment, offset + 8);
    }

    /** Low 64 bits of the source address. */
    public long sourceLow() {
        return Bytes.i64(segment, offset + 16);
    }

    /** High 64 bits of the destination address. */
    public long destinationHigh() {
        return Bytes.i64(segment, offset + 24);
    }

    /** Low 64 bits of the destination address. */
    public long destinationLow() {
        return Bytes.i64(segment, offset + 32);
    }

    /**
     * Appends an address in RFC 5952 text form (lower case, longest run of two or more zero groups as
     * {@code ::}), the form tshark prints; IPv4-mapped addresses end in dotted quad ({@code ::ffff:192.0.2.1}),
     * as do the deprecated IPv4-compatible ones ({@code ::192.0.2.1}). Allocates nothing beyond the builder's own
     * growth.
     */
    public static StringBuilder appendAddress(long high, long low, StringBuilder out) {
        // inet_ntop's rule: zeros in groups 0-4 and ffff in group 5 (mapped), or zeros in groups 0-5 and a
        // non-zero group 6 (compatible; ::1 and :: stay hexadecimal).
        if (high == 0 && ((low >>> 32) == 0xFFFF || ((low >>> 32) == 0 && (low >>> 16 & 0xFFFF) != 0))) {
            out.append((low >>> 32) == 0xFFFF ? "::ffff:" : "::");
            return Ipv4Header.appendAddress((int) low, out);
        }
        int bestStart = -1;
        int bestLength = 0;
        int runStart = -1;
        for (int i = 0; i < 8; i++) {
            if (group(high, low, i) == 0) {
                if (runStart < 0) {
                    runStart = i;
                }
                if (i - runStart + 1 > bestLength) {
                    bestStart = runStart;
                    bestLength = i - runStart + 1;
                }
            } else {
                runStart = -1;
            }
        }
        if (bestLength < 2) {
            bestStart = -1;
        }
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (i > 0 && i != bestStart + bestLength) {
                out.append(':');
            }
            appendHex(group(high, low, i), out);
        }
        return out;
    }

    private static void appendHex(int value, StringBuilder out) {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int digit = (value >>> shift) & 15;
            if (digit != 0 || started || shift == 0) {
                out.append(Character.forDigit(digit, 16));
                started = true;
            }
        }
    }

    private static int group(long high, long low, int index) {
        long half = index < 4 ? high : low;
        return (int) (half >>> (48 - 16 * (index & 3))) & 0xFFFF;
    }
}
