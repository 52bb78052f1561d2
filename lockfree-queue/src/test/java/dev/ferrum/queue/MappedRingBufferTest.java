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

        assertThatThrownBy(() -> MappedRingBuffer.open(patched(good, "v2.ring", 8, 2)))
                .isInstanceOf(InvalidRingFileException.class)
                .hasMessageContaining("version 2");
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
}
