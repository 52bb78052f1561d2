/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Self-checking test messages: {@code [int producer][int seq][filler bytes][long checksum]}, the filler
 * derived from (producer, seq, position) and the checksum an FNV-1a hash of everything before it, so a
 * torn, shifted or stale message is detected wherever it came from (another thread or another process).
 */
public final class TestMessages {

    /** Smallest message: producer, seq, checksum. */
    public static final int MIN_BYTES = 16;

    private TestMessages() {}

    /** A length in [MIN_BYTES, maxBytes] that varies with seq (so records straddle the end at many offsets). */
    public static int length(int producer, int seq, int maxBytes) {
        int span = maxBytes - MIN_BYTES + 1;
        return MIN_BYTES + (int) (((seq * 2_654_435_761L) + producer * 97L) & 0x7fff_ffff) % span;
    }

    /** Writes message (producer, seq) of {@code length} bytes at the start of {@code target}. */
    public static void write(MemorySegment target, int producer, int seq, int length) {
        target.set(ValueLayout.JAVA_INT_UNALIGNED, 0, producer);
        target.set(ValueLayout.JAVA_INT_UNALIGNED, 4, seq);
        for (int i = 8; i < length - 8; i++) {
            target.set(ValueLayout.JAVA_BYTE, i, filler(producer, seq, i));
        }
        target.set(ValueLayout.JAVA_LONG_UNALIGNED, length - 8, checksum(target, 0, length - 8));
    }

    /** Producer id of a message. */
    public static int producer(MemorySegment buffer, long offset) {
        return buffer.get(ValueLayout.JAVA_INT_UNALIGNED, offset);
    }

    /** Sequence number of a message. */
    public static int seq(MemorySegment buffer, long offset) {
        return buffer.get(ValueLayout.JAVA_INT_UNALIGNED, offset + 4);
    }

    /**
     * Checks a message in place.
     *
     * @return null if intact, else what is wrong
     */
    public static String verify(MemorySegment buffer, long offset, int length, int maxBytes) {
        if (length < MIN_BYTES) {
            return "message of " + length + " bytes is shorter than " + MIN_BYTES;
        }
        int producer = producer(buffer, offset);
        int seq = seq(buffer, offset);
        if (length != length(producer, seq, maxBytes)) {
            return "producer " + producer + " seq " + seq + ": length " + length + ", expected "
                    + length(producer, seq, maxBytes);
        }
        long stored = buffer.get(ValueLayout.JAVA_LONG_UNALIGNED, offset + length - 8);
        if (stored != checksum(buffer, offset, length - 8)) {
            return "producer " + producer + " seq " + seq + ": checksum mismatch";
        }
        for (int i = 8; i < length - 8; i++) {
            if (buffer.get(ValueLayout.JAVA_BYTE, offset + i) != filler(producer, seq, i)) {
                return "producer " + producer + " seq " + seq + ": byte " + i + " differs";
            }
        }
        return null;
    }

    private static byte filler(int producer, int seq, int i) {
        return (byte) (producer * 31 + seq * 17 + i * 7);
    }

    private static long checksum(MemorySegment s, long from, int length) {
        long h = 0xcbf2_9ce4_8422_2325L;
        for (int i = 0; i < length; i++) {
            h = (h ^ (s.get(ValueLayout.JAVA_BYTE, from + i) & 0xff)) * 0x100_0000_01b3L;
        }
        return h;
    }
}
