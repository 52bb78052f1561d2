/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bit flips and truncation of segment files are detected: never served, reported, the rest survives. */
class CorruptionTest {

    @TempDir
    Path dir;

    KvOptions options() {
        return KvOptions.builder(dir)
                .durability(Durability.NO_SYNC)
                .segmentBytes(4096)
                .maxKeyBytes(64)
                .maxValueBytes(512)
                .build();
    }

    static byte[] key(int i) {
        return ("key-" + i).getBytes(UTF_8);
    }

    static byte[] value(int i) {
        return ("value-" + i + "-" + "v".repeat(40)).getBytes(UTF_8);
    }

    void fill(int n) {
        try (KvStore kv = KvStore.open(options())) {
            for (int i = 0; i < n; i++) {
                kv.put(key(i), value(i));
            }
        }
    }

    List<Path> segments() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".seg")).sorted().toList();
        }
    }

    /** Offsets and sizes of the records in a segment file, walking the headers (format 2). */
    static List<long[]> records(Path seg) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(seg)).order(ByteOrder.LITTLE_ENDIAN);
        List<long[]> out = new ArrayList<>();
        int pos = 64;
        while (pos + 25 <= b.limit()) {
            if (b.getInt(pos) == 0) {
                break;
            }
            int k = b.getInt(pos + 12);
            int v = b.getInt(pos + 16);
            out.add(new long[] {pos, 25 + k + v});
            pos += 25 + k + v;
        }
        return out;
    }

    static void flipBit(Path file, long offset, int bit) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, offset);
            one.put(0, (byte) (one.get(0) ^ (1 << bit)));
            one.rewind();
            ch.write(one, offset);
        }
    }

    static String keyAt(Path seg, long recordOffset) throws IOException {
        byte[] all = Files.readAllBytes(seg);
        int k = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).getInt((int) recordOffset + 12);
        return new String(all, (int) recordOffset + 21, k, UTF_8);
    }

    @Test
    void flippedValueBitIsReportedOnReadAndNeverServed() throws IOException {
        fill(200);
        Path first = segments().get(0);
        long[] rec = records(first).get(5);
        String victim = keyAt(first, rec[0]);
        flipBit(first, rec[0] + rec[1] - 10, 3); // inside the value
        try (KvStore kv = KvStore.open(options())) {
            assertThatThrownBy(() -> kv.get(victim.getBytes(UTF_8)))
                    .isInstanceOf(CorruptRecordException.class)
                    .hasMessageContaining("CRC32C mismatch")
                    .hasMessageContaining(first.getFileName().toString());
            assertThat(kv.get(key(150))).isEqualTo(value(150));
        }
    }

    @Test
    void flippedBitInTheMiddleIsSkippedAtRecoveryAndTheRestSurvives() throws IOException {
        fill(200);
        for (Path p : segments()) {
            Files.deleteIfExists(Path.of(p.toString().replace(".seg", ".hint"))); // force a scan
        }
        Path second = segments().get(1);
        List<long[]> recs = records(second);
        long[] rec = recs.get(recs.size() / 2);
        String victim = keyAt(second, rec[0]);
        flipBit(second, rec[0] + 13, 6); // in the key length: framing itself is damaged
        assertThatThrownBy(() -> KvStore.open(options()))
                .isInstanceOf(CorruptStoreException.class)
                .hasMessageContaining(second.getFileName().toString());
        try (KvStore kv = KvStore.open(KvOptions.builder(dir)
                .durability(Durability.NO_SYNC)
                .segmentBytes(4096)
                .maxKeyBytes(64)
                .maxValueBytes(512)
                .salvage(true)
                .build())) {
            RecoveryReport r = kv.recoveryReport();
            assertThat(r.corruptions()).hasSize(1);
            assertThat(r.corruptions().get(0).file())
                    .isEqualTo(second.getFileName().toString());
            assertThat(r.corruptions().get(0).offset()).isEqualTo(rec[0]);
            assertThat(r.corruptions().get(0).bytesSkipped()).isEqualTo(rec[1]);
            assertThat(kv.get(victim.getBytes(UTF_8))).isNull();
            assertThat(kv.size()).isEqualTo(199);
            for (int i = 0; i < 200; i++) {
                if (!("key-" + i).equals(victim)) {
                    assertThat(kv.get(key(i))).as("key %d", i).isEqualTo(value(i));
                }
            }
        }
    }

    @Test
    void tornTailIsTruncatedAndLaterWritesRecoverCleanly() throws IOException {
        fill(20);
        Path active = segments().get(segments().size() - 1);
        List<long[]> recs = records(active);
        long end = recs.get(recs.size() - 1)[0] + recs.get(recs.size() - 1)[1];
        try (FileChannel ch = FileChannel.open(active, StandardOpenOption.WRITE)) {
            // a record whose header and half its key made it to disk
            ByteBuffer torn = ByteBuffer.allocate(26).order(ByteOrder.LITTLE_ENDIAN);
            torn.putInt(ByteBuffer.wrap(Files.readAllBytes(active))
                            .order(ByteOrder.LITTLE_ENDIAN)
                            .getInt(64)) // the segment's salt
                    .putLong(1000)
                    .putInt(10)
                    .putInt(100)
                    .put((byte) 0)
                    .put("abcde".getBytes(UTF_8))
                    .flip();
            ch.write(torn, end);
        }
        try (KvStore kv = KvStore.open(options())) {
            assertThat(kv.recoveryReport().tornTailBytes()).isEqualTo(26);
            assertThat(kv.recoveryReport().corruptions()).isEmpty();
            assertThat(kv.size()).isEqualTo(20);
            kv.put("after".getBytes(UTF_8), "x".getBytes(UTF_8));
        }
        try (KvStore kv = KvStore.open(options())) {
            assertThat(kv.recoveryReport().tornTailBytes()).isZero();
            assertThat(kv.recoveryReport().corruptions()).isEmpty();
            assertThat(kv.get("after".getBytes(UTF_8))).isEqualTo("x".getBytes(UTF_8));
            assertThat(kv.get(key(19))).isEqualTo(value(19));
        }
    }

    @Test
    void truncatedSealedSegmentIsRefusedAndSalvageLosesOnlyTheCutRecords() throws IOException {
        fill(200);
        Path first = segments().get(0);
        List<long[]> recs = records(first);
        long[] cut = recs.get(recs.size() - 3);
        try (FileChannel ch = FileChannel.open(first, StandardOpenOption.WRITE)) {
            ch.truncate(cut[0] + cut[1] / 2);
        }
        assertThatThrownBy(() -> KvStore.open(options()))
                .isInstanceOf(CorruptStoreException.class)
                .hasMessageContaining("TRUNCATED");
        try (KvStore kv = KvStore.open(KvOptions.builder(dir)
                .durability(Durability.NO_SYNC)
                .segmentBytes(4096)
                .maxKeyBytes(64)
                .maxValueBytes(512)
                .salvage(true)
                .build())) {
            RecoveryReport r = kv.recoveryReport();
            assertThat(r.segmentProblems())
                    .extracting(RecoveryReport.SegmentProblem::kind)
                    .contains(RecoveryReport.SegmentProblem.Kind.TRUNCATED);
            assertThat(kv.size()).isEqualTo(200 - 3);
            assertThat(kv.get(key(0))).isEqualTo(value(0));
            assertThat(kv.get(key(199))).isEqualTo(value(199));
        }
        try (KvStore kv = KvStore.open(options())) {
            assertThat(kv.recoveryReport().clean())
                    .as("salvage rewrote the manifest")
                    .isTrue();
            assertThat(kv.size()).isEqualTo(200 - 3);
        }
    }

    @Test
    void corruptHintFileFallsBackToScanning() throws IOException {
        fill(200);
        Path hint = Path.of(segments().get(0).toString().replace(".seg", ".hint"));
        assertThat(hint).exists();
        flipBit(hint, 30, 1);
        try (KvStore kv = KvStore.open(options())) {
            assertThat(kv.recoveryReport().segmentsFromHints())
                    .isEqualTo(kv.recoveryReport().segments() - 2);
            assertThat(kv.recoveryReport().clean()).isTrue();
            assertThat(kv.size()).isEqualTo(200);
            for (int i = 0; i < 200; i++) {
                assertThat(kv.get(key(i))).isEqualTo(value(i));
            }
        }
    }
}
