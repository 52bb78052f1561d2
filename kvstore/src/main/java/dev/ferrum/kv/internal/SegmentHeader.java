/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.zip.CRC32C;

/**
 * The first {@link #BYTES} bytes of every segment file (format version 2); records start after it.
 *
 * <pre>
 * offset size field
 * 0      4    magic "FKVS"
 * 4      4    format version (2)
 * 8      4    salt: random, non-zero, repeated in every record header of this file
 * 12     4    minor
 * 16     8    major            (the file's name repeats major-minor; a renamed or swapped file is caught)
 * 24     8    capacity         (preallocated file size; a shorter file was truncated)
 * 32     28   zero
 * 60     4    CRC32C of [0, 60)
 * </pre>
 */
public final class SegmentHeader {

    /** Header size; the first record starts here. */
    public static final int BYTES = 64;

    public static final int MAGIC = 0x53564B46; // "FKVS" little-endian
    public static final int VERSION = 2;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Decoded header. */
    public record Fields(int salt, long major, int minor, long capacity) {}

    private SegmentHeader() {}

    /** A fresh random salt (never 0: a zero salt word means unwritten space). */
    public static int newSalt() {
        int s;
        do {
            s = RANDOM.nextInt();
        } while (s == 0);
        return s;
    }

    public static ByteBuffer encode(Fields f) {
        ByteBuffer b = ByteBuffer.allocate(BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC)
                .putInt(VERSION)
                .putInt(f.salt())
                .putInt(f.minor())
                .putLong(f.major())
                .putLong(f.capacity());
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, BYTES - 4);
        b.putInt(BYTES - 4, (int) crc.getValue());
        b.clear();
        return b;
    }

    /** Outcome of {@link #decode}. */
    public enum Check {
        OK,
        /** All zero where the header belongs: a file whose creation did not finish. */
        EMPTY,
        /** Not a version-2 segment: no magic (a version-1 file has none) or another version. */
        OLD_FORMAT,
        /** Magic present but the CRC fails. */
        CORRUPT
    }

    public static Check check(MemorySegment s) {
        if (Records.isZero(s, 0, Math.min(BYTES, s.byteSize()))) {
            return Check.EMPTY;
        }
        if (s.byteSize() < BYTES) {
            return Check.CORRUPT;
        }
        if (s.get(Records.INT_LE, 0) != MAGIC || s.get(Records.INT_LE, 4) != VERSION) {
            return Check.OLD_FORMAT;
        }
        CRC32C crc = new CRC32C();
        crc.update(s.asSlice(0, BYTES - 4).asByteBuffer());
        return (int) crc.getValue() == s.get(Records.INT_LE, BYTES - 4) ? Check.OK : Check.CORRUPT;
    }

    /** Decodes a header that passed {@link #check}. */
    public static Fields decode(MemorySegment s) {
        return new Fields(
                s.get(Records.INT_LE, 8),
                s.get(Records.LONG_LE, 16),
                s.get(Records.INT_LE, 12),
                s.get(Records.LONG_LE, 24));
    }
}
