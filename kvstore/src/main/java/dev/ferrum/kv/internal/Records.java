/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The on-disk record (format version 2), read and written in place in a mapped segment (flyweight
 * style: static accessors over {@code (segment, offset)}, no record objects).
 *
 * <pre>
 * offset  size  field
 * 0       4     salt        (int32 LE: the segment's random salt, never 0; see {@link SegmentHeader})
 * 4       8     sequence    (int64 LE: store-wide, strictly increasing in every segment)
 * 12      4     keyLength   (int32 LE, 1..maxKeyBytes)
 * 16      4     valueLength (int32 LE, 0..maxValueBytes; 0 for a tombstone)
 * 20      1     flags       (bit 0 = tombstone, other bits 0)
 * 21      k     key bytes
 * 21+k    v     value bytes
 * 21+k+v  4     CRC32C (int32 LE) over bytes [0, 21+k+v)
 * </pre>
 * A record is valid only if its salt is its segment's, its lengths are in range, it fits before the
 * limit and the CRC matches. The salt is what makes a record boundary provable after damage: bytes a
 * client stored inside a value (say, a serialized record of another store) do not carry this segment's
 * salt, which is random and never leaves the file, so resynchronisation cannot mistake them for a record.
 * An all-zero salt word marks the unwritten (zero-filled) tail of a segment.
 */
public final class Records {

    /** Bytes before the key: salt, sequence, two lengths and the flags byte. */
    public static final int HEADER_BYTES = 21;
    /** Bytes after the value: the CRC32C. */
    public static final int TRAILER_BYTES = 4;
    /** Header plus trailer. */
    public static final int OVERHEAD_BYTES = HEADER_BYTES + TRAILER_BYTES;
    /** Flag bit for a deletion record. */
    public static final byte FLAG_TOMBSTONE = 1;

    private static final int SALT = 0;
    private static final int SEQ = 4;
    private static final int KLEN = 12;
    private static final int VLEN = 16;
    private static final int FLAGS = 20;

    static final ValueLayout.OfInt INT_LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfLong LONG_LE = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** Reads 8 bytes of a key array as a little-endian long (index checked by the VarHandle). */
    private static final java.lang.invoke.VarHandle KEY_LONG_LE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Records() {}

    /** Total size of a record with these lengths. */
    public static long size(int keyLength, int valueLength) {
        return (long) OVERHEAD_BYTES + keyLength + valueLength;
    }

    /** The CRC32C stored at {@code crcOffset}. */
    public static int storedCrc(MemorySegment s, long crcOffset) {
        return s.get(INT_LE, crcOffset);
    }

    public static int salt(MemorySegment s, long recordOffset) {
        return s.get(INT_LE, recordOffset + SALT);
    }

    public static long sequence(MemorySegment s, long recordOffset) {
        return s.get(LONG_LE, recordOffset + SEQ);
    }

    public static int keyLength(MemorySegment s, long recordOffset) {
        return s.get(INT_LE, recordOffset + KLEN);
    }

    public static int valueLength(MemorySegment s, long recordOffset) {
        return s.get(INT_LE, recordOffset + VLEN);
    }

    public static byte flags(MemorySegment s, long recordOffset) {
        return s.get(ValueLayout.JAVA_BYTE, recordOffset + FLAGS);
    }

    public static boolean isTombstone(MemorySegment s, long recordOffset) {
        return (flags(s, recordOffset) & FLAG_TOMBSTONE) != 0;
    }

    public static long keyOffset(long recordOffset) {
        return recordOffset + HEADER_BYTES;
    }

    public static long valueOffset(MemorySegment s, long recordOffset) {
        return recordOffset + HEADER_BYTES + keyLength(s, recordOffset);
    }

    /** Size of the record at {@code recordOffset}, trusting its header (only for records known valid). */
    public static long sizeAt(MemorySegment s, long recordOffset) {
        return size(keyLength(s, recordOffset), valueLength(s, recordOffset));
    }

    /** Whether the key stored at {@code recordOffset} equals {@code key} (8 bytes at a time, no allocation). */
    public static boolean keyEquals(MemorySegment s, long recordOffset, byte[] key) {
        int len = key.length;
        if (keyLength(s, recordOffset) != len) {
            return false;
        }
        long k = recordOffset + HEADER_BYTES;
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            if (s.get(LONG_LE, k + i) != (long) KEY_LONG_LE.get(key, i)) {
                return false;
            }
        }
        for (; i < len; i++) {
            if (s.get(ValueLayout.JAVA_BYTE, k + i) != key[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Verifies a record's CRC32C against a copy of its value already taken into {@code value}: the
     * header is read from the mapping, the key is the caller's (equal to the stored one: the index
     * compared them), so exactly the value bytes handed out are checked.
     */
    public static boolean crcMatches(
            MemorySegment s, long recordOffset, byte[] key, byte[] value, int valueLength, CRC32C crc) {
        crc.reset();
        crc.update(s.asSlice(recordOffset, HEADER_BYTES).asByteBuffer());
        crc.update(key, 0, key.length);
        crc.update(value, 0, valueLength);
        return (int) crc.getValue() == s.get(INT_LE, recordOffset + HEADER_BYTES + key.length + valueLength);
    }

    /** CRC32C of a record's header and key: what a hint entry stores to prove it still describes the record. */
    public static int headerKeyCrc(MemorySegment s, long recordOffset) {
        CRC32C crc = new CRC32C();
        crc.update(s.asSlice(recordOffset, HEADER_BYTES + (long) keyLength(s, recordOffset))
                .asByteBuffer());
        return (int) crc.getValue();
    }

    /** Whether the keys of two records (possibly in different segments) are equal. */
    public static boolean keyEquals(MemorySegment a, long aOffset, MemorySegment b, long bOffset) {
        int len = keyLength(a, aOffset);
        if (keyLength(b, bOffset) != len) {
            return false;
        }
        return MemorySegment.mismatch(
                        a,
                        aOffset + HEADER_BYTES,
                        aOffset + HEADER_BYTES + len,
                        b,
                        bOffset + HEADER_BYTES,
                        bOffset + HEADER_BYTES + len)
                < 0;
    }

    /**
     * Writes a complete record at {@code offset}. The caller has checked that it fits.
     *
     * @return the record's size
     */
    public static long write(
            MemorySegment s,
            long offset,
            int salt,
            long sequence,
            byte[] key,
            byte[] value,
            boolean tombstone,
            CRC32C crc,
            byte[] headerScratch) {
        int vlen = value == null ? 0 : value.length;
        putIntLE(headerScratch, SALT, salt);
        putIntLE(headerScratch, SEQ, (int) sequence);
        putIntLE(headerScratch, SEQ + 4, (int) (sequence >>> 32));
        putIntLE(headerScratch, KLEN, key.length);
        putIntLE(headerScratch, VLEN, vlen);
        headerScratch[FLAGS] = tombstone ? FLAG_TOMBSTONE : 0;
        crc.reset();
        crc.update(headerScratch, 0, HEADER_BYTES);
        crc.update(key, 0, key.length);
        if (vlen > 0) {
            crc.update(value, 0, vlen);
        }
        MemorySegment.copy(headerScratch, 0, s, ValueLayout.JAVA_BYTE, offset, HEADER_BYTES);
        MemorySegment.copy(key, 0, s, ValueLayout.JAVA_BYTE, offset + HEADER_BYTES, key.length);
        if (vlen > 0) {
            MemorySegment.copy(value, 0, s, ValueLayout.JAVA_BYTE, offset + HEADER_BYTES + key.length, vlen);
        }
        s.set(INT_LE, offset + HEADER_BYTES + key.length + vlen, (int) crc.getValue());
        return size(key.length, vlen);
    }

    /** Little-endian int into a byte array (also used by tests that build records by hand). */
    public static void putIntLE(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    /** Result of {@link #verify}: unwritten space. */
    public static final long EMPTY = -1;
    /** Result of {@link #verify}: not a valid record of this segment (torn, corrupt, or foreign bytes). */
    public static final long INVALID = -2;

    /**
     * Checks the record at {@code offset}: salt is {@code salt}, header plausible, fits below
     * {@code limit}, CRC matches.
     *
     * @return the record's size if valid, {@link #EMPTY} if the salt word is zero and the header is all
     *         zero (unwritten space), {@link #INVALID} otherwise
     */
    public static long verify(MemorySegment s, long offset, long limit, int salt, int maxKeyBytes, int maxValueBytes) {
        if (offset + HEADER_BYTES > limit) {
            return offset >= limit || isZero(s, offset, limit - offset) ? EMPTY : INVALID;
        }
        if (salt(s, offset) != salt) {
            return isZero(s, offset, HEADER_BYTES) ? EMPTY : INVALID;
        }
        int klen = keyLength(s, offset);
        int vlen = valueLength(s, offset);
        byte flags = flags(s, offset);
        if (klen < 1
                || klen > maxKeyBytes
                || vlen < 0
                || vlen > maxValueBytes
                || (flags & ~FLAG_TOMBSTONE) != 0
                || ((flags & FLAG_TOMBSTONE) != 0 && vlen != 0)) {
            return INVALID;
        }
        long size = size(klen, vlen);
        if (offset + size > limit) {
            return INVALID;
        }
        CRC32C crc = new CRC32C();
        crc.update(s.asSlice(offset, size - TRAILER_BYTES).asByteBuffer());
        int stored = s.get(INT_LE, offset + size - TRAILER_BYTES);
        return stored == (int) crc.getValue() ? size : INVALID;
    }

    /** Whether {@code length} bytes from {@code offset} are all zero. */
    public static boolean isZero(MemorySegment s, long offset, long length) {
        long end = offset + length;
        long i = offset;
        for (; i + 8 <= end; i += 8) {
            if (s.get(ValueLayout.JAVA_LONG_UNALIGNED, i) != 0) {
                return false;
            }
        }
        for (; i < end; i++) {
            if (s.get(ValueLayout.JAVA_BYTE, i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Offset just past the last non-zero byte below {@code limit} (0 if all zero). */
    public static long nonZeroEnd(MemorySegment s, long limit) {
        long i = limit;
        while (i >= 8 && s.get(ValueLayout.JAVA_LONG_UNALIGNED, i - 8) == 0) {
            i -= 8;
        }
        while (i > 0 && s.get(ValueLayout.JAVA_BYTE, i - 1) == 0) {
            i--;
        }
        return i;
    }
}
