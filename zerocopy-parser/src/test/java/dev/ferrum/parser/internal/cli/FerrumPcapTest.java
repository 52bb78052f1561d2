/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferrum.parser.internal.CaptureGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in process, on generated captures. */
class FerrumPcapTest {

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    static synchronized Run run(InputStream stdin, String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        InputStream originalIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, false, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setIn(stdin);
        int exit;
        try {
            exit = FerrumPcap.run(args);
        } finally {
            System.out.flush();
            System.setOut(originalOut);
            System.setErr(originalErr);
            System.setIn(originalIn);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), args);
    }

    @Test
    void statsCountsEveryPacketOfAGeneratedCaptureInAnyLocale(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gen.pcap");
        CaptureGenerator.Summary summary = CaptureGenerator.write(file, 1 << 20, 3);
        Locale original = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY); // would print 1.234 and 0,5 with the default locale
        Run run;
        try {
            run = run("stats", "--no-progress", file.toString());
        } finally {
            Locale.setDefault(original);
        }
        assertThat(run.exit()).isZero();
        assertThat(run.out())
                .contains(String.format(Locale.ROOT, "packets:           %,d", summary.packets()))
                .contains(String.format(Locale.ROOT, "TCP %,d  UDP %,d", summary.tcp(), summary.udp()))
                .containsPattern("parse time: +\\d+\\.\\d{3} s")
                .contains("top talkers");
    }

    @Test
    void statsJsonIsOneObjectWithPlainNumbers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gen.pcap");
        CaptureGenerator.Summary summary = CaptureGenerator.write(file, 256 << 10, 5);
        Run run = run("stats", "--json", file.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.lines()).hasSize(1);
        assertThat(run.out())
                .startsWith("{\"file\":\"" + file + "\",\"bytes\":" + summary.bytes() + ",\"format\":\"PCAP\"")
                .contains("\"packets\":" + summary.packets() + ",")
                .contains("\"tcp\":" + summary.tcp() + ",\"udp\":" + summary.udp() + ",")
                .contains("\"anomalies\":0,\"problems\":0,\"skipped\":0,\"top_talkers\":[{\"address\":\"")
                .containsPattern("\"gigabytes_per_second\":\\d+\\.\\d{3},");
    }

    @Test
    void exitCodesAreZeroOneTwoAndErrorMessagesSayWhy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gen.pcap");
        CaptureGenerator.write(file, 64 << 10, 4);
        Path cut = dir.resolve("cut.pcap");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 5));
        Path text = dir.resolve("passwd");
        Files.writeString(text, "root:x:0:0:root:/root:/bin/bash\n");

        assertThat(run("dump", file.toString()).exit()).isZero();
        for (String command : new String[] {"dump", "stats"}) {
            assertThat(run(command, "--lax", cut.toString()))
                    .satisfies(r -> assertThat(r.exit()).isEqualTo(1))
                    .satisfies(r -> assertThat(r.err())
                            .contains("1 framing problem(s), 1 record(s) skipped; first: at offset")
                            .doesNotContain("null"));
            assertThat(run(command, cut.toString()).exit()).isEqualTo(2);
            for (String mode : new String[] {"--lax", "--strict-default"}) {
                Run passwd = mode.equals("--lax") ? run(command, mode, text.toString()) : run(command, text.toString());
                assertThat(passwd.exit())
                        .as("%s %s on a text file", command, mode)
                        .isEqualTo(2);
                assertThat(passwd.err()).contains("passwd: not a pcap or pcapng capture (unknown magic number");
            }
            Run missing = run(command, dir.resolve("nope.pcap").toString());
            assertThat(missing.exit()).isEqualTo(2);
            assertThat(missing.err()).contains("nope.pcap: no such file");
            Run directory = run(command, dir.toString());
            assertThat(directory.exit()).isEqualTo(2);
            assertThat(directory.err()).contains(dir + ": is a directory");
        }
        assertThat(run("dump", "-e", "no.such.field", file.toString()))
                .satisfies(r -> assertThat(r.exit()).isEqualTo(2))
                .satisfies(r -> assertThat(r.err()).contains("unknown field 'no.such.field'"));
    }

    @Test
    void strictDumpFlushesWholeLinesThenNamesTheRecordAndOffset(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gen.pcap");
        CaptureGenerator.Summary summary = CaptureGenerator.write(file, 512 << 10, 4); // > 64 KiB of output
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.pcap");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 5));
        Run run = run("dump", cut.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).endsWith("\n");
        assertThat(run.lines())
                .hasSize((int) summary.packets() - 1)
                .allSatisfy(line -> assertThat(line.split("\\|", -1)).hasSize(18));
        assertThat(run.err())
                .containsPattern(
                        "cut.pcap: record " + summary.packets() + " at offset \\d+: record declares \\d+ bytes");
    }

    @Test
    void everySubcommandHasStandardHelp() {
        for (String command : new String[] {"dump", "stats"}) {
            for (String[] args : new String[][] {{command, "--help"}, {command, "-h"}, {"help", command}}) {
                Run run = run(args);
                assertThat(run.exit()).as(String.join(" ", args)).isZero();
                assertThat(run.out())
                        .contains("Usage: ferrum-pcap " + command)
                        .contains("Exit status")
                        .doesNotContain("Missing required parameter");
            }
        }
        assertThat(run("--help").out()).contains("Exit status (every command): 0 clean");
    }

    @Test
    void fieldSelectionAndFormats(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gen.pcap");
        CaptureGenerator.write(file, 16 << 10, 9);
        String[] select = {
            "-e", "frame.number", "-e", "frame.len", "-e", "ip.src", "-e", "tcp.srcport", "-e", "tcp.flags"
        };
        Run fields = run(concat(new String[] {"dump", "--header"}, select, file.toString()));
        Run csv = run(concat(new String[] {"dump", "--header", "--format=csv"}, select, file.toString()));
        Run tsv = run(concat(new String[] {"dump", "-F", "tsv"}, select, file.toString()));
        Run json = run(concat(new String[] {"dump", "--format", "json"}, select, file.toString()));
        assertThat(List.of(fields, csv, tsv, json))
                .allSatisfy(r -> assertThat(r.exit()).isZero());
        assertThat(fields.lines().get(0)).isEqualTo("frame.number|frame.len|ip.src|tcp.srcport|tcp.flags");
        assertThat(csv.lines().get(0)).isEqualTo("frame.number,frame.len,ip.src,tcp.srcport,tcp.flags");
        int packets = tsv.lines().size();
        assertThat(fields.lines()).hasSize(packets + 1);
        assertThat(json.lines()).hasSize(packets);
        for (int i = 0; i < packets; i++) {
            String[] values = fields.lines().get(i + 1).split("\\|", -1);
            assertThat(values[0]).isEqualTo(Integer.toString(i + 1));
            assertThat(csv.lines().get(i + 1)).isEqualTo(String.join(",", values));
            assertThat(tsv.lines().get(i)).isEqualTo(String.join("\t", values));
            StringBuilder expected =
                    new StringBuilder("{\"frame.number\":" + values[0] + ",\"frame.len\":" + values[1]);
            expected.append(",\"ip.src\":").append(values[2].isEmpty() ? "null" : '"' + values[2] + '"');
            expected.append(",\"tcp.srcport\":").append(values[3].isEmpty() ? "null" : values[3]);
            expected.append(",\"tcp.flags\":").append(values[4].isEmpty() ? "null" : '"' + values[4] + '"');
            assertThat(json.lines().get(i)).isEqualTo(expected.append('}').toString());
        }
        assertThat(json.out()).contains("\"tcp.flags\":\"0x0010\"").contains("\"ip.src\":null");
    }

    @Test
    void standardInputAndGzipGoThroughTheStreamingPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gen.pcap");
        CaptureGenerator.write(file, 3 << 20, 12); // larger than the 1 MiB stream buffer
        byte[] bytes = Files.readAllBytes(file);
        Path gz = dir.resolve("gen.pcap.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(bytes);
        }
        Run mapped = run("dump", file.toString());
        Run stdin = run(new ByteArrayInputStream(bytes), "dump", "-");
        Run gzip = run("dump", gz.toString());
        Run gzipStdin = run(new ByteArrayInputStream(Files.readAllBytes(gz)), "dump", "-");
        assertThat(mapped.exit()).isZero();
        assertThat(mapped.lines()).hasSizeGreaterThan(20_000);
        for (Run streamed : List.of(stdin, gzip, gzipStdin)) {
            assertThat(streamed.exit()).isZero();
            assertThat(streamed.out()).isEqualTo(mapped.out());
        }
        Run stats = run(new ByteArrayInputStream(bytes), "stats", "--json", "-");
        assertThat(stats.out()).contains("\"bytes\":" + bytes.length + ",");
        // A truncated stream: strict stops with the stream offset of the broken record, lax says so too.
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 5);
        Run strictCut = run(new ByteArrayInputStream(cut), "dump", "-");
        assertThat(strictCut.exit()).isEqualTo(2);
        assertThat(strictCut.lines()).hasSize(mapped.lines().size() - 1);
        assertThat(run(new ByteArrayInputStream(cut), "dump", "--lax", "-").exit())
                .isEqualTo(1);
    }

    static String[] concat(String[] head, String[] middle, String last) {
        String[] all = Arrays.copyOf(head, head.length + middle.length + 1);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        all[all.length - 1] = last;
        return all;
    }
}
