/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.parser;

import dev.ferrum.parser.CaptureReader;
import dev.ferrum.parser.Ipv4Header;
import dev.ferrum.parser.Ipv6Header;
import dev.ferrum.parser.LinkType;
import dev.ferrum.parser.Packet;
import dev.ferrum.parser.ParseMode;
import dev.ferrum.parser.TcpHeader;
import dev.ferrum.parser.UdpHeader;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The Rust document's per-operation rows, each as ours vs the copying baseline on the same 1024 records
 * (the first records of the benchmark file, copied off-heap): one operation = one record.
 *
 * <ul>
 *   <li>header parse: find and validate the Ethernet/IP/TCP-UDP headers of a frame;</li>
 *   <li>field extraction: read addresses, ports and sequence number of located headers;</li>
 *   <li>string conversion: the source address as text;</li>
 *   <li>complete record: framing, all headers, fields (a full walk of the sample).</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecordOpsBench {

    static final int RECORDS = 1024;

    private Arena arena;
    private MemorySegment sample;
    private final long[] dataOffset = new long[RECORDS];
    private final int[] capturedLength = new int[RECORDS];
    private final long[] networkOffset = new long[RECORDS];
    private final long[] transportOffset = new long[RECORDS];
    private final boolean[] ipv4 = new boolean[RECORDS];
    private final boolean[] tcp = new boolean[RECORDS];
    private final byte[][] sourceAddress = new byte[RECORDS][];

    private final Packet packet = new Packet();
    private final Ipv4Header ipv4Header = new Ipv4Header();
    private final Ipv6Header ipv6Header = new Ipv6Header();
    private final TcpHeader tcpHeader = new TcpHeader();
    private final UdpHeader udpHeader = new UdpHeader();
    private final StringBuilder text = new StringBuilder(64);
    private final ParseFileBench.ChecksumVisitor visitor = new ParseFileBench.ChecksumVisitor();
    private CaptureReader reader;

    /** Header objects the copying side builds: what a conventional parser returns. */
    record EthernetObject(byte[] destination, byte[] source, int etherType) {}

    record IpObject(int version, int headerLength, int totalLength, int protocol, byte[] source, byte[] destination) {}

    record TransportObject(int sourcePort, int destinationPort, long sequence, int headerLength) {}

    record Headers(EthernetObject ethernet, IpObject ip, TransportObject transport) {}

    record FlowKey(byte[] source, byte[] destination, int sourcePort, int destinationPort, long sequence) {}

    @Setup
    public void setUp() throws Exception {
        arena = Arena.ofShared();
        long end;
        try (Arena fileArena = Arena.ofConfined()) {
            MemorySegment file = CaptureReader.map(BenchFiles.ensure(64), fileArena);
            CaptureReader walk = CaptureReader.of(file, ParseMode.STRICT);
            int i = 0;
            while (i < RECORDS && walk.next()) {
                Packet p = walk.packet();
                dataOffset[i] = p.dataOffset();
                capturedLength[i] = p.capturedLength();
                networkOffset[i] = p.networkOffset();
                transportOffset[i] = p.transportOffset();
                ipv4[i] = p.has(Packet.LAYER_IPV4);
                tcp[i] = p.has(Packet.LAYER_TCP);
                if (!p.has(Packet.LAYER_TCP) && !p.has(Packet.LAYER_UDP)) {
                    // ICMP records: point the transport views at the IP payload; fields are read but meaningless.
                    transportOffset[i] = p.payloadOffset() - 4;
                }
                sourceAddress[i] = file.asSlice(p.networkOffset() + (ipv4[i] ? 12 : 8), ipv4[i] ? 4 : 16)
                        .toArray(ValueLayout.JAVA_BYTE);
                i++;
            }
            end = walk.position();
            sample = arena.allocate(end, 8);
            MemorySegment.copy(file, 0, sample, 0, end);
        }
        reader = CaptureReader.of(sample, ParseMode.STRICT);
    }

    @TearDown
    public void tearDown() {
        arena.close();
    }

    // ---------------------------------------------------------------- header parse

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long headerParseZeroCopy() {
        long sum = 0;
        for (int i = 0; i < RECORDS; i++) {
            Packet p = packet.wrap(sample, dataOffset[i], capturedLength[i], LinkType.ETHERNET);
            sum += p.layers() + p.payloadOffset();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long headerParseCopying() {
        long sum = 0;
        for (int i = 0; i < RECORDS; i++) {
            byte[] data = new byte[capturedLength[i]];
            MemorySegment.copy(sample, ValueLayout.JAVA_BYTE, dataOffset[i], data, 0, data.length);
            Headers h = parseHeaders(data);
            sum += h.ip().protocol() + h.transport().headerLength();
        }
        return sum;
    }

    private static Headers parseHeaders(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data);
        byte[] destination = new byte[6];
        byte[] source = new byte[6];
        b.get(destination).get(source);
        int type = b.getShort() & 0xFFFF;
        int at = 14;
        if (type == 0x8100) {
            type = b.getShort(16) & 0xFFFF;
            at = 18;
        }
        EthernetObject ethernet = new EthernetObject(destination, source, type);
        IpObject ip;
        if (type == 0x0800) {
            byte[] s = new byte[4];
            byte[] d = new byte[4];
            b.get(at + 12, s).get(at + 16, d);
            ip = new IpObject(4, (b.get(at) & 15) * 4, b.getShort(at + 2) & 0xFFFF, b.get(at + 9) & 0xFF, s, d);
        } else {
            byte[] s = new byte[16];
            byte[] d = new byte[16];
            b.get(at + 8, s).get(at + 24, d);
            ip = new IpObject(6, 40, 40 + (b.getShort(at + 4) & 0xFFFF), b.get(at + 6) & 0xFF, s, d);
        }
        at += ip.headerLength();
        TransportObject transport = new TransportObject(
                b.getShort(at) & 0xFFFF,
                b.getShort(at + 2) & 0xFFFF,
                ip.protocol() == 6 ? b.getInt(at + 4) & 0xFFFF_FFFFL : 0,
                ip.protocol() == 6 ? ((b.get(at + 12) & 0xFF) >>> 4) * 4 : 8);
        return new Headers(ethernet, ip, transport);
    }

    // ---------------------------------------------------------------- field extraction

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long fieldExtractionZeroCopy() {
        long sum = 0;
        for (int i = 0; i < RECORDS; i++) {
            if (ipv4[i]) {
                Ipv4Header ip = ipv4Header.wrap(sample, networkOffset[i]);
                sum += ip.source() + ip.destination();
            } else {
                Ipv6Header ip = ipv6Header.wrap(sample, networkOffset[i]);
                sum += ip.sourceLow() + ip.destinationLow();
            }
            if (tcp[i]) {
                TcpHeader t = tcpHeader.wrap(sample, transportOffset[i]);
                sum += t.sourcePort() + t.destinationPort() + t.sequenceNumber();
            } else {
                UdpHeader u = udpHeader.wrap(sample, transportOffset[i]);
                sum += u.sourcePort() + u.destinationPort();
            }
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long fieldExtractionCopying() {
        long sum = 0;
        for (int i = 0; i < RECORDS; i++) {
            int addressBytes = ipv4[i] ? 4 : 16;
            long addressOffset = networkOffset[i] + (ipv4[i] ? 12 : 8);
            byte[] source = new byte[addressBytes];
            byte[] destination = new byte[addressBytes];
            MemorySegment.copy(sample, ValueLayout.JAVA_BYTE, addressOffset, source, 0, addressBytes);
            MemorySegment.copy(
                    sample, ValueLayout.JAVA_BYTE, addressOffset + addressBytes, destination, 0, addressBytes);
            byte[] header = new byte[tcp[i] ? 20 : 8];
            MemorySegment.copy(sample, ValueLayout.JAVA_BYTE, transportOffset[i], header, 0, header.length);
            ByteBuffer b = ByteBuffer.wrap(header);
            FlowKey key = new FlowKey(
                    source,
                    destination,
                    b.getShort(0) & 0xFFFF,
                    b.getShort(2) & 0xFFFF,
                    tcp[i] ? b.getInt(4) & 0xFFFF_FFFFL : 0);
            sum += key.sourcePort() + key.destinationPort() + key.sequence() + key.source()[0];
        }
        return sum;
    }

    // ---------------------------------------------------------------- string conversion

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long stringConversionZeroCopy() {
        long sum = 0;
        StringBuilder out = text;
        for (int i = 0; i < RECORDS; i++) {
            out.setLength(0);
            if (ipv4[i]) {
                Ipv4Header.appendAddress(
                        ipv4Header.wrap(sample, networkOffset[i]).source(), out);
            } else {
                Ipv6Header ip = ipv6Header.wrap(sample, networkOffset[i]);
                Ipv6Header.appendAddress(ip.sourceHigh(), ip.sourceLow(), out);
            }
            sum += out.length() + out.charAt(out.length() - 1);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long stringConversionCopying() {
        long sum = 0;
        for (int i = 0; i < RECORDS; i++) {
            int addressBytes = ipv4[i] ? 4 : 16;
            byte[] source = new byte[addressBytes];
            MemorySegment.copy(
                    sample, ValueLayout.JAVA_BYTE, networkOffset[i] + (ipv4[i] ? 12 : 8), source, 0, addressBytes);
            String address = CopyingPcapParser.text(source);
            sum += address.length() + address.charAt(address.length() - 1);
        }
        return sum;
    }

    // ---------------------------------------------------------------- complete record

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long completeRecordZeroCopy() {
        visitor.sum = 0;
        reader.rewind().forEach(visitor);
        return visitor.sum;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long completeRecordCopying() {
        long[] sum = new long[1];
        CopyingPcapParser.parse(sample, r -> {
            long s = r.capturedLength();
            if (r.ethernet() != null && r.ethernet().ip() != null) {
                var ip = r.ethernet().ip();
                s += ip.source().length();
                if (ip.transport() != null) {
                    s += ip.transport().sourcePort()
                            + ip.transport().sequence()
                            + ip.transport().payload().length;
                }
            }
            sum[0] += s;
        });
        return sum[0];
    }
}
