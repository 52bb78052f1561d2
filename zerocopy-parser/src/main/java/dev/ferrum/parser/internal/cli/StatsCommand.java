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
import java.lang.foreign.Arena;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stats FILE}: packets, bytes, per-protocol counts, top talkers, parse time, records/s, GB/s and peak
 * heap, with a progress bar on files of 256 MiB and more.
 */
@Command(name = "stats", description = "Summarise a capture: counts per protocol, top talkers, parse speed.")
final class StatsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "pcap or pcapng capture")
    Path file;

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
        long malformed;
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

        @Override
        public void malformed(MalformedCaptureException problem) {
            malformed++;
            System.err.println("ferrum-pcap: " + problem.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        Counts counts = new Counts();
        long elapsed;
        long size;
        long errors;
        Object format;
        try (Arena arena = Arena.ofConfined()) {
            CaptureReader reader = CaptureReader.open(file, arena, lax ? ParseMode.LAX : ParseMode.STRICT)
                    .releaseBehind(64L << 20);
            size = reader.segment().byteSize();
            counts.reader = reader;
            try (ProgressReporter progress = new ProgressReporter("parse", size, !noProgress)) {
                counts.progress = progress;
                long start = System.nanoTime();
                reader.forEach(counts);
                elapsed = System.nanoTime() - start;
                progress.finish(reader.position());
            }
            errors = reader.errorCount();
            format = reader.format();
        }
        double seconds = elapsed / 1e9;
        System.out.printf("file:              %s (%,d bytes, %s)%n", file, size, format);
        System.out.printf("packets:           %,d%n", counts.packets);
        System.out.printf("bytes captured:    %,d (on the wire %,d)%n", counts.capturedBytes, counts.wireBytes);
        System.out.printf("IPv4 %,d  IPv6 %,d  other %,d%n", counts.ipv4, counts.ipv6, counts.other);
        System.out.printf(
                "TCP %,d  UDP %,d  ICMP %,d  ICMPv6 %,d%n", counts.tcp, counts.udp, counts.icmp, counts.icmpv6);
        System.out.printf(
                "VLAN-tagged %,d  fragments %,d  truncated %,d  problems %,d%n",
                counts.vlan, counts.fragments, counts.truncated, errors);
        System.out.println("top talkers (source address, packets, bytes on the wire):");
        StringBuilder text = new StringBuilder();
        for (int index : counts.talkers.top(top)) {
            text.setLength(0);
            if (counts.talkers.isIpv4(index)) {
                Ipv4Header.appendAddress((int) counts.talkers.low(index), text);
            } else {
                Ipv6Header.appendAddress(counts.talkers.high(index), counts.talkers.low(index), text);
            }
            System.out.printf(
                    "  %-40s %,12d %,16d%n", text, counts.talkers.packets(index), counts.talkers.bytes(index));
        }
        System.out.printf("parse time:        %.3f s%n", seconds);
        System.out.printf("records/s:         %,.0f%n", counts.packets / seconds);
        System.out.printf("throughput:        %.2f GB/s%n", size / seconds / 1e9);
        System.out.printf("peak heap used:    %.1f MiB%n", peakHeapBytes() / (1024.0 * 1024.0));
        return errors == 0 ? 0 : 1;
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
