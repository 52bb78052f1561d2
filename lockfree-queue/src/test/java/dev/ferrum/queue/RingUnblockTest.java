/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A producer that dies between claiming space and publishing its record: the consumer is blocked at it,
 * {@link MpscRingBuffer#unblock()} lets it past, and later messages flow. In process (a claim never
 * published, or a CAS on tail with nothing written after it) and with a child JVM killed after claiming.
 * Also: a file whose owner process was killed is refused by {@code open} and readable with {@code openStale}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RingUnblockTest {

    static final long TAIL = 1024, HEAD_CACHE = TAIL + 128, HEAD = TAIL + 256;

    @TempDir
    Path dir;

    private static boolean write(RingBuffer ring, int value) {
        return ring.write(1, MemorySegment.ofArray(new int[] {value, value, value}));
    }

    private static List<Integer> readAll(RingBuffer ring) {
        List<Integer> values = new ArrayList<>();
        ring.read((type, buffer, offset, length) -> values.add(buffer.get(ValueLayout.JAVA_INT_UNALIGNED, offset)));
        return values;
    }

    @Test
    void aClaimNeverPublishedBlocksUntilUnblock() {
        try (Arena arena = Arena.ofConfined()) {
            MpscRingBuffer ring = new MpscRingBuffer(arena.allocate(RingBuffer.bytesFor(1024), 8));
            assertThat(ring.unblock()).as("empty: nothing to unblock").isFalse();
            assertThat(write(ring, 1)).isTrue();
            assertThat(ring.unblock()).as("a published record is not blocking").isFalse();
            assertThat(ring.claim(8 + 24)).isEqualTo(24); // a producer claims and dies
            for (int i = 2; i <= 4; i++) {
                assertThat(write(ring, i)).isTrue();
            }
            assertThat(readAll(ring)).containsExactly(1);
            assertThat(readAll(ring))
                    .as("blocked at the dead producer's record")
                    .isEmpty();
            assertThat(ring.size()).isPositive();
            assertThat(ring.unblock()).isTrue();
            assertThat(readAll(ring)).containsExactly(2, 3, 4);
            assertThat(ring.size()).isZero();
            flowsAfterwards(ring);
        }
    }

    @Test
    void aProducerDeadRightAfterItsCasIsSkippedUpToTheNextRecord() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(RingBuffer.bytesFor(1024), 8);
            MpscRingBuffer ring = new MpscRingBuffer(segment);
            segment.set(ValueLayout.JAVA_LONG, TAIL, 40); // claimed [0, 40), not even the marker written
            assertThat(write(ring, 5)).isTrue();
            assertThat(readAll(ring)).isEmpty();
            assertThat(ring.unblock()).isTrue();
            assertThat(readAll(ring)).containsExactly(5);
            flowsAfterwards(ring);
        }
    }

    @Test
    void aDeadClaimRunningPastTheEndIsSkippedInTwoSteps() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(RingBuffer.bytesFor(1024), 8);
            long start = 1024 - 16; // 16 bytes to the end of the ring
            for (long offset : new long[] {TAIL, HEAD_CACHE, HEAD}) {
                segment.set(ValueLayout.JAVA_LONG, offset, start);
            }
            MpscRingBuffer ring = new MpscRingBuffer(segment);
            segment.set(ValueLayout.JAVA_LONG, TAIL, start + 16 + 32); // padding + a 32-byte record at 0: all lost
            assertThat(write(ring, 6)).isTrue();
            assertThat(readAll(ring)).isEmpty();
            assertThat(ring.unblock())
                    .as("the zeroed claim to the end becomes a gap")
                    .isTrue();
            assertThat(readAll(ring)).isEmpty();
            assertThat(ring.unblock()).as("then the record at 0").isTrue();
            assertThat(readAll(ring)).containsExactly(6);
            flowsAfterwards(ring);
        }
    }

    @Test
    void anUnrecognisableStretchIsNotUnblocked() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(RingBuffer.bytesFor(1024), 8);
            MpscRingBuffer ring = new MpscRingBuffer(segment);
            segment.set(ValueLayout.JAVA_LONG, TAIL, 64);
            segment.set(ValueLayout.JAVA_INT, 12, 99); // a stray non-zero type word, no header in front of it
            assertThat(ring.unblock()).isFalse();
            assertThat(readAll(ring)).isEmpty();
        }
    }

    /** Many laps through the 1 KiB ring after the unblock: nothing lost, nothing extra. */
    private static void flowsAfterwards(MpscRingBuffer ring) {
        List<Integer> got = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            assertThat(write(ring, 1_000 + i)).isTrue();
            got.addAll(readAll(ring));
        }
        assertThat(got).hasSize(1_000).first().isEqualTo(1_000);
        assertThat(got).last().isEqualTo(1_999);
        assertThat(ring.unblock()).isFalse();
    }

    @Test
    void aKilledProducerProcessBlocksTheConsumerUntilUnblock() throws Exception {
        Path file = dir.resolve("killed.ring");
        try (MappedRingBuffer mapped = MappedRingBuffer.create(file, 1024, MappedRingBuffer.Kind.MPSC)) {
            MpscRingBuffer ring = (MpscRingBuffer) mapped.ring();
            assertThat(write(ring, 1)).isTrue();
            Process child = RingChild.start("claim", file.toString());
            try {
                String line = new String(child.getInputStream().readNBytes("claimed 24".length()));
                assertThat(line).isEqualTo("claimed 24");
            } finally {
                child.destroyForcibly();
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            for (int i = 2; i <= 4; i++) {
                assertThat(write(ring, i)).isTrue();
            }
            assertThat(readAll(ring)).containsExactly(1);
            long stuckSince = System.nanoTime();
            long consumed = ring.consumedBytes();
            while (System.nanoTime() - stuckSince < TimeUnit.MILLISECONDS.toNanos(200)) { // the consumer's timeout
                assertThat(readAll(ring))
                        .as("stuck behind the killed producer's claim")
                        .isEmpty();
                Thread.sleep(10);
            }
            assertThat(ring.consumedBytes()).isEqualTo(consumed);
            assertThat(ring.unblock()).isTrue();
            assertThat(readAll(ring)).containsExactly(2, 3, 4);
            flowsAfterwards(ring);
        }
    }

    @Test
    void aFileWhoseOwnerWasKilledIsStale() throws Exception {
        Path file = dir.resolve("orphan.ring");
        Process child = RingChild.start("own", file.toString());
        String epoch;
        try {
            String line = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream())).readLine();
            assertThat(line).startsWith("created ");
            epoch = line.substring("created ".length());
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> MappedRingBuffer.open(file))
                .isInstanceOf(StaleRingFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(
                        "owner process " + child.pid() + " (pid at header offset 40) is no longer running");
        try (MappedRingBuffer stale = MappedRingBuffer.openStale(file)) {
            assertThat(stale.isStale()).isTrue();
            assertThat(Long.toString(stale.epoch())).isEqualTo(epoch);
            List<Integer> types = new ArrayList<>();
            assertThat(stale.ring().read((type, buffer, offset, length) -> types.add(type)))
                    .isEqualTo(1);
            assertThat(types).containsExactly(7);
        }
    }
}
