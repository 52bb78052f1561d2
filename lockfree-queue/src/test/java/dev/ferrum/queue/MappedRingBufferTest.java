/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MappedRingBuffer}: file format, validation, and two mappings of one file in one process. */
class MappedRingBufferTest {

    @TempDir
    Path dir;

    @Test
    void twoMappingsOfOneFileShareTheRing() throws Exception {
        Path file = dir.resolve("a.ring");
        try (MappedRingBuffer producer = MappedRingBuffer.create(file, 4096, MappedRingBuffer.Kind.SPSC);
                MappedRingBuffer consumer = MappedRingBuffer.open(file)) {
            assertThat(Files.size(file)).isEqualTo(4096 + 4096 + 512);
            assertThat(consumer.kind()).isEqualTo(MappedRingBuffer.Kind.SPSC);
            assertThat(consumer.ring()).isInstanceOf(SpscRingBuffer.class);
            assertThat(consumer.ring().capacity()).isEqualTo(4096);
            for (int i = 0; i < 1000; i++) { // many laps of a 4 KiB ring
                assertThat(producer.ring().write(1 + i % 3, MemorySegment.ofArray(new byte[] {(byte) i, 2, 3})))
                        .isTrue();
                int[] got = {0};
                int expected = i;
                assertThat(consumer.ring().read((t, b, o, l) -> {
                            assertThat(t).isEqualTo(1 + expected % 3);
                            assertThat(b.get(java.lang.foreign.ValueLayout.JAVA_BYTE, o))
                                    .isEqualTo((byte) expected);
                            got[0]++;
                        }))
                        .isEqualTo(1);
            }
            assertThat(producer.toString())
                    .contains("SPSC")
                    .contains(file.getFileName().toString());
        }
        try (MappedRingBuffer reopened = MappedRingBuffer.open(file)) {
            assertThat(reopened.ring().consumedBytes())
                    .as("state lives in the file")
                    .isPositive()
                    .isEqualTo(reopened.ring().producedBytes());
        }
    }

    @Test
    void kindIsRecordedInTheFile() throws Exception {
        Path file = dir.resolve("m.ring");
        MappedRingBuffer.create(file, 1024, MappedRingBuffer.Kind.MPSC).close();
        try (MappedRingBuffer m = MappedRingBuffer.open(file)) {
            assertThat(m.kind()).isEqualTo(MappedRingBuffer.Kind.MPSC);
            assertThat(m.ring()).isInstanceOf(MpscRingBuffer.class);
            assertThat(m.file()).isEqualTo(file);
        }
        assertThat(Files.list(dir)).as("no temporary file left behind").containsExactly(file);
    }

    @Test
    void createRefusesAnExistingFileAndABadCapacity() throws Exception {
        Path file = dir.resolve("x.ring");
        Files.writeString(file, "precious");
        assertThatThrownBy(() -> MappedRingBuffer.create(file, 1024, MappedRingBuffer.Kind.SPSC))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("precious");
        assertThatThrownBy(() -> MappedRingBuffer.create(dir.resolve("y.ring"), 1000, MappedRingBuffer.Kind.SPSC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 1000");
    }

    @Test
    void wrongFilesAreRejectedWithTheReason() throws Exception {
        Path small = dir.resolve("small");
        Files.writeString(small, "not a ring");
        assertThatThrownBy(() -> MappedRingBuffer.open(small))
                .isInstanceOf(InvalidRingFileException.class)
                .hasMessageContaining(small.toString())
                .hasMessageContaining("smaller than the 4096-byte");

        Path zeros = dir.resolve("zeros");
        try (RandomAccessFile f = new RandomAccessFile(zeros.toFile(), "rw")) {
            f.setLength(MappedRingBuffer.fileBytes(1024));
        }
        assertThatThrownBy(() -> MappedRingBuffer.open(zeros))
                .isInstanceOf(InvalidRingFileException.class)
                .hasMessageContaining("not a ring buffer file (magic 0x0");

        Path good = dir.resolve("good.ring");
        MappedRingBuffer.create(good, 1024, MappedRingBuffer.Kind.SPSC).close();
        Path truncated = Files.copy(good, dir.resolve("truncated.ring"));
        try (FileChannel ch = FileChannel.open(truncated, StandardOpenOption.WRITE)) {
            ch.truncate(MappedRingBuffer.fileBytes(1024) - 8);
        }
        assertThatThrownBy(() -> MappedRingBuffer.open(truncated))
                .isInstanceOf(InvalidRingFileException.class)
                .hasMessageContaining("needs a 5632-byte file")
                .hasMessageContaining("file has 5624 bytes");

        assertThatThrownBy(() -> MappedRingBuffer.open(patched(good, "v3.ring", 8, 3)))
                .isInstanceOf(InvalidRingFileException.class)
                .hasMessageContaining("version 3");
        assertThatThrownBy(() -> MappedRingBuffer.open(patched(good, "v1.ring", 8, 1)))
                .isInstanceOf(InvalidRingFileException.class)
                .hasMessageContaining("version 1 (written by an older Ferrum")
                .hasMessageContaining("Create a new file");
        assertThatThrownBy(() -> MappedRingBuffer.open(patched(good, "kind.ring", 12, 9)))
                .isInstanceOf(InvalidRingFileException.class)
                .hasMessageContaining("unknown ring kind 9");
        assertThatThrownBy(() -> MappedRingBuffer.open(patched(good, "cap.ring", 16, 1000)))
                .isInstanceOf(InvalidRingFileException.class)
                .hasMessageContaining("capacity 1000 is not a power of two");
        assertThatThrownBy(() -> MappedRingBuffer.open(patched(good, "cap2.ring", 16, 2048)))
                .isInstanceOf(InvalidRingFileException.class)
                .hasMessageContaining("capacity 2048 needs a");
    }

    /** A copy of {@code source} with the little-endian int at {@code offset} replaced. */
    private Path patched(Path source, String name, int offset, int value) throws Exception {
        Path copy = Files.copy(source, dir.resolve(name));
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, value), offset);
        }
        return copy;
    }

    @Test
    void closedMappingFailsCleanly() throws Exception {
        MappedRingBuffer m = MappedRingBuffer.create(dir.resolve("c.ring"), 1024, MappedRingBuffer.Kind.SPSC);
        RingBuffer ring = m.ring();
        m.close();
        assertThatThrownBy(() -> ring.read((t, b, o, l) -> {})).isInstanceOf(IllegalStateException.class);
    }

    /** A copy of {@code source} with the little-endian long at {@code offset} replaced. */
    private Path patchedLong(Path source, String name, long offset, long value) throws Exception {
        Path copy = Files.copy(source, dir.resolve(name));
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, value), offset);
        }
        return copy;
    }

    /** File offsets of the ring's counters, for a ring of capacity 1024 (trailer right after the data). */
    static final long TAIL = 4096 + 1024, HEAD_CACHE = TAIL + 128, HEAD = TAIL + 256;

    /**
     * Counters no producer and consumer can leave are refused on open, saying what and where: before, a ring
     * with {@code tail - head > capacity} opened and deadlocked (no room ever), {@code head > tail} skipped
     * messages, and an unaligned head redelivered one message forever.
     */
    @Test
    void openRejectsInconsistentCounters() throws Exception {
        Path good = dir.resolve("counters.ring");
        MappedRingBuffer.create(good, 1024, MappedRingBuffer.Kind.MPSC).close();

        Path overfull = patchedLong(good, "overfull.ring", TAIL, 2048);
        assertThatThrownBy(() -> MappedRingBuffer.open(overfull))
                .isInstanceOf(InvalidRingFileException.class)
                .hasMessageContaining(overfull.toString())
                .hasMessageContaining("tail 2048 - head 0 = 2048 exceeds the capacity 1024")
                .hasMessageContaining("trailer at file offset 5120");

        Path behind = patchedLong(patchedLong(good, "t.ring", TAIL, 64), "behind.ring", HEAD, 128);
        assertThatThrownBy(() -> MappedRingBuffer.open(behind))
                .isInstanceOf(InvalidRingFileException.class)
                .hasMessageContaining("head 128 is past tail 64");

        Path unaligned = patchedLong(patchedLong(good, "t2.ring", TAIL, 64), "unaligned.ring", HEAD, 12);
        assertThatThrownBy(() -> MappedRingBuffer.open(unaligned))
                .isInstanceOf(InvalidRingFileException.class)
                .hasMessageContaining("multiples of 8: head 12");

        Path cache = patchedLong(patchedLong(good, "t3.ring", TAIL, 64), "cache.ring", HEAD_CACHE, 32);
        assertThatThrownBy(() -> MappedRingBuffer.open(cache))
                .isInstanceOf(InvalidRingFileException.class)
                .hasMessageContaining("head cache 32 is past head 0");

        Path negative = patchedLong(good, "negative.ring", HEAD, -8);
        assertThatThrownBy(() -> MappedRingBuffer.open(negative))
                .isInstanceOf(InvalidRingFileException.class)
                .hasMessageContaining("negative counter");

        // Consistent non-zero counters open fine: a ring in use, full to the brim.
        Path full = patchedLong(patchedLong(good, "t4.ring", TAIL, 1 << 20), "full.ring", HEAD, (1 << 20) - 1024);
        try (MappedRingBuffer m = MappedRingBuffer.open(full)) {
            assertThat(m.ring().size()).isEqualTo(1024);
        }
    }

    /** The same check guards a ring built over a plain segment. */
    @Test
    void ringOverASegmentWithInconsistentCountersIsRefused() {
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(RingBuffer.bytesFor(1024), 8);
            segment.set(java.lang.foreign.ValueLayout.JAVA_LONG, 1024, 4096); // tail 4096, head 0
            assertThatThrownBy(() -> new SpscRingBuffer(segment))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("inconsistent counters: tail 4096 - head 0 = 4096 exceeds");
        }
    }

    @Test
    void epochAndOwnerAreRecordedAndTheOwnerReleasedOnClose() throws Exception {
        Path file = dir.resolve("owned.ring");
        long epoch;
        try (MappedRingBuffer created = MappedRingBuffer.create(file, 1024, MappedRingBuffer.Kind.SPSC);
                MappedRingBuffer opened = MappedRingBuffer.open(file)) {
            epoch = created.epoch();
            assertThat(epoch).isNotZero().isEqualTo(opened.epoch());
            assertThat(opened.ownerPid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(opened.isStale()).isFalse();
        }
        try (MappedRingBuffer reopened = MappedRingBuffer.open(file)) {
            assertThat(reopened.ownerPid())
                    .as("released by the creator's close")
                    .isZero();
            assertThat(reopened.epoch()).isEqualTo(epoch);
        }
        Files.delete(file);
        try (MappedRingBuffer again = MappedRingBuffer.create(file, 1024, MappedRingBuffer.Kind.SPSC)) {
            assertThat(again.epoch()).as("a new file at the same path").isNotEqualTo(epoch);
        }
        // An owner pid that no running process has (pids are below 2^22 on Linux): stale.
        Path dead = patchedLong(file, "dead.ring", 40, (1L << 40) + 17);
        assertThatThrownBy(() -> MappedRingBuffer.open(dead))
                .isInstanceOf(StaleRingFileException.class)
                .hasMessageContaining(dead.toString())
                .hasMessageContaining("owner process " + ((1L << 40) + 17))
                .hasMessageContaining("openStale");
        try (MappedRingBuffer stale = MappedRingBuffer.openStale(dead)) {
            assertThat(stale.isStale()).isTrue();
        }
        // Our own pid, its start instant seen 3 s off (the kernel's boot time moved with a clock correction
        // between two JVMs' reads): the same live owner, not stale.
        long ownStart =
                ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        Path drifted = patchedLong(
                patchedLong(file, "d.ring", 40, ProcessHandle.current().pid()), "drifted.ring", 48, ownStart - 3_000);
        try (MappedRingBuffer alive = MappedRingBuffer.open(drifted)) {
            assertThat(alive.isStale()).isFalse();
        }
        // Our own pid with another start time: the pid was reused, the owner is gone.
        Path reused = patchedLong(
                patchedLong(file, "r.ring", 40, ProcessHandle.current().pid()), "reused.ring", 48, 86_400_000L);
        assertThatThrownBy(() -> MappedRingBuffer.open(reused))
                .isInstanceOf(StaleRingFileException.class)
                .hasMessageContaining("now belongs to a process started at");
    }
}
