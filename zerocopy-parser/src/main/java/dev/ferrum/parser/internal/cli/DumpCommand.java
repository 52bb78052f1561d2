/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser.internal.cli;

import dev.ferrum.parser.CaptureReader;
import dev.ferrum.parser.MalformedCaptureException;
import dev.ferrum.parser.Packet;
import dev.ferrum.parser.PacketVisitor;
import dev.ferrum.parser.ParseMode;
import dev.ferrum.parser.internal.TsharkFields;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dump FILE}: one line per packet. Without {@code -e}, the fields, order and format of {@code tshark -T
 * fields -E separator=| -E occurrence=f -e frame.time_epoch -e frame.len ...} (see {@link TsharkFields#DEFAULT}),
 * so the output can be diffed against tshark's; {@code -e NAME} selects fields by their tshark names, {@code
 * --format} picks the separator or JSON Lines.
 *
 * <p>Output is written in whole lines: when an error stops a strict dump, the lines already decoded are flushed
 * and the error follows on stderr with its record number and offset. A closed output pipe stops the dump at the
 * next buffer write.
 */
@Command(
        name = "dump",
        mixinStandardHelpOptions = true,
        description = "Print one tshark-style field line per packet.",
        footer = {
            "",
            "Exit status: 0 clean (content anomalies are decoded and only counted on stderr), 1 finished with",
            "framing problems (--lax), 2 unusable input or a framing error in strict mode (lines already decoded",
            "are printed first). A closed output pipe ends the dump quietly with status 0."
        })
final class DumpCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format {
        fields,
        csv,
        tsv,
        json
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "pcap or pcapng capture (also .pcap.gz); - reads standard input")
    String file;

    @Option(names = "--header", description = "print the field names first (fields, csv, tsv)")
    boolean header;

    @Option(
            names = {"-c", "--count"},
            description = "stop after N packets")
    long count = Long.MAX_VALUE;

    @Option(names = "--lax", description = "report framing problems on stderr and continue")
    boolean lax;

    @Option(
            names = {"-e", "--field"},
            paramLabel = "FIELD",
            description = "a tshark field name to print, repeatable (default: the 18 fields of the golden tests)."
                    + " Known: frame.number, frame.time_epoch, frame.len, frame.cap_len, eth.src, eth.dst, eth.type,"
                    + " vlan.id, ip.src, ip.dst, ip.proto, ip.len, ip.hdr_len, ip.ttl, ip.id, ipv6.src, ipv6.dst,"
                    + " ipv6.nxt, ipv6.plen, ipv6.hlim, tcp.srcport, tcp.dstport, tcp.seq_raw, tcp.ack_raw,"
                    + " tcp.flags, tcp.len, tcp.hdr_len, tcp.window_size_value, udp.srcport, udp.dstport,"
                    + " udp.length, icmp.type, icmp.code, icmpv6.type, icmpv6.code")
    List<String> fields = new ArrayList<>();

    @Option(
            names = {"-F", "--format"},
            description = "fields (| separated, as tshark -E separator=|), csv, tsv, or json (one object per line);"
                    + " default ${DEFAULT-VALUE}")
    Format format = Format.fields;

    /** Thrown from the visitor to end the walk early (count reached, output gone); carries no stack. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    @Override
    public Integer call() throws Exception {
        int[] ids;
        try {
            ids = TsharkFields.ids(fields.isEmpty() ? TsharkFields.DEFAULT : fields);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        List<String> names = fields.isEmpty() ? TsharkFields.DEFAULT : fields;
        PrintStream err = System.err;
        LineOutput out = new LineOutput(System.out);
        try (Arena arena = Arena.ofConfined()) {
            CaptureReader reader = Input.open(file, arena, lax ? ParseMode.LAX : ParseMode.STRICT, System.in)
                    // Drop decoded pages from RSS as the walk moves on (file mappings only).
                    .releaseBehind(64L << 20);
            StringBuilder line = new StringBuilder(256);
            if (header && format != Format.json) {
                for (int i = 0; i < names.size(); i++) {
                    line.append(i == 0 ? "" : separator()).append(names.get(i));
                }
                out.line(line);
            }
            Stop stop = new Stop();
            long[] printed = {0};
            PacketVisitor visitor = new PacketVisitor() {
                @Override
                public void packet(Packet packet) {
                    line.setLength(0);
                    format(ids, names, packet, printed[0] + 1, line);
                    if (!out.line(line) || ++printed[0] >= count) {
                        throw stop;
                    }
                }

                @Override
                public void malformed(MalformedCaptureException problem) {
                    out.flush(); // problems appear after the lines before them
                    err.println("ferrum-pcap: " + file + ": " + problem.getMessage());
                }
            };
            try {
                if (count > 0) {
                    reader.forEach(visitor);
                }
            } catch (Stop stopped) {
                // count reached or the output pipe closed
            } catch (MalformedCaptureException e) {
                out.flush();
                if (reader.format() == null) {
                    err.println("ferrum-pcap: " + file + ": not a pcap or pcapng capture (" + e.problem() + ")");
                    return Summary.UNUSABLE;
                }
                err.println("ferrum-pcap: " + file + ": record " + (reader.packetCount() + 1) + " at offset "
                        + e.offset() + ": " + e.problem());
                return Summary.UNUSABLE;
            }
            if (!out.flush()) {
                return 0; // the reader of our output went away; nothing is wrong with the input
            }
            return Summary.report(file, reader, err);
        }
    }

    private String separator() {
        return switch (format) {
            case csv -> ",";
            case tsv -> "\t";
            default -> "|";
        };
    }

    private void format(int[] ids, List<String> names, Packet packet, long number, StringBuilder out) {
        if (format == Format.json) {
            out.append('{');
            for (int i = 0; i < ids.length; i++) {
                out.append(i == 0 ? "\"" : ",\"").append(names.get(i)).append("\":");
                boolean numeric = TsharkFields.isNumeric(ids[i]);
                int at = out.length();
                if (!numeric) {
                    out.append('"');
                }
                if (!TsharkFields.append(ids[i], packet, number, out)) {
                    out.setLength(at);
                    out.append("null");
                } else if (!numeric) {
                    out.append('"'); // values are addresses, hex numbers: nothing to escape
                }
            }
            out.append('}');
            return;
        }
        String separator = separator();
        for (int i = 0; i < ids.length; i++) {
            if (i > 0) {
                out.append(separator);
            }
            TsharkFields.append(ids[i], packet, number, out); // no value contains , | or a tab: no quoting
        }
    }
}
