/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser.internal.cli;

import dev.ferrum.parser.CaptureReader;
import dev.ferrum.parser.ParseMode;
import dev.ferrum.parser.internal.TsharkFields;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.foreign.Arena;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dump FILE}: one line per packet with the fields, order and format of
 * {@code tshark -T fields -E separator=| -E occurrence=f -e frame.time_epoch -e frame.len ...}
 * (see {@link TsharkFields#HEADER}), so the output can be diffed against tshark's.
 */
@Command(name = "dump", description = "Print one tshark-style field line per packet.")
final class DumpCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "pcap or pcapng capture")
    Path file;

    @Option(names = "--header", description = "print the field names first")
    boolean header;

    @Option(
            names = {"-c", "--count"},
            description = "stop after N packets")
    long count = Long.MAX_VALUE;

    @Option(names = "--lax", description = "report malformed records on stderr and continue")
    boolean lax;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = new PrintWriter(
                new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        StringBuilder line = new StringBuilder(200);
        try (Arena arena = Arena.ofConfined()) {
            CaptureReader reader = CaptureReader.open(file, arena, lax ? ParseMode.LAX : ParseMode.STRICT);
            if (header) {
                out.println(TsharkFields.HEADER);
            }
            long printed = 0;
            while (printed < count && reader.next()) {
                line.setLength(0);
                out.append(TsharkFields.append(reader.packet(), line)).append('\n');
                printed++;
            }
            out.flush();
            if (reader.errorCount() > 0) {
                System.err.println(
                        "ferrum-pcap: " + reader.errorCount() + " problem(s); first: " + reader.firstError());
            }
        }
        return 0;
    }
}
