/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Walks the records of a segment in file order, checking each one's framing and CRC32C, and
 * resynchronising after damage: the next valid record after a bad one is found by trying every later
 * offset whose header is plausible (lengths in range, record fits) and whose CRC matches.
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
     * @param validEnd  offset just past the last valid record
     * @param tailEnd   offset just past the last non-zero byte (tailEnd &gt; validEnd means a torn tail)
     * @param records   valid records visited
     */
    public record Result(long validEnd, long tailEnd, long records) {
        public boolean tornTail() {
            return tailEnd > validEnd;
        }
    }

    /** A skipped damaged region: [offset, offset + bytes). */
    public record Damage(long offset, long bytes) {}

    private SegmentScanner() {}

    public static Result scan(
            MemorySegment s, long limit, int maxKeyBytes, int maxValueBytes, Visitor visitor, List<Damage> damage) {
        long pos = 0;
        long validEnd = 0;
        long records = 0;
        long nonZeroEnd = -1;
        while (pos < limit) {
            long size = Records.verify(s, pos, limit, maxKeyBytes, maxValueBytes);
            if (size > 0) {
                visitor.record(pos, size, Records.isTombstone(s, pos));
                records++;
                pos += size;
                validEnd = pos;
                continue;
            }
            if (nonZeroEnd < 0) {
                nonZeroEnd = Records.nonZeroEnd(s, limit);
            }
            if (pos >= nonZeroEnd) {
                return new Result(validEnd, validEnd, records);
            }
            long next = resync(s, pos + 1, nonZeroEnd, maxKeyBytes, maxValueBytes);
            if (next < 0) {
                return new Result(validEnd, nonZeroEnd, records);
            }
            damage.add(new Damage(pos, next - pos));
            pos = next;
        }
        return new Result(validEnd, validEnd, records);
    }

    private static long resync(MemorySegment s, long from, long end, int maxKeyBytes, int maxValueBytes) {
        for (long q = from; q + Records.OVERHEAD_BYTES + 1 <= end; q++) {
            int klen = Records.keyLength(s, q);
            if (klen < 1 || klen > maxKeyBytes) {
                continue;
            }
            int vlen = Records.valueLength(s, q);
            if (vlen < 0 || vlen > maxValueBytes || q + Records.size(klen, vlen) > end) {
                continue;
            }
            if (Records.verify(s, q, end, maxKeyBytes, maxValueBytes) > 0) {
                return q;
            }
        }
        return -1;
    }
}
