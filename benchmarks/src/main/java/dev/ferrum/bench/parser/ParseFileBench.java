/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.parser;

import dev.ferrum.parser.CaptureReader;
import dev.ferrum.parser.Packet;
import dev.ferrum.parser.PacketVisitor;
import dev.ferrum.parser.ParseMode;
import java.io.EOFException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.IpPacket;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;

/**
 * Whole-file walks over the same page-cached generated capture: the zero-copy reader, the copying baseline
 * and pcap4j (libpcap through JNA plus its static packet factory). One operation = one pass over the file;
 * the suite turns the time into GB/s and ns per record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParseFileBench {

    /** File size in MiB. */
    @Param("64")
    public int megabytes;

    private Arena arena;
    private MemorySegment file;
    private Path path;
    private CaptureReader reader;
    private final ChecksumVisitor visitor = new ChecksumVisitor();

    /** Adds a few fields of every packet, so no walk can be optimised away. */
    static final class ChecksumVisitor implements PacketVisitor {
        long sum;

        @Override
        public void packet(Packet p) {
            long s = p.capturedLength() + p.payloadLength();
            if (p.has(Packet.LAYER_TCP)) {
                s += p.tcp().sourcePort() + p.tcp().destinationPort() + p.tcp().sequenceNumber();
            } else if (p.has(Packet.LAYER_UDP)) {
                s += p.udp().sourcePort() + p.udp().destinationPort();
            }
            if (p.has(Packet.LAYER_IPV4)) {
                s += p.ipv4().source();
            }
            sum += s;
        }
    }

    @Setup
    public void setUp() throws Exception {
        path = BenchFiles.ensure(megabytes);
        arena = Arena.ofShared();
        file = CaptureReader.map(path, arena);
        reader = CaptureReader.of(file, ParseMode.STRICT);
    }

    @TearDown
    public void tearDown() {
        arena.close();
    }

    /** The zero-copy reader: one flyweight re-wrapped per record, nothing allocated. */
    @Benchmark
    public long zeroCopy() {
        visitor.sum = 0;
        reader.rewind().forEach(visitor);
        return visitor.sum;
    }

    /**
     * The zero-copy reader as a one-shot program runs it: map the file, walk it, unmap. Unlike
     * {@link #zeroCopy()}, which reuses one mapping, this pays mmap, the page faults that populate the page
     * tables, and munmap on every pass.
     */
    @Benchmark
    public long zeroCopyFreshMapping() throws java.io.IOException {
        visitor.sum = 0;
        try (Arena pass = Arena.ofConfined()) {
            CaptureReader.open(path, pass, ParseMode.STRICT).forEach(visitor);
        }
        return visitor.sum;
    }

    /** The copying baseline: objects, byte[] copies and String addresses per record. */
    @Benchmark
    public long copying() {
        long[] sum = new long[1];
        CopyingPcapParser.parse(file, r -> {
            long s = r.capturedLength();
            if (r.ethernet() != null && r.ethernet().ip() != null) {
                var ip = r.ethernet().ip();
                s += ip.source().length();
                if (ip.transport() != null) {
                    var t = ip.transport();
                    s += t.sourcePort() + t.destinationPort() + t.sequence() + t.payload().length;
                }
            }
            sum[0] += s;
        });
        return sum[0];
    }

    /** pcap4j reading the same file as its users do: openOffline, getNextPacketEx, typed packet objects. */
    @Benchmark
    public long pcap4j() throws PcapNativeException, NotOpenException, TimeoutException {
        long sum = 0;
        try (PcapHandle handle = Pcaps.openOffline(path.toString())) {
            while (true) {
                org.pcap4j.packet.Packet packet;
                try {
                    packet = handle.getNextPacketEx();
                } catch (EOFException end) {
                    break;
                }
                long s = packet.length();
                IpPacket ip = packet.get(IpPacket.class);
                if (ip != null) {
                    s += ip.getHeader().getSrcAddr().hashCode();
                }
                TcpPacket tcp = packet.get(TcpPacket.class);
                if (tcp != null) {
                    s += tcp.getHeader().getSrcPort().valueAsInt()
                            + tcp.getHeader().getSequenceNumberAsLong();
                } else {
                    UdpPacket udp = packet.get(UdpPacket.class);
                    if (udp != null) {
                        s += udp.getHeader().getSrcPort().valueAsInt();
                    }
                }
                sum += s;
            }
        }
        return sum;
    }
}
