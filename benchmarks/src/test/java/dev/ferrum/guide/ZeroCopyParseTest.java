/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrum.parser.CaptureReader;
import dev.ferrum.parser.MalformedCaptureException;
import dev.ferrum.parser.Packet;
import dev.ferrum.parser.ParseMode;
import dev.ferrum.parser.internal.CaptureGenerator;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lifetimes tied to a buffer (seed Project 7, the zero-copy parser). Rust's {@code Packet<'a>} borrows the
 * input slice, so the compiler proves no view outlives the buffer. Here the file is one memory mapping owned
 * by an {@link Arena}; every view is a flyweight re-pointed at the next record, and the arena's scope is the
 * lifetime: after {@code close()} a view that escaped throws instead of reading unmapped memory.
 */
class ZeroCopyParseTest {

    @TempDir
    Path dir;

    @Test
    void countTcpPacketsOfAGeneratedCaptureInPlace() throws IOException {
        // tag::zero-copy-parse[]
        Path file = dir.resolve("small.pcap");
        CaptureGenerator.Summary written = CaptureGenerator.write(file, 1 << 20, 42); // ~1 MiB, seeded

        long tcpPackets = 0;
        long tcpBytes = 0;
        try (Arena arena = Arena.ofConfined()) { // owns the mapping: the buffer's lifetime
            CaptureReader reader = CaptureReader.open(file, arena, ParseMode.STRICT);
            while (reader.next()) {
                Packet packet = reader.packet(); // the same flyweight, re-wrapped per record
                if (packet.has(Packet.LAYER_TCP)) {
                    tcpPackets++;
                    tcpBytes += packet.capturedLength(); // fields read from the mapping, in place
                    assertThat(packet.tcp().destinationPort()).isBetween(0, 65_535);
                }
            }
            assertThat(reader.packetCount()).isEqualTo(written.packets());
        } // unmapped here
        assertThat(tcpPackets).isEqualTo(written.tcp());
        assertThat(tcpBytes).isGreaterThan(tcpPackets * 54); // Ethernet + IPv4 + TCP headers at least
        // end::zero-copy-parse[]
    }

    @Test
    void theWalkAllocatesNothingPerPacketOnceCompiled() throws IOException {
        Path file = dir.resolve("alloc.pcap");
        CaptureGenerator.Summary written = CaptureGenerator.write(file, 2 << 20, 7);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Arena arena = Arena.ofConfined()) {
            CaptureReader reader = CaptureReader.open(file, arena, ParseMode.STRICT);
            long allocated = Long.MAX_VALUE;
            // The interpreter and C1 allocate where C2's escape analysis does not: warm up, keep the best walk.
            for (int walk = 0; walk < 20 && allocated > 0; walk++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                long tcp = countTcp(reader.rewind());
                allocated = Math.min(allocated, threads.getCurrentThreadAllocatedBytes() - before);
                assertThat(tcp).isEqualTo(written.tcp());
            }
            // One object per packet would be at least 16 bytes x ~20,000 packets; a compiled walk makes none.
            assertThat(allocated)
                    .as("bytes allocated while walking %d packets", written.packets())
                    .isLessThan(written.packets() * 16 / 10);
        }
    }

    private static long countTcp(CaptureReader reader) {
        long tcp = 0;
        while (reader.next()) {
            if (reader.packet().has(Packet.LAYER_TCP) && reader.packet().tcp().sourcePort() >= 0) {
                tcp++;
            }
        }
        return tcp;
    }

    @Test
    void aTruncatedCaptureNamesTheOffsetOfTheBrokenRecord() throws IOException {
        Path file = dir.resolve("whole.pcap");
        CaptureGenerator.write(file, 4096, 1);
        // tag::zero-copy-malformed[]
        byte[] whole = Files.readAllBytes(file);
        byte[] cut = Arrays.copyOf(whole, 24 + 16 + 10); // file header, one record header, 10 bytes of data
        // Any segment can be parsed, here a heap array; a mapped file is just the usual one.
        CaptureReader reader = CaptureReader.of(MemorySegment.ofArray(cut), ParseMode.STRICT);

        assertThatThrownBy(() -> {
                    while (reader.next()) {
                        reader.packet();
                    }
                })
                .isInstanceOfSatisfying(MalformedCaptureException.class, e -> {
                    assertThat(e.offset()).isEqualTo(24); // where the first record starts
                    assertThat(e.getMessage()).startsWith("at offset 24: ").endsWith("only 10 remain");
                });
        // end::zero-copy-malformed[]
    }
}
