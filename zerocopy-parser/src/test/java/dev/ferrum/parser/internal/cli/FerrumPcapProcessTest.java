/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrum.parser.LinkType;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ferrum-pcap dump} in a child JVM on a big capture: a closed output pipe stops it at once, and its
 * resident set stays bounded although the whole file is mapped.
 *
 * <p>The capture is 256 MiB by default (written in well under a second from one repeated 1 MiB chunk, deleted
 * with the temp directory); {@code -Dferrum.long=true} makes it 1 GiB, the size the acceptance figure names.
 * Measured figures are printed to stdout.
 */
class FerrumPcapProcessTest {

    static final long SIZE = Boolean.getBoolean("ferrum.long") ? 1L << 30 : 256L << 20;

    @TempDir
    Path dir;

    /**
     * Writes a little-endian pcap of about {@code bytes} whose records all have {@code recordBytes} (16-byte
     * header + an Ethernet/IPv4/UDP frame), by repeating one 1 MiB-ish chunk.
     */
    static Path bigCapture(Path file, long bytes, int recordBytes) throws IOException {
        int frame = recordBytes - 16;
        int perChunk = (1 << 20) / recordBytes;
        ByteBuffer chunk = ByteBuffer.allocate(perChunk * recordBytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < perChunk; i++) {
            chunk.putInt(1_700_000_000 + i).putInt(i).putInt(frame).putInt(frame);
            chunk.order(ByteOrder.BIG_ENDIAN);
            chunk.putShort((short) 0x0200)
                    .putInt(1)
                    .putShort((short) 0x0200)
                    .putInt(2)
                    .putShort((short) 0x0800);
            chunk.put((byte) 0x45).put((byte) 0).putShort((short) (frame - 14)).putShort((short) i);
            chunk.putShort((short) 0x4000).put((byte) 64).put((byte) 17).putShort((short) 0);
            chunk.putInt(0x0A00_0001 + (i & 255)).putInt(0xC0A8_0001);
            chunk.putShort((short) (40000 + (i & 1023))).putShort((short) 8080);
            chunk.putShort((short) (frame - 34)).putShort((short) 0);
            chunk.position(chunk.position() + frame - 42);
            chunk.order(ByteOrder.LITTLE_ENDIAN);
        }
        ByteBuffer header = ByteBuffer.allocate(24)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0xA1B2C3D4)
                .putShort((short) 2)
                .putShort((short) 4)
                .putInt(0)
                .putInt(0)
                .putInt(65535)
                .putInt(LinkType.ETHERNET)
                .flip();
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.write(header);
            for (long written = 24; written < bytes; written += chunk.capacity()) {
                chunk.clear();
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
        }
        return file;
    }

    static List<String> command(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx64m");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        List<String> path = new ArrayList<>();
        for (Class<?> c : new Class<?>[] {FerrumPcap.class, CommandLine.class}) {
            path.add(Path.of(c.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString());
        }
        for (String name : new String[] {"me.tongfei.progressbar.ProgressBar", "org.jline.terminal.Terminal"}) {
            Class<?> c = Class.forName(name, false, FerrumPcapProcessTest.class.getClassLoader());
            path.add(Path.of(c.getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString());
        }
        command.add(String.join(File.pathSeparator, path));
        command.add(FerrumPcap.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void dumpStopsWithinASecondOnceItsOutputPipeCloses() throws Exception {
        Path file = bigCapture(dir.resolve("big.pcap"), SIZE, 100);
        // JVM start-up on this (shared, loaded) machine, to put the pipeline's own figure in context.
        long startupStart = System.nanoTime();
        Process version = new ProcessBuilder(command("--version")).start();
        version.getInputStream().readAllBytes();
        assertThat(version.waitFor(60, TimeUnit.SECONDS)).isTrue();
        long startupNanos = System.nanoTime() - startupStart;

        // What `dump | head -1` does: read one line, close the pipe, wait for the writer to go.
        long start = System.nanoTime();
        Process dump = new ProcessBuilder(command("dump", file.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String first;
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(dump.getInputStream(), StandardCharsets.US_ASCII))) {
            first = r.readLine();
        }
        long closed = System.nanoTime();
        boolean exited = dump.waitFor(60, TimeUnit.SECONDS);
        long end = System.nanoTime();
        if (!exited) {
            dump.destroyForcibly();
        }
        assertThat(first).startsWith("1700000000.000000000|84|84|10.0.0.1|192.168.0.1|");
        assertThat(exited).isTrue();
        long afterClose = (end - closed) / 1_000_000;
        System.out.printf(
                "broken pipe on %d MiB: first line after %d ms, exit %d ms after the pipe closed, total %d ms"
                        + " (JVM start-up alone %d ms)%n",
                SIZE >> 20,
                (closed - start) / 1_000_000,
                afterClose,
                (end - start) / 1_000_000,
                startupNanos / 1_000_000);
        assertThat(afterClose).as("ms from closing the pipe to exit").isLessThan(1000);

        // The real shell pipeline, if there is a shell: done within a second of what start-up alone costs.
        if (Files.isExecutable(Path.of("/bin/sh"))) {
            String pipeline = String.join(" ", command("dump", file.toString())) + " | head -1 > /dev/null";
            long shellStart = System.nanoTime();
            Process sh = new ProcessBuilder("/bin/sh", "-c", pipeline)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertThat(sh.waitFor(60, TimeUnit.SECONDS)).isTrue();
            long shellMillis = (System.nanoTime() - shellStart) / 1_000_000;
            System.out.printf("`dump | head -1` on %d MiB: %d ms%n", SIZE >> 20, shellMillis);
            assertThat(shellMillis).isLessThan(startupNanos / 1_000_000 + 1000);
        }
    }

    @Test
    void dumpResidentSetStaysBoundedAtXmx64m() throws Exception {
        // One record per 4 KiB page: the walk touches every page of the mapping, as a dense capture would.
        Path file = bigCapture(dir.resolve("pages.pcap"), SIZE, 4096);
        Path proc = Path.of("/proc/self/status");
        if (!Files.isReadable(proc)) {
            return; // not Linux: nothing to read RSS from
        }
        Process dump = new ProcessBuilder(command("dump", file.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Path status = Path.of("/proc", Long.toString(dump.pid()), "status");
        long peakKib = 0;
        while (dump.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peakKib = Math.max(peakKib, Long.parseLong(line.replaceAll("[^0-9]", "")));
                    }
                }
            } catch (IOException gone) {
                break; // exited between isAlive and the read
            }
            Thread.sleep(10);
        }
        assertThat(dump.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(dump.exitValue()).isZero();
        System.out.printf("dump of %d MiB at -Xmx64m: peak RSS (VmHWM) %d MiB%n", SIZE >> 20, peakKib >> 10);
        assertThat(peakKib >> 10).as("peak RSS in MiB").isPositive().isLessThan(200);
    }
}
