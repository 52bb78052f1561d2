/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrum.parser.internal.CaptureGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on a generated capture. */
class FerrumPcapTest {

    static String captureStdout(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void statsCountsEveryPacketOfAGeneratedCapture(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gen.pcap");
        CaptureGenerator.Summary summary = CaptureGenerator.write(file, 1 << 20, 3);
        int[] exit = new int[1];
        String out = captureStdout(() -> exit[0] = FerrumPcap.run("stats", "--no-progress", file.toString()));
        assertThat(exit[0]).isZero();
        assertThat(out)
                .contains(String.format("packets:           %,d", summary.packets()))
                .contains(String.format("TCP %,d  UDP %,d", summary.tcp(), summary.udp()))
                .contains("top talkers");
    }

    @Test
    void dumpPrintsOneLinePerPacketAndStrictModeFailsOnATruncatedFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gen.pcap");
        CaptureGenerator.Summary summary = CaptureGenerator.write(file, 64 << 10, 4);
        String out = captureStdout(() -> FerrumPcap.run("dump", file.toString()));
        assertThat(out.lines()).hasSize((int) summary.packets());
        assertThat(out.lines().findFirst().orElseThrow().split("\\|", -1)).hasSize(18);

        Path cut = dir.resolve("cut.pcap");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 5));
        int[] exit = new int[1];
        captureStdout(() -> exit[0] = FerrumPcap.run("dump", cut.toString()));
        assertThat(exit[0]).isEqualTo(2);
        captureStdout(() -> exit[0] = FerrumPcap.run("stats", "--lax", "--no-progress", cut.toString()));
        assertThat(exit[0]).isEqualTo(1);
    }
}
