/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resync accepts only frames with the file's salt, a valid CRC and a sequence number above the last. */
class SegmentScannerTest {

    @TempDir
    Path dir;

    static long put(Segment seg, long off, long seq, String key, byte[] value) {
        return off
                + Records.write(
                        seg.writable(),
                        off,
                        seg.salt,
                        seq,
                        key.getBytes(UTF_8),
                        value,
                        false,
                        new CRC32C(),
                        new byte[Records.HEADER_BYTES]);
    }

    /** A complete record as bytes, with the given salt. */
    static byte[] frame(int salt, long seq, String key, byte[] value) throws Exception {
        Segment tmp = Segment.create(99, dir2(), "0000000000000009-0000.seg", 9, 0, 4096, false);
        try {
            long end = Records.write(
                    tmp.writable(),
                    64,
                    salt,
                    seq,
                    key.getBytes(UTF_8),
                    value,
                    false,
                    new CRC32C(),
                    new byte[Records.HEADER_BYTES]);
            return tmp.readable().asSlice(64, end).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        } finally {
            tmp.unmap();
            tmp.deleteFile();
        }
    }

    static Path scratch;

    static Path dir2() throws Exception {
        if (scratch == null) {
            scratch = java.nio.file.Files.createTempDirectory("scan-frames");
        }
        return scratch;
    }

    List<String> keys(Segment seg, long limit, List<SegmentScanner.Damage> damage) {
        List<String> keys = new ArrayList<>();
        MemorySegment m = seg.readable();
        SegmentScanner.scan(
                m,
                limit,
                seg.salt,
                64,
                2048,
                (off, size, tomb) -> {
                    int k = Records.keyLength(m, off);
                    keys.add(new String(
                            m.asSlice(Records.keyOffset(off), k).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE),
                            UTF_8));
                },
                damage);
        return keys;
    }

    @Test
    void embeddedFramesWithoutTheSaltOrWithAnOldSequenceAreNeverAccepted() throws Exception {
        Segment seg = Segment.create(1, dir, "0000000000000001-0000.seg", 1, 0, 8192, false);
        try {
            byte[] foreign = frame(seg.salt ^ 0x5a5a5a5a, 1000, "phantom-admin", "root".getBytes(UTF_8));
            byte[] oldSeq = frame(seg.salt, 1, "phantom-old", "root".getBytes(UTF_8)); // right salt, stale seq
            byte[] carrier = new byte[foreign.length + oldSeq.length + 10];
            System.arraycopy(foreign, 0, carrier, 5, foreign.length);
            System.arraycopy(oldSeq, 0, carrier, 5 + foreign.length, oldSeq.length);
            long off = put(seg, SegmentHeader.BYTES, 10, "a", "x".getBytes(UTF_8));
            long carrierAt = off;
            off = put(seg, off, 11, "carrier", carrier);
            off = put(seg, off, 12, "b", "y".getBytes(UTF_8));
            // damage the carrier's header: the scan must resync through its value
            seg.writable().set(Records.INT_LE, carrierAt + 12, 9999);
            List<SegmentScanner.Damage> damage = new ArrayList<>();
            assertThat(keys(seg, seg.capacity, damage)).containsExactly("a", "b");
            assertThat(damage).hasSize(1);
            assertThat(damage.get(0).offset()).isEqualTo(carrierAt);
        } finally {
            seg.unmap();
        }
    }

    @Test
    void aTornTailWithAnEmbeddedFrameIsCutNotResynced() throws Exception {
        Segment seg = Segment.create(1, dir, "0000000000000001-0000.seg", 1, 0, 8192, false);
        try {
            byte[] foreign = frame(0x12345678, 1L << 40, "phantom-admin", "root".getBytes(UTF_8));
            long off = put(seg, SegmentHeader.BYTES, 1, "a", "x".getBytes(UTF_8));
            long carrierAt = off;
            long end = put(seg, off, 2, "carrier", foreign);
            seg.writable().asSlice(end - 4, 4).fill((byte) 0); // CRC never written
            SegmentScanner.Result r = SegmentScanner.scan(
                    seg.readable(), seg.capacity, seg.salt, 64, 2048, (o, s, t) -> {}, new ArrayList<>());
            assertThat(r.validEnd()).isEqualTo(carrierAt);
            assertThat(r.tornTail()).isTrue();
            assertThat(r.lastSequence()).isEqualTo(1);
        } finally {
            seg.unmap();
        }
    }
}
