/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

import dev.ferrum.parser.internal.Bytes;
import java.lang.foreign.MemorySegment;

/**
 * Flyweight over a TCP header (RFC 9293) and its options, read in place.
 *
 * <p>A header cut short by the snap length is still a header: every getter whose field lies before the captured
 * end reads it, the others return -1 (tshark likewise shows the ports of a header cut after 4 bytes). The option
 * walks stop at the captured end too. Not thread-safe; reused for every packet of a walk.
 */
public final class TcpHeader {

    /** Bytes of a header without options. */
    public static final int MIN_HEADER_BYTES = 20;

    /** FIN flag bit of {@link #flags()}. */
    public static final int FIN = 0x01;
    /** SYN flag bit. */
    public static final int SYN = 0x02;
    /** RST flag bit. */
    public static final int RST = 0x04;
    /** PSH flag bit. */
    public static final int PSH = 0x08;
    /** ACK flag bit. */
    public static final int ACK = 0x10;
    /** URG flag bit. */
    public static final int URG = 0x20;
    /** ECE flag bit. */
    public static final int ECE = 0x40;
    /** CWR flag bit. */
    public static final int CWR = 0x80;
    /** NS (nonce sum, RFC 3540, historic) flag bit; bits 0x200-0x800 are the reserved bits. */
    public static final int NS = 0x100;

    private MemorySegment segment = MemorySegment.NULL;
    private long offset;
    private long capturedEnd;

    /** Creates an unwrapped view; call {@code wrap} before reading. */
    public TcpHeader() {
        // Views start unwrapped; see wrap.
    }

    /**
     * Points this view at the header starting at {@code offset}.
     *
     * @param segment the bytes
     * @param offset  first byte (source port)
     * @return this
     */
    public TcpHeader wrap(MemorySegment segment, long offset) {
        return wrap(segment, offset, segment.byteSize());
    }

    /** As {@link #wrap(MemorySegment, long)}, with fields and option walks stopping at {@code capturedEnd}. */
    TcpHeader wrap(MemorySegment segment, long offset, long capturedEnd) {
        this.segment = segment;
        this.offset = offset;
        this.capturedEnd = capturedEnd;
        return this;
    }

    /** Offset of the header in the segment. */
    public long offset() {
        return offset;
    }

    /** Source port. */
    public int sourcePort() {
        return capturedEnd - offset < 2 ? -1 : Bytes.u16(segment, offset);
    }

    /** Destination port. */
    public int destinationPort() {
        return capturedEnd - offset < 4 ? -1 : Bytes.u16(segment, offset + 2);
    }

    /** Raw (absolute) sequence number, unsigned; -1 if not captured. */
    public long sequenceNumber() {
        return capturedEnd - offset < 8 ? -1 : Bytes.u32(segment, offset + 4);
    }

    /** Raw acknowledgement number, unsigned; -1 if not captured. */
    public long acknowledgementNumber() {
        return capturedEnd - offset < 12 ? -1 : Bytes.u32(segment, offset + 8);
    }

    /** Header length in bytes (data offset * 4), 20 to 60 when well-formed; -1 if not captured. */
    public int headerLength() {
        return capturedEnd - offset < 13 ? -1 : (Bytes.u8(segment, offset + 12) >>> 4) * 4;
    }

    /**
     * The 12 flag bits as tshark's {@code tcp.flags} shows them (reserved bits 0x200-0x800, NS 0x100, then
     * CWR..FIN); -1 if not captured.
     */
    public int flags() {
        return capturedEnd - offset < 14 ? -1 : Bytes.u16(segment, offset + 12) & 0x0FFF;
    }

    /** Whether every bit of {@code mask} (e.g. {@code SYN | ACK}) is set (false if the flags were not captured). */
    public boolean hasFlags(int mask) {
        int flags = flags();
        return flags >= 0 && (flags & mask) == mask;
    }

    /** Receive window (unscaled); -1 if not captured. */
    public int window() {
        return capturedEnd - offset < 16 ? -1 : Bytes.u16(segment, offset + 14);
    }

    /** Checksum as stored; -1 if not captured. */
    public int checksum() {
        return capturedEnd - offset < 18 ? -1 : Bytes.u16(segment, offset + 16);
    }

    /** Urgent pointer; -1 if not captured. */
    public int urgentPointer() {
        return capturedEnd - offset < 20 ? -1 : Bytes.u16(segment, offset + 18);
    }

    /** Bytes of options (0 if the header length was not captured or is bogus). */
    public int optionsLength() {
        return Math.max(0, headerLength() - MIN_HEADER_BYTES);
    }

    /** Offset of the first option byte. */
    public long optionsOffset() {
        return offset + MIN_HEADER_BYTES;
    }

    /** Maximum segment size option (kind 2), or -1 if absent or malformed. */
    public int maximumSegmentSize() {
        long at = findOption(2, 4);
        return at < 0 ? -1 : Bytes.u16(segment, at + 2);
    }

    /** Window scale shift option (kind 3), or -1 if absent or malformed. */
    public int windowScale() {
        long at = findOption(3, 3);
        return at < 0 ? -1 : Bytes.u8(segment, at + 2);
    }

    /** Whether the SACK-permitted option (kind 4) is present. */
    public boolean sackPermitted() {
        return findOption(4, 2) >= 0;
    }

    /** Timestamp value of the timestamps option (kind 8), unsigned, or -1 if absent or malformed. */
    public long timestampValue() {
        long at = findOption(8, 10);
        return at < 0 ? -1 : Bytes.u32(segment, at + 2);
    }

    /** Timestamp echo reply of the timestamps option, unsigned, or -1 if absent or malformed. */
    public long timestampEchoReply() {
        long at = findOption(8, 10);
        return at < 0 ? -1 : Bytes.u32(segment, at + 6);
    }

    /**
     * Offset of the first option of {@code kind} whose length byte equals {@code length}, or -1.
     * Stops at end-of-options, at the end of the header, or at a length byte that would leave it.
     */
    private long findOption(int kind, int length) {
        long at = offset + MIN_HEADER_BYTES;
        // A snap-length-truncated header is wrapped with its captured end, so the walk never leaves the capture.
        long end = Math.min(offset + headerLength(), capturedEnd);
        while (at < end) {
            int k = Bytes.u8(segment, at);
            if (k == 0) {
                return -1;
            }
            if (k == 1) {
                at++;
                continue;
            }
            if (at + 2 > end) {
                return -1;
            }
            int len = Bytes.u8(segment, at + 1);
            if (len < 2 || at + len > end) {
                return -1;
            }
            if (k == kind) {
                return len == length ? at : -1;
            }
            at += len;
        }
        return -1;
    }
}
