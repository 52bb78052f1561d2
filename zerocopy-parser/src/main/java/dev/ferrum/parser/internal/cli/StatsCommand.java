/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser.internal.cli;

import dev.ferrum.parser.CaptureReader;
import dev.ferrum.parser.Ipv4Header;
import dev.ferrum.parser.Ipv6Header;
import dev.ferrum.parser.MalformedCaptureException;
import dev.ferrum.parser.Packet;
import dev.ferrum.parser.PacketVisitor;
import dev.ferrum.parser.ParseMode;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stats FILE}: packets, bytes, per-protocol counts, top talkers, parse time, records/s, GB/s and peak
 * heap, with a progress bar on files of 256 MiB and more.
 */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = "Summarise a capture: counts per protocol, top talkers, parse speed.",
        footer = {
            "",
            "Numbers are printed the same in every locale (digits grouped with ',', '.' as decimal point);",
            "--json prints one JSON object with plain numbers instead.",
            "Exit status: 0 clean, 1 finished with framing problems (--lax), 2 unusable input or a framing",
            "error in strict mode."
        })
final class StatsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "pcap or pcapng capture (also .pcap.gz); - reads standard input")
    String file;

    @Option(names = "--json", description = "print the summary as one JSON object")
    boolean json;

    @Option(names = "--top", description = "number of top talkers to show (default ${DEFAULT-VALUE})")
    int top = 10;

    @Option(names = "--lax", description = "report malformed records and continue")
    boolean lax;

    @Option(names = "--no-progress", description = "never show the progress bar")
    boolean noProgress;

    /** Counters filled by the walk; talkers keyed by source address without boxing. */
    private static final class Counts implements PacketVisitor {
        long packets;
        long capturedBytes;
        long wireBytes;
        long ipv4;
        long ipv6;
        long tcp;
        long udp;
        long icmp;
        long icmpv6;
        long vlan;
        long fragments;
        long truncated;
        long other;
        final AddressCounter talkers = new AddressCounter();
        ProgressReporter progress;
        CaptureReader reader;

        @Override
        public void packet(Packet p) {
            packets++;
            capturedBytes += p.capturedLength();
            wireBytes += p.originalLength();
            int layers = p.layers();
            if ((layers & Packet.LAYER_IPV4) != 0) {
                ipv4++;
                talkers.add(0, p.ipv4().source() & 0xFFFF_FFFFL, true, p.originalLength());
            } else if ((layers & Packet.LAYER_IPV6) != 0) {
                ipv6++;
                talkers.add(p.ipv6().sourceHigh(), p.ipv6().sourceLow(), false, p.originalLength());
            } else {
                other++;
            }
            tcp += (layers & Packet.LAYER_TCP) != 0 ? 1 : 0;
            udp += (layers & Packet.LAYER_UDP) != 0 ? 1 : 0;
            icmp += (layers & Packet.LAYER_ICMP) != 0 ? 1 : 0;
            icmpv6 += (layers & Packet.LAYER_ICMPV6) != 0 ? 1 : 0;
            vlan += (layers & Packet.LAYER_VLAN) != 0 ? 1 : 0;
            fragments += p.isFragment() ? 1 : 0;
            truncated += p.isTruncated() ? 1 : 0;
            progress.packet(reader.position());
        }

        String file;

        @Override
        public void malformed(MalformedCaptureException problem) {
            System.err.println("ferrum-pcap: " + file + ": " + problem.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        Counts counts = new Counts();
        counts.file = file;
        long elapsed;
        long size;
        long errors;
        long skipped;
        long anomalies;
        Object format;
        int status;
        PrintStream out = System.out;
        try (Arena arena = Arena.ofConfined()) {
            CaptureReader reader = Input.open(file, arena, lax ? ParseMode.LAX : ParseMode.STRICT, System.in)
                    .releaseBehind(64L << 20);
            long known = reader.isStreaming() ? 0 : reader.segment().byteSize();
            counts.reader = reader;
            try (ProgressReporter progress = new ProgressReporter("parse", known, !noProgress && !json)) {
                counts.progress = progress;
                long start = System.nanoTime();
                try {
                    reader.forEach(counts);
                } catch (MalformedCaptureException e) {
                    System.err.println(
                            reader.format() == null
                                    ? "ferrum-pcap: " + file + ": not a pcap or pcapng capture (" + e.problem() + ")"
                                    : "ferrum-pcap: " + file + ": record " + (reader.packetCount() + 1) + " at offset "
                                            + e.offset() + ": " + e.problem());
                    return Summary.UNUSABLE;
                }
                elapsed = System.nanoTime() - start;
                progress.finish(reader.position());
            }
            size = reader.position();
            errors = reader.errorCount();
            skipped = reader.skippedCount();
            anomalies = reader.anomalyCount();
            format = reader.format();
            status = Summary.report(file, reader, System.err);
            if (status == Summary.UNUSABLE) {
                return status;
            }
        }
        double seconds = Math.max(elapsed, 1) / 1e9;
        int[] talkers = counts.talkers.top(top);
        StringBuilder text = new StringBuilder();
        if (json) {
            StringBuilder j = new StringBuilder(512);
            j.append("{\"file\":\"")
                    .append(jsonEscape(file))
                    .append("\",\"bytes\":")
                    .append(size);
            j.append(",\"format\":\"").append(format).append('"');
            field(j, "packets", counts.packets);
            field(j, "bytes_captured", counts.capturedBytes);
            field(j, "bytes_on_wire", counts.wireBytes);
            field(j, "ipv4", counts.ipv4);
            field(j, "ipv6", counts.ipv6);
            field(j, "other", counts.other);
            field(j, "tcp", counts.tcp);
            field(j, "udp", counts.udp);
            field(j, "icmp", counts.icmp);
            field(j, "icmpv6", counts.icmpv6);
            field(j, "vlan_tagged", counts.vlan);
            field(j, "fragments", counts.fragments);
            field(j, "truncated", counts.truncated);
            field(j, "anomalies", anomalies);
            field(j, "problems", errors);
            field(j, "skipped", skipped);
            j.append(",\"top_talkers\":[");
            for (int i = 0; i < talkers.length; i++) {
                text.setLength(0);
                appendTalker(counts, talkers[i], text);
                j.append(i == 0 ? "" : ",")
                        .append("{\"address\":\"")
                        .append(text)
                        .append('"');
                field(j, "packets", counts.talkers.packets(talkers[i]));
                field(j, "bytes", counts.talkers.bytes(talkers[i]));
                j.append('}');
            }
            j.append(']');
            j.append(",\"parse_seconds\":").append(String.format(Locale.ROOT, "%.6f", seconds));
            j.append(",\"records_per_second\":").append(Math.round(counts.packets / seconds));
            j.append(",\"gigabytes_per_second\":").append(String.format(Locale.ROOT, "%.3f", size / seconds / 1e9));
            field(j, "peak_heap_bytes", peakHeapBytes());
            out.println(j.append('}'));
            return status;
        }
        Locale l = Locale.ROOT;
        out.println(String.format(l, "file:              %s (%,d bytes, %s)", file, size, format));
        out.println(String.format(l, "packets:           %,d", counts.packets));
        out.println(
                String.format(l, "bytes captured:    %,d (on the wire %,d)", counts.capturedBytes, counts.wireBytes));
        out.println(String.format(l, "IPv4 %,d  IPv6 %,d  other %,d", counts.ipv4, counts.ipv6, counts.other));
        out.println(String.format(
                l, "TCP %,d  UDP %,d  ICMP %,d  ICMPv6 %,d", counts.tcp, counts.udp, counts.icmp, counts.icmpv6));
        out.println(String.format(
                l,
                "VLAN-tagged %,d  fragments %,d  truncated %,d  anomalies %,d  problems %,d  skipped %,d",
                counts.vlan,
                counts.fragments,
                counts.truncated,
                anomalies,
                errors,
                skipped));
        out.println("top talkers (source address, packets, bytes on the wire):");
        for (int index : talkers) {
            text.setLength(0);
            appendTalker(counts, index, text);
            out.println(String.format(
                    l, "  %-40s %,12d %,16d", text, counts.talkers.packets(index), counts.talkers.bytes(index)));
        }
        out.println(String.format(l, "parse time:        %.3f s", seconds));
        out.println(String.format(l, "records/s:         %,.0f", counts.packets / seconds));
        out.println(String.format(l, "throughput:        %.2f GB/s", size / seconds / 1e9));
        out.println(String.format(l, "peak heap used:    %.1f MiB", peakHeapBytes() / (1024.0 * 1024.0)));
        return status;
    }

    private static void appendTalker(Counts counts, int index, StringBuilder text) {
        if (counts.talkers.isIpv4(index)) {
            Ipv4Header.appendAddress((int) counts.talkers.low(index), text);
        } else {
            Ipv6Header.appendAddress(counts.talkers.high(index), counts.talkers.low(index), text);
        }
    }

    private static void field(StringBuilder json, String name, long value) {
        json.append(",\"").append(name).append("\":").append(value);
    }

    private static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
