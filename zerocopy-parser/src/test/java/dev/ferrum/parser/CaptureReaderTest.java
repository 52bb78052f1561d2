/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferrum.parser.CaptureBytes.Frames;
import dev.ferrum.parser.internal.CaptureGenerator;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Formats, byte orders, timestamp resolutions, link types and layers on hand-built captures. */
class CaptureReaderTest {

    static final int LOCALHOST = 0x7F00_0001;
    static final int OTHER = 0x0A01_0203;

    static byte[] tcpFrame(int payload) {
        return Frames.ethernet(
                Packet.ETHERTYPE_IPV4,
                Frames.ipv4(
                        LOCALHOST,
                        OTHER,
                        6,
                        new byte[0],
                        0x4000,
                        Frames.tcp(
                                40000,
                                443,
                                0xFFFF_FFF0L,
                                7,
                                TcpHeader.SYN | TcpHeader.ACK,
                                new byte[] {2, 4, 0x05, (byte) 0xB4, 1, 3, 3, 7},
                                new byte[payload])));
    }

    static List<Packet> snapshot(CaptureReader reader, List<String> lines) {
        reader.forEach(p -> lines.add(p.timestampSeconds() + "." + p.timestampNanos() + " " + p.capturedLength()
                + "/" + p.originalLength() + " l=" + p.layers() + " sp=" + p.sourcePort() + " dp=" + p.destinationPort()
                + " pl=" + p.payloadLength()));
        return List.of();
    }

    static List<String> walk(byte[] capture) {
        List<String> lines = new ArrayList<>();
        snapshot(CaptureReader.of(MemorySegment.ofArray(capture), ParseMode.STRICT), lines);
        return lines;
    }

    @ParameterizedTest
    @CsvSource({"LITTLE_ENDIAN,false", "BIG_ENDIAN,false", "LITTLE_ENDIAN,true", "BIG_ENDIAN,true"})
    void readsAllFourPcapMagics(String order, boolean nano) {
        ByteOrder byteOrder = order.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] capture = new CaptureBytes.Pcap(byteOrder, nano, 65535, LinkType.ETHERNET)
                .record(1_700_000_000L, nano ? 123_456_789 : 123_456, tcpFrame(10))
                .record(1_700_000_001L, nano ? 5 : 999_999, tcpFrame(0))
                .bytes();
        CaptureReader reader = CaptureReader.of(MemorySegment.ofArray(capture), ParseMode.STRICT);
        assertThat(reader.next()).isTrue();
        Packet p = reader.packet();
        assertThat(reader.format()).isEqualTo(CaptureFormat.PCAP);
        assertThat(p.timestampSeconds()).isEqualTo(1_700_000_000L);
        assertThat(p.timestampNanos()).isEqualTo(nano ? 123_456_789 : 123_456_000);
        assertThat(p.tcp().sequenceNumber()).isEqualTo(0xFFFF_FFF0L);
        assertThat(p.tcp().maximumSegmentSize()).isEqualTo(1460);
        assertThat(p.tcp().windowScale()).isEqualTo(7);
        assertThat(p.tcp().hasFlags(TcpHeader.SYN | TcpHeader.ACK)).isTrue();
        assertThat(p.payloadLength()).isEqualTo(10);
        assertThat(p.payload().byteSize()).isEqualTo(10);
        assertThat(reader.next()).isTrue();
        assertThat(reader.packet().timestampNanos()).isEqualTo(nano ? 5 : 999_999_000);
        assertThat(reader.next()).isFalse();
        assertThat(reader.packetCount()).isEqualTo(2);
    }

    @Test
    void readsPcapngSectionsWithTheirOwnByteOrderAndResolution() {
        byte[] frame = tcpFrame(3);
        byte[] capture = new CaptureBytes.Pcapng()
                .section(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(LinkType.ETHERNET, 0, null, null) // default microseconds
                .enhancedPacket(0, 1_700_000_000_000_001L, frame, frame.length)
                .block(0x0BAD, 20) // unknown block: skipped
                .section(ByteOrder.BIG_ENDIAN)
                .interfaceDescription(LinkType.ETHERNET, 0, 9, 100L) // nanoseconds, +100 s offset
                .interfaceDescription(LinkType.ETHERNET, 0, 0x80 | 10, null) // 2^-10 s units
                .enhancedPacket(0, 1_000_000_000L * 5 + 7, frame, frame.length)
                .enhancedPacket(1, (3L << 10) + 512, frame, frame.length + 100)
                .simplePacket(frame, frame.length)
                .bytes();
        List<String> lines = walk(capture);
        assertThat(lines)
                .containsExactly(
                        "1700000000.1000 " + frame.length + "/" + frame.length + " l=21 sp=40000 dp=443 pl=3",
                        "105.7 " + frame.length + "/" + frame.length + " l=21 sp=40000 dp=443 pl=3",
                        "3.500000000 " + frame.length + "/" + (frame.length + 100) + " l=21 sp=40000 dp=443 pl=3",
                        "0.0 " + frame.length + "/" + frame.length + " l=21 sp=40000 dp=443 pl=3");
    }

    @Test
    void decodesVlanStacksSllAndRawIp() {
        byte[] udp4 = Frames.ipv4(LOCALHOST, OTHER, 17, new byte[0], 0, Frames.udp(53, 5353, new byte[5]));
        byte[] qinq = Frames.ethernet(new int[] {100, 200}, Packet.ETHERTYPE_IPV4, udp4);
        CaptureReader reader = CaptureReader.of(
                MemorySegment.ofArray(new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 0, LinkType.ETHERNET)
                        .record(1, 0, qinq)
                        .bytes()),
                ParseMode.STRICT);
        assertThat(reader.next()).isTrue();
        assertThat(reader.packet().vlanCount()).isEqualTo(2);
        assertThat(reader.packet().vlanId()).isEqualTo(100);
        assertThat(reader.packet().udp().destinationPort()).isEqualTo(5353);

        byte[] sll = Frames.concat(new byte[] {0, 0, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0, 0x08, 0x00}, udp4);
        byte[] sll2 = Frames.concat(
                new byte[] {(byte) 0x86, (byte) 0xDD, 0, 0, 0, 0, 0, 1, 0, 1, 0, 6, 1, 2, 3, 4, 5, 6, 0, 0},
                Frames.ipv6(17, Frames.udp(1, 2, new byte[4])));
        assertThat(walk(new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 0, LinkType.LINUX_SLL)
                        .record(1, 0, sll)
                        .bytes()))
                .singleElement()
                .asString()
                .contains("l=36 sp=53 dp=5353 pl=5");
        assertThat(walk(new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 0, LinkType.LINUX_SLL2)
                        .record(1, 0, sll2)
                        .bytes()))
                .singleElement()
                .asString()
                .contains("l=40 sp=1 dp=2 pl=4");
        assertThat(walk(new CaptureBytes.Pcap(ByteOrder.BIG_ENDIAN, false, 0, LinkType.RAW)
                        .record(1, 0, udp4)
                        .bytes()))
                .singleElement()
                .asString()
                .contains("l=36 sp=53");
    }

    @Test
    void walksIpv6ExtensionHeadersAndFlagsFragments() {
        byte[] hopByHop = {60, 0, 1, 4, 0, 0, 0, 0}; // next: destination options, 8 bytes
        byte[] destination = {44, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0}; // next: fragment, 16 bytes
        byte[] firstFragment = {6, 0, 0, 1, 0, 0, 0, 42}; // offset 0, M=1, next: TCP
        byte[] tcp = Frames.tcp(1, 2, 3, 4, TcpHeader.ACK, new byte[0], new byte[9]);
        Packet p = new Packet()
                .wrap(
                        MemorySegment.ofArray(Frames.ethernet(
                                Packet.ETHERTYPE_IPV6,
                                Frames.ipv6(0, Frames.concat(hopByHop, destination, firstFragment, tcp)))),
                        0,
                        14 + 40 + 32 + 29,
                        LinkType.ETHERNET);
        assertThat(p.problem()).isNull();
        assertThat(p.ipProtocol()).isEqualTo(6);
        assertThat(p.isFragment()).isTrue();
        assertThat(p.tcp().acknowledgementNumber()).isEqualTo(4);
        assertThat(p.payloadLength()).isEqualTo(9);

        byte[] later = Frames.ipv4(LOCALHOST, OTHER, 6, new byte[] {1, 1, 1, 0}, 0x0010, new byte[16]);
        Packet fragment = new Packet().wrap(MemorySegment.ofArray(later), 0, later.length, LinkType.RAW);
        assertThat(fragment.isFragment()).isTrue();
        assertThat(fragment.ipv4().optionsLength()).isEqualTo(4);
        assertThat(fragment.ipv4().fragmentOffset()).isEqualTo(128);
        assertThat(fragment.has(Packet.LAYER_TCP))
                .as("no TCP header in a non-first fragment")
                .isFalse();
        assertThat(fragment.payloadLength()).isEqualTo(16);
    }

    @Test
    void decodesIcmpAndIcmpv6() {
        byte[] echo = Frames.ipv4(LOCALHOST, OTHER, 1, new byte[0], 0, new byte[] {8, 0, 0, 0, 0, 1, 0, 1});
        Packet p = new Packet().wrap(MemorySegment.ofArray(echo), 0, echo.length, LinkType.IPV4);
        assertThat(p.icmp().type()).isEqualTo(8);
        byte[] unreachable = Frames.ipv6(58, new byte[] {1, 4, 0, 0, 0, 0, 0, 0});
        Packet q = new Packet().wrap(MemorySegment.ofArray(unreachable), 0, unreachable.length, LinkType.IPV6);
        assertThat(q.has(Packet.LAYER_ICMPV6)).isTrue();
        assertThat(q.icmp().code()).isEqualTo(4);
        assertThatThrownBy(q::tcp).isInstanceOf(IllegalStateException.class).hasMessageContaining("no TCP");
    }

    @Test
    void formatsAddressesLikeTshark() {
        assertThat(Ipv4Header.appendAddress(0xC0A8_0001, new StringBuilder())).hasToString("192.168.0.1");
        assertThat(Ipv6Header.appendAddress(0, 1, new StringBuilder())).hasToString("::1");
        assertThat(Ipv6Header.appendAddress(0x2001_0db8_0000_0000L, 0x0000_0000_0000_0001L, new StringBuilder()))
                .hasToString("2001:db8::1");
        assertThat(Ipv6Header.appendAddress(0xfe80_0000_0000_0000L, 0x0200_5eff_fe00_5301L, new StringBuilder()))
                .hasToString("fe80::200:5eff:fe00:5301");
        assertThat(Ipv6Header.appendAddress(0x2001_0db8_0000_0001L, 0x0000_0000_0001_0000L, new StringBuilder()))
                .hasToString("2001:db8:0:1::1:0");
        assertThat(EthernetHeader.appendMac(0x0200_0000_00ffL, new StringBuilder()))
                .hasToString("02:00:00:00:00:ff");
    }

    @Test
    void readsRecordsBeyondTwoGibibytesOfOneMapping(@TempDir Path dir) throws Exception {
        // A sparse file: section + interface, one unknown block of ~2.2 GB (never read, skipped by its length),
        // then a packet block whose offset does not fit in an int.
        byte[] frame = tcpFrame(9);
        byte[] head = new CaptureBytes.Pcapng()
                .section(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(LinkType.ETHERNET, 0, null, null)
                .bytes();
        byte[] tail = new CaptureBytes.Pcapng()
                .enhancedPacket(0, 1_700_000_000_000_000L, frame, frame.length)
                .bytes();
        long hugeBlock = 2_200_000_000L;
        Path file = dir.resolve("sparse.pcapng");
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raf.write(head);
            ByteBuffer header = ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(0x0BAD_CAFE)
                    .putInt((int) hugeBlock);
            raf.write(header.array());
            raf.seek(head.length + hugeBlock - 4);
            raf.write(ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt((int) hugeBlock)
                    .array());
            raf.write(tail);
        }
        try (Arena arena = Arena.ofConfined()) {
            CaptureReader reader = CaptureReader.open(file, arena, ParseMode.STRICT);
            assertThat(reader.next()).isTrue();
            Packet p = reader.packet();
            assertThat(p.recordOffset()).isEqualTo(head.length + hugeBlock).isGreaterThan(Integer.MAX_VALUE);
            assertThat(p.tcp().destinationPort()).isEqualTo(443);
            assertThat(p.timestampSeconds()).isEqualTo(1_700_000_000L);
            assertThat(reader.next()).isFalse();
        }
    }

    @Test
    void generatedCaptureParsesBackWithTheGeneratorsCounts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gen.pcap");
        CaptureGenerator.Summary summary = CaptureGenerator.write(file, 2 << 20, 7, ByteOrder.BIG_ENDIAN, true);
        long[] counts = new long[4];
        try (Arena arena = Arena.ofConfined()) {
            CaptureReader reader =
                    CaptureReader.open(file, arena, ParseMode.STRICT).releaseBehind(1 << 20);
            reader.forEach(p -> {
                counts[0] += p.has(Packet.LAYER_IPV4) ? 1 : 0;
                counts[1] += p.has(Packet.LAYER_IPV6) ? 1 : 0;
                counts[2] += p.has(Packet.LAYER_TCP) ? 1 : 0;
                counts[3] += p.has(Packet.LAYER_UDP) ? 1 : 0;
            });
            assertThat(reader.packetCount()).isEqualTo(summary.packets());
            assertThat(reader.errorCount()).isZero();
        }
        assertThat(Files.size(file)).isEqualTo(summary.bytes());
        assertThat(counts).containsExactly(summary.ipv4(), summary.ipv6(), summary.tcp(), summary.udp());
        assertThat(summary.ipv4()).isPositive();
        assertThat(summary.ipv6()).isPositive();
    }
}
