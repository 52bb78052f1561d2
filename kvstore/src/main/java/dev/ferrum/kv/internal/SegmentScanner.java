/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Walks the records of a segment in file order from {@link SegmentHeader#BYTES}, checking each one's
 * salt, framing and CRC32C, and resynchronising after damage.
 *
 * <p>Resync accepts a frame only at a boundary it can prove: the frame must carry this segment's salt
 * (random per file, so bytes stored inside a value, which never know it, cannot pose as a record), pass
 * its CRC32C (which covers the salt), and have a sequence number strictly above the last valid record's
 * (records of a segment are written in sequence order, so an older-looking frame is not a boundary).
 *
 * <p>Outcome at the end of the data: if everything after the last valid record is zero, the segment
 * ended cleanly; if non-zero bytes follow and no valid record does, they are a torn tail.
 */
public final class SegmentScanner {

    /** Receives each valid record. */
    public interface Visitor {
        void record(long offset, long size, boolean tombstone);
    }

    /**
     * Result of a scan.
     *
     * @param validEnd     offset just past the last valid record
     * @param tailEnd      offset just past the last non-zero byte (tailEnd &gt; validEnd means a torn tail)
     * @param records      valid records visited
     * @param lastSequence sequence number of the last valid record (0 if none)
     */
    public record Result(long validEnd, long tailEnd, long records, long lastSequence) {
        public boolean tornTail() {
            return tailEnd > validEnd;
        }
    }

    /** A skipped damaged region: [offset, offset + bytes). */
    public record Damage(long offset, long bytes) {}

    private SegmentScanner() {}

    public static Result scan(
            MemorySegment s,
            long limit,
            int salt,
            int maxKeyBytes,
            int maxValueBytes,
            Visitor visitor,
            List<Damage> damage) {
        long pos = SegmentHeader.BYTES;
        long validEnd = pos;
        long records = 0;
        long lastSeq = 0;
        long nonZeroEnd = -1;
        while (pos < limit) {
            long size = Records.verify(s, pos, limit, salt, maxKeyBytes, maxValueBytes);
            if (size > 0 && Records.sequence(s, pos) > lastSeq) {
                visitor.record(pos, size, Records.isTombstone(s, pos));
                lastSeq = Records.sequence(s, pos);
                records++;
                pos += size;
                validEnd = pos;
                continue;
            }
            if (nonZeroEnd < 0) {
                nonZeroEnd = Math.max(SegmentHeader.BYTES, Records.nonZeroEnd(s, limit));
            }
            if (pos >= nonZeroEnd) {
                return new Result(validEnd, validEnd, records, lastSeq);
            }
            long next = resync(s, pos + 1, nonZeroEnd, salt, lastSeq, maxKeyBytes, maxValueBytes);
            if (next < 0) {
                return new Result(validEnd, nonZeroEnd, records, lastSeq);
            }
            damage.add(new Damage(pos, next - pos));
            pos = next;
        }
        return new Result(validEnd, validEnd, records, lastSeq);
    }

    private static long resync(
            MemorySegment s, long from, long end, int salt, long lastSeq, int maxKeyBytes, int maxValueBytes) {
        for (long q = from; q + Records.OVERHEAD_BYTES + 1 <= end; q++) {
            if (Records.salt(s, q) != salt || Records.sequence(s, q) <= lastSeq) {
                continue;
            }
            if (Records.verify(s, q, end, salt, maxKeyBytes, maxValueBytes) > 0) {
                return q;
            }
        }
        return -1;
    }
}
