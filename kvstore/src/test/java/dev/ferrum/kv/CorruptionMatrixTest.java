/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage done to a closed store's files, one kind per test, and what the next open makes of it. Each
 * case ends in one of three outcomes, tallied and printed at the end:
 * <ul>
 *   <li>DETECTED: the open fails with {@link CorruptStoreException}, or a read throws
 *       {@link CorruptRecordException}, or the damage is listed in the {@link RecoveryReport};</li>
 *   <li>HARMLESS: only a hint was damaged; it is rejected and the segment scanned, every value exact;</li>
 *   <li>SILENT: a wrong value, a resurrected key or an invented key is served with a clean report.
 *       The goal, asserted: zero.</li>
 * </ul>
 * The history written before the damage is known exactly (including overwrites and deletes), so a wrong
 * answer is always recognised: each key is checked against its latest value, never an older one.
 */
class CorruptionMatrixTest {

    enum Outcome {
        DETECTED,
        HARMLESS,
        SILENT
    }

    static final Map<String, Outcome> TALLY = new LinkedHashMap<>();

    @TempDir
    Path dir;

    static final int KEYS = 120;

    KvOptions options() {
        return KvOptions.builder(dir)
                .durability(Durability.NO_SYNC)
                .segmentBytes(4096)
                .maxKeyBytes(64)
                .maxValueBytes(1024)
                .build();
    }

    static byte[] key(int i) {
        return ("key-" + i).getBytes(UTF_8);
    }

    static byte[] value(int i, int version) {
        return ("value-" + i + "-v" + version + "-" + "x".repeat(30)).getBytes(UTF_8);
    }

    /** Expected state: key i holds version 2 if i % 3 == 0, is deleted if i % 7 == 0, else version 1. */
    static byte[] expected(int i) {
        if (i % 7 == 0) {
            return null;
        }
        return value(i, i % 3 == 0 ? 2 : 1);
    }

    void fill() {
        try (KvStore kv = KvStore.open(options())) {
            for (int i = 0; i < KEYS; i++) {
                kv.put(key(i), value(i, 1));
            }
            for (int i = 0; i < KEYS; i++) {
                if (i % 3 == 0) {
                    kv.put(key(i), value(i, 2));
                }
                if (i % 7 == 0) {
                    kv.delete(key(i));
                }
            }
        }
    }

    List<Path> segments() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
    }

    static Path hintOf(Path seg) {
        return Path.of(seg.toString().replace(".seg", ".hint"));
    }

    /** Opens after the damage and classifies the outcome; records it under {@code name}. */
    Outcome check(String name) {
        Outcome o;
        try (KvStore kv = KvStore.open(options())) {
            RecoveryReport r = kv.recoveryReport();
            boolean readFailed = false;
            boolean wrong = false;
            for (int i = 0; i < KEYS; i++) {
                try {
                    if (!Arrays.equals(kv.get(key(i)), expected(i))) {
                        wrong = true;
                    }
                } catch (CorruptRecordException e) {
                    readFailed = true;
                }
            }
            try {
                if (kv.get("phantom-admin".getBytes(UTF_8)) != null) {
                    wrong = true;
                }
            } catch (CorruptRecordException e) {
                readFailed = true;
            }
            if (readFailed || !r.clean()) {
                o = Outcome.DETECTED;
            } else if (wrong) {
                o = Outcome.SILENT;
            } else {
                o = r.hintsRejected() > 0
                                || r.segmentsFromHints() < r.segments() - 1
                                || r.interruptedCompactionFiles() > 0
                        ? Outcome.HARMLESS
                        : Outcome.SILENT; // damage that changed nothing observable at all is suspicious
            }
        } catch (CorruptStoreException e) {
            assertThat(e.getMessage()).contains("salvage");
            o = Outcome.DETECTED;
        }
        TALLY.put(name, o);
        System.out.println("corruption case " + name + ": " + o);
        return o;
    }

    static void flip(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ 0x04));
            one.rewind();
            ch.write(one, offset);
        }
    }

    static List<long[]> records(Path seg) throws IOException {
        return CorruptionTest.records(seg);
    }

    @Test
    void flipKeyByteInHintedSegment() throws IOException {
        fill();
        Path seg = segments().get(1);
        assertThat(hintOf(seg)).exists();
        long[] rec = records(seg).get(2);
        flip(seg, rec[0] + 21 + 1); // a key byte: "key-12" becomes another key
        assertThat(check("flip key byte in hinted segment")).isEqualTo(Outcome.DETECTED);
    }

    @Test
    void flipValueByteInHintedSegment() throws IOException {
        fill();
        Path seg = segments().get(0);
        long[] rec = records(seg).get(1); // key-1: still live (version 1)
        flip(seg, rec[0] + rec[1] - 8);
        assertThat(check("flip value byte in hinted segment")).isEqualTo(Outcome.DETECTED);
    }

    @Test
    void flipSequenceByteInHintedSegment() throws IOException {
        fill();
        Path seg = segments().get(2);
        long[] rec = records(seg).get(1);
        flip(seg, rec[0] + 5);
        assertThat(check("flip sequence byte in hinted segment")).isEqualTo(Outcome.DETECTED);
    }

    @Test
    void truncateSealedSegmentAtRecordBoundary() throws IOException {
        fill();
        Path seg = segments().get(1);
        List<long[]> recs = records(seg);
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
            ch.truncate(recs.get(recs.size() - 2)[0]);
        }
        assertThat(check("truncate sealed segment at a record boundary")).isEqualTo(Outcome.DETECTED);
    }

    @Test
    void zeroTailOfSealedSegmentAtRecordBoundary() throws IOException {
        fill();
        Path seg = segments().get(1);
        List<long[]> recs = records(seg);
        long from = recs.get(recs.size() - 2)[0];
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate((int) (4096 - from)), from);
        }
        Files.delete(hintOf(seg));
        assertThat(check("zero the tail of a sealed segment from a record boundary"))
                .isEqualTo(Outcome.DETECTED);
    }

    @Test
    void deleteSealedSegment() throws IOException {
        fill();
        Path seg = segments().get(1);
        Files.delete(seg);
        Files.delete(hintOf(seg));
        assertThat(check("delete a sealed segment (and its hint)")).isEqualTo(Outcome.DETECTED);
    }

    @Test
    void deleteActiveSegment() throws IOException {
        fill();
        Files.delete(segments().get(segments().size() - 1));
        assertThat(check("delete the active segment")).isEqualTo(Outcome.DETECTED);
    }

    @Test
    void swapTwoSealedSegments() throws IOException {
        fill();
        Path a = segments().get(0);
        Path b = segments().get(2);
        Path t = dir.resolve("swap.tmp-file");
        Files.move(a, t);
        Files.move(b, a);
        Files.move(t, b);
        Path ha = hintOf(a);
        Path hb = hintOf(b);
        Files.move(ha, t);
        Files.move(hb, ha);
        Files.move(t, hb);
        assertThat(check("swap two sealed segments (with their hints)")).isEqualTo(Outcome.DETECTED);
    }

    @Test
    void replaceSealedSegmentWithAnOlderCopy() throws IOException {
        fill();
        Path seg = segments().get(0);
        Path copy = dir.resolve("old-copy.bin"); // not a segment name: ignored by the store
        Files.copy(seg, copy);
        try (KvStore kv = KvStore.open(options())) {
            kv.compact(); // rewrites everything: the first segment's name is gone, new files appear
            kv.put(key(1), value(1, 1));
        }
        Files.copy(copy, seg, StandardCopyOption.REPLACE_EXISTING); // an old file put back
        assertThat(check("put back a compacted-away segment file")).isIn(Outcome.DETECTED, Outcome.HARMLESS);
    }

    @Test
    void truncateHint() throws IOException {
        fill();
        Path hint = hintOf(segments().get(1));
        try (FileChannel ch = FileChannel.open(hint, StandardOpenOption.WRITE)) {
            ch.truncate(Files.size(hint) - 7);
        }
        assertThat(check("truncate a hint")).isEqualTo(Outcome.HARMLESS);
    }

    @Test
    void corruptHintEntryWithValidHintChecksum() throws IOException {
        fill();
        Path hint = hintOf(segments().get(1));
        byte[] h = Files.readAllBytes(hint);
        ByteBuffer b = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
        // entry 1's offset := entry 0's offset (an index pointing at the wrong record), CRC fixed up
        b.putLong(24 + 12, b.getLong(24));
        CRC32C crc = new CRC32C();
        crc.update(h, 0, h.length - 4);
        b.putInt(h.length - 4, (int) crc.getValue());
        Files.write(hint, h);
        assertThat(check("corrupt a hint entry (hint checksum recomputed)")).isEqualTo(Outcome.HARMLESS);
    }

    @Test
    void hintOfAnotherSegment() throws IOException {
        fill();
        Files.copy(hintOf(segments().get(0)), hintOf(segments().get(1)), StandardCopyOption.REPLACE_EXISTING);
        assertThat(check("hint of another segment")).isEqualTo(Outcome.HARMLESS);
    }

    @Test
    void flipBitInSegmentHeader() throws IOException {
        fill();
        flip(segments().get(1), 9);
        assertThat(check("flip a bit in a segment header")).isEqualTo(Outcome.DETECTED);
    }

    @Test
    void corruptManifest() throws IOException {
        fill();
        flip(dir.resolve("MANIFEST"), 30);
        assertThat(check("corrupt the manifest")).isEqualTo(Outcome.DETECTED);
    }

    @Test
    void deleteManifest() throws IOException {
        fill();
        Files.delete(dir.resolve("MANIFEST"));
        assertThat(check("delete the manifest")).isEqualTo(Outcome.DETECTED);
    }

    @Test
    void truncateActiveSegmentFile() throws IOException {
        fill();
        Path active = segments().get(segments().size() - 1);
        List<long[]> recs = records(active);
        try (FileChannel ch = FileChannel.open(active, StandardOpenOption.WRITE)) {
            ch.truncate(recs.get(recs.size() - 1)[0]);
        }
        assertThat(check("truncate the active segment at a record boundary")).isEqualTo(Outcome.DETECTED);
    }

    /**
     * A client stores a value that contains a complete serialized record for {@code phantom-admin}
     * (in the format-1 layout and in the format-2 layout with guessed salts); the write is then torn
     * (its CRC does not match). Recovery must not resync onto the embedded frame.
     */
    @Test
    void phantomRecordInsideATornValueIsNeverAccepted() throws IOException {
        fill();
        byte[] payload = phantomPayload();
        try (KvStore kv = KvStore.open(options())) {
            kv.put("innocent".getBytes(UTF_8), payload);
        }
        Path active = segments().get(segments().size() - 1);
        List<long[]> recs = records(active);
        long[] last = recs.get(recs.size() - 1);
        // tear the write: its last bytes (CRC and end of value) never reached the disk
        try (FileChannel ch = FileChannel.open(active, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(16), last[0] + last[1] - 16);
        }
        try (KvStore kv = KvStore.open(options())) {
            assertThat(kv.get("phantom-admin".getBytes(UTF_8))).isNull();
            assertThat(kv.get("innocent".getBytes(UTF_8))).isNull();
            assertThat(kv.recoveryReport().tornTailBytes()).isPositive();
            for (int i = 0; i < KEYS; i++) {
                assertThat(kv.get(key(i))).isEqualTo(expected(i));
            }
        }
        TALLY.put("phantom record inside a torn value", Outcome.DETECTED);
        System.out.println("corruption case phantom record inside a torn value: DETECTED (cut as torn tail)");
    }

    /** The phantom embedded in the middle of a sealed segment whose preceding record is damaged. */
    @Test
    void phantomRecordAfterMidSegmentDamageIsNeverAccepted() throws IOException {
        try (KvStore kv = KvStore.open(options())) {
            kv.put("before".getBytes(UTF_8), "x".getBytes(UTF_8));
            kv.put("carrier".getBytes(UTF_8), phantomPayload());
            kv.put("after".getBytes(UTF_8), "y".getBytes(UTF_8));
        }
        Path seg = segments().get(0);
        long[] carrier = records(seg).get(1);
        flip(seg, carrier[0] + 13); // the carrier's key length: scanning must resync past it
        try (KvStore kv = KvStore.open(KvOptions.builder(dir)
                .durability(Durability.NO_SYNC)
                .segmentBytes(4096)
                .maxKeyBytes(64)
                .maxValueBytes(1024)
                .salvage(true)
                .build())) {
            assertThat(kv.get("phantom-admin".getBytes(UTF_8))).isNull();
            assertThat(kv.get("before".getBytes(UTF_8))).isEqualTo("x".getBytes(UTF_8));
            assertThat(kv.get("after".getBytes(UTF_8))).isEqualTo("y".getBytes(UTF_8));
            assertThat(kv.recoveryReport().corruptions()).hasSize(1);
        }
        TALLY.put("phantom record after mid-segment damage", Outcome.DETECTED);
    }

    /** Serialized records for phantom-admin: format 1, and format 2 under several guessed salts. */
    static byte[] phantomPayload() {
        byte[] k = "phantom-admin".getBytes(UTF_8);
        byte[] v = "root".getBytes(UTF_8);
        ByteBuffer out = ByteBuffer.allocate(900).order(ByteOrder.LITTLE_ENDIAN);
        out.put("prefix:".getBytes(UTF_8));
        // format 1: klen, vlen, flags, key, value, crc
        int start = out.position();
        out.putInt(k.length).putInt(v.length).put((byte) 0).put(k).put(v);
        CRC32C c = new CRC32C();
        c.update(out.array(), start, out.position() - start);
        out.putInt((int) c.getValue());
        for (int salt : new int[] {1, -1, 0x12345678, 0x53564B46}) {
            for (long seq : new long[] {1L << 40, Long.MAX_VALUE - 1}) {
                start = out.position();
                out.putInt(salt)
                        .putLong(seq)
                        .putInt(k.length)
                        .putInt(v.length)
                        .put((byte) 0)
                        .put(k)
                        .put(v);
                c.reset();
                c.update(out.array(), start, out.position() - start);
                out.putInt((int) c.getValue());
            }
        }
        out.put(":suffix".getBytes(UTF_8));
        return Arrays.copyOf(out.array(), out.position());
    }

    @AfterAll
    static void printTally() {
        long detected =
                TALLY.values().stream().filter(o -> o == Outcome.DETECTED).count();
        long harmless =
                TALLY.values().stream().filter(o -> o == Outcome.HARMLESS).count();
        long silent = TALLY.values().stream().filter(o -> o == Outcome.SILENT).count();
        List<String> silentCases = new ArrayList<>();
        TALLY.forEach((k, v) -> {
            if (v == Outcome.SILENT) {
                silentCases.add(k);
            }
        });
        System.out.println("corruption matrix: " + TALLY.size() + " cases tried, " + detected + " detected, " + harmless
                + " harmless (bad hint rejected, exact data), " + silent + " silent " + silentCases);
    }
}
