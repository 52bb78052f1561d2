/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrum.parser.CaptureReader;
import dev.ferrum.parser.Packet;
import dev.ferrum.parser.ParseMode;
import dev.ferrum.parser.internal.CaptureGenerator;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Rust-walk transcription in {@link WalkVariantBench} must do the Rust walker's work: its checksum is the Rust
 * {@code zero_copy_sum} definition, which this test recomputes through Ferrum's reader (so both walks see the
 * same records and fields). The definition differs from {@link ParseFileBench}'s visitor in two places: Rust adds
 * the IPv4 source as an unsigned 32-bit value (Ferrum's {@code Ipv4Header.source()} is a signed int) and counts a
 * payload length only for TCP and UDP (Ferrum's {@code payloadLength()} also covers ICMP).
 */
class WalkVariantBenchTest {

    @Test
    void transcriptionChecksumEqualsTheRustDefinitionComputedByTheReader(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gen.pcap");
        CaptureGenerator.write(file, 1 << 20, 7);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = CaptureReader.map(file, arena);
            long[] expected = new long[1];
            long[] tcpOrUdp = new long[1];
            CaptureReader reader = CaptureReader.of(segment, ParseMode.STRICT);
            reader.forEach(p -> {
                long s = p.capturedLength();
                if (p.has(Packet.LAYER_IPV4)) {
                    s += Integer.toUnsignedLong(p.ipv4().source());
                }
                if (p.has(Packet.LAYER_TCP)) {
                    s += p.payloadLength()
                            + p.tcp().sourcePort()
                            + p.tcp().destinationPort()
                            + p.tcp().sequenceNumber();
                    tcpOrUdp[0]++;
                } else if (p.has(Packet.LAYER_UDP)) {
                    s += p.payloadLength() + p.udp().sourcePort() + p.udp().destinationPort();
                    tcpOrUdp[0]++;
                }
                expected[0] += s;
            });
            assertThat(reader.packetCount()).isGreaterThan(1000);
            assertThat(tcpOrUdp[0]).isGreaterThan(reader.packetCount() / 2);

            assertThat(WalkVariantBench.rustChecksum(segment)).isEqualTo(expected[0]);
            assertThat(WalkVariantBench.rustChecksumByteWise(segment)).isEqualTo(expected[0]);
            MemorySegment heap = MemorySegment.ofArray(segment.toArray(ValueLayout.JAVA_BYTE));
            assertThat(WalkVariantBench.rustChecksum(heap)).isEqualTo(expected[0]);
        }
    }
}
