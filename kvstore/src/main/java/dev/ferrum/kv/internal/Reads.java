/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import dev.ferrum.kv.CorruptRecordException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.zip.CRC32C;

/**
 * Copying a value out of a mapped segment for a lock-free reader, with an explicit outcome when the
 * segment was unmapped under it ({@link #GONE}: the caller looks the key up again; the index already
 * points at the compacted copy).
 *
 * <p>Why a reader can meet an unmapped segment at all: a plain {@code get} holds no guard (that would
 * cost every read an atomic update of a shared counter), so the compactor may unmap a retired segment
 * between the reader's index lookup and its copy. The shared arena makes that access fail with
 * IllegalStateException instead of faulting; it is caught here, at the one place such a copy happens,
 * and returned as {@link #GONE}. Nothing above this class sees the exception.
 */
public final class Reads {

    /** Result of {@link #copyValue}: the segment went away, look again (compared by identity). */
    public static final byte[] GONE = new byte[0];

    /** Result of {@code copyInto}/{@code valueLength}: the segment went away, look again. */
    public static final int GONE_LENGTH = Integer.MIN_VALUE;

    private Reads() {}

    /** The record's value as a new array, CRC-checked if asked; {@link #GONE} if unmapped meanwhile. */
    public static byte[] copyValue(SegmentTable table, long loc, byte[] key, boolean verify) {
        MemorySegment s = table.resolve(loc);
        if (s == null) {
            return GONE;
        }
        long rec = HashIndex.offset(loc);
        try {
            int vlen = Records.valueLength(s, rec);
            if (vlen < 0 || rec + Records.size(key.length, vlen) > s.byteSize()) {
                throw corrupt(table, loc, "value length " + vlen + " out of range");
            }
            byte[] value = new byte[vlen];
            MemorySegment.copy(s, ValueLayout.JAVA_BYTE, rec + Records.HEADER_BYTES + key.length, value, 0, vlen);
            // CRC over exactly the bytes handed out (after the copy: no check-then-use gap)
            if (verify && !Records.crcMatches(s, rec, key, value, vlen, new CRC32C())) {
                throw corrupt(table, loc, "CRC32C mismatch");
            }
            return value;
        } catch (IllegalStateException closedScope) {
            return GONE;
        }
    }

    /** Copies the value into {@code target}; its length, or {@link #GONE_LENGTH}. */
    public static int copyInto(SegmentTable table, long loc, MemorySegment target, boolean verify) {
        MemorySegment s = table.resolve(loc);
        if (s == null) {
            return GONE_LENGTH;
        }
        long rec = HashIndex.offset(loc);
        try {
            int vlen = checkedValueLength(table, s, loc, verify);
            if (target.byteSize() < vlen) {
                throw new IllegalArgumentException(
                        "target of " + target.byteSize() + " bytes is too small for a " + vlen + "-byte value");
            }
            MemorySegment.copy(s, Records.valueOffset(s, rec), target, 0, vlen);
            return vlen;
        } catch (IllegalStateException closedScope) {
            return GONE_LENGTH;
        }
    }

    /**
     * Validates the record (bounds and, if asked, CRC) and returns its value length. For callers that
     * hold a guard (no unmap can happen), or inside the catch above.
     */
    public static int checkedValueLength(SegmentTable table, MemorySegment s, long loc, boolean verify) {
        long rec = HashIndex.offset(loc);
        int klen = Records.keyLength(s, rec);
        int vlen = Records.valueLength(s, rec);
        if (vlen < 0 || klen < 1 || rec + Records.size(klen, vlen) > s.byteSize()) {
            throw corrupt(table, loc, "lengths out of range");
        }
        if (verify) {
            CRC32C crc = new CRC32C();
            long body = Records.HEADER_BYTES + (long) klen + vlen;
            crc.update(s.asSlice(rec, body).asByteBuffer());
            if ((int) crc.getValue() != Records.storedCrc(s, rec + body)) {
                throw corrupt(table, loc, "CRC32C mismatch");
            }
        }
        return vlen;
    }

    public static CorruptRecordException corrupt(SegmentTable table, long loc, String why) {
        Segment seg = table.segment(loc);
        return new CorruptRecordException("record at offset " + HashIndex.offset(loc) + " of "
                + (seg == null ? "a retired segment" : seg.path) + " is corrupt: " + why);
    }
}
