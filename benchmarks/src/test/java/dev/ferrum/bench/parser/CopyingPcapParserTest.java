/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrum.parser.CaptureReader;
import dev.ferrum.parser.Ipv4Header;
import dev.ferrum.parser.Packet;
import dev.ferrum.parser.ParseMode;
import dev.ferrum.parser.internal.CaptureGenerator;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline must do the same work as the zero-copy reader: same records, same fields. */
class CopyingPcapParserTest {

    @Test
    void copyingBaselineSeesTheSameFieldsAsTheZeroCopyReader(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gen.pcap");
        CaptureGenerator.Summary summary = CaptureGenerator.write(file, 1 << 20, 11);
        List<String> ours = new ArrayList<>();
        List<String> copying = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = CaptureReader.map(file, arena);
            CaptureReader.of(segment, ParseMode.STRICT).forEach(p -> {
                StringBuilder line =
                        new StringBuilder().append(p.capturedLength()).append(' ');
                if (p.has(Packet.LAYER_IPV4)) {
                    Ipv4Header.appendAddress(p.ipv4().source(), line);
                }
                if (p.has(Packet.LAYER_TCP) || p.has(Packet.LAYER_UDP)) {
                    line.append(' ')
                            .append(p.sourcePort())
                            .append(' ')
                            .append(p.destinationPort())
                            .append(' ')
                            .append(p.has(Packet.LAYER_TCP) ? p.tcp().sequenceNumber() : 0)
                            .append(' ')
                            .append(p.payloadLength());
                }
                ours.add(line.toString());
            });
            CopyingPcapParser.parse(segment, r -> {
                StringBuilder line =
                        new StringBuilder().append(r.capturedLength()).append(' ');
                var ip = r.ethernet().ip();
                if (ip.version() == 4) {
                    line.append(ip.source());
                }
                if (ip.transport() != null) {
                    var t = ip.transport();
                    line.append(' ')
                            .append(t.sourcePort())
                            .append(' ')
                            .append(t.destinationPort())
                            .append(' ')
                            .append(t.sequence())
                            .append(' ')
                            .append(t.payload().length);
                }
                copying.add(line.toString());
            });
        }
        assertThat(ours).hasSize((int) summary.packets()).containsExactlyElementsOf(copying);
    }
}
