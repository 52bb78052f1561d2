/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ferrum.parser.CaptureBytes.Frames;
import dev.ferrum.parser.internal.TsharkFields;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-world oddities, each in a capture crafted here: TSO frames with IPv4 total length 0, captured length
 * above the snap length, snap lengths cutting TCP/UDP headers, LOOP/NULL/SLL-with-VLAN link types, pcapng
 * obsolete and simple packet blocks, ICMP errors quoting ports, 12-bit TCP flags, IPv4-mapped IPv6 addresses.
 * Each capture is checked through the API and, where tshark is installed (always under {@code CI}), every
 * field {@link TsharkFields} knows is compared with what {@code tshark -T fields} prints for the same file.
 */
class RealWorldOdditiesTest {

    static final int A = 0xC000_0201; // 192.0.2.1
    static final int B = 0xC633_6402; // 198.51.100.2

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ frames

    static byte[] tcp(int flags, byte[] payload) {
        return Frames.tcp(40000, 443, 0x01020304L, 0x0A0B0C0DL, flags, new byte[0], payload);
    }

    static byte[] ipv4(int protocol, byte[] payload) {
        return Frames.ipv4(A, B, protocol, new byte[0], 0x4000, payload);
    }

    static byte[] ipv6(long srcHigh, long srcLow, long dstHigh, long dstLow, int next, byte[] payload) {
        return ByteBuffer.allocate(40 + payload.length)
                .putInt(0x6000_0000)
                .putShort((short) payload.length)
                .put((byte) next)
                .put((byte) 64)
                .putLong(srcHigh)
                .putLong(srcLow)
                .putLong(dstHigh)
                .putLong(dstLow)
                .put(payload)
                .array();
    }

    static byte[] ipv6(int next, byte[] payload) {
        return ipv6(0x2001_0db8_0000_0000L, 1, 0x2001_0db8_0000_0000L, 2, next, payload);
    }

    static byte[] eth4(byte[] ip) {
        return Frames.ethernet(Packet.ETHERTYPE_IPV4, ip);
    }

    static byte[] eth6(byte[] ip) {
        return Frames.ethernet(Packet.ETHERTYPE_IPV6, ip);
    }

    static byte[] pcap(int snapLength, int linkType, byte[]... frames) {
        CaptureBytes.Pcap pcap = new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, snapLength, linkType);
        int second = 1_700_000_000;
        for (byte[] f : frames) {
            pcap.record(second++, 250_000, f);
        }
        return pcap.bytes();
    }

    /** A pcap whose records are cut at {@code snap} bytes (original length kept). */
    static byte[] snapped(int snap, byte[]... frames) {
        CaptureBytes.Pcap pcap = new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, snap, LinkType.ETHERNET);
        int second = 1_700_000_000;
        for (byte[] f : frames) {
            pcap.record(second++, 0, Arrays.copyOf(f, Math.min(snap, f.length)), f.length);
        }
        return pcap.bytes();
    }

    static List<Packet> walk(byte[] capture, ParseMode mode, List<String> lines) {
        List<Packet> none = new ArrayList<>();
        CaptureReader reader = CaptureReader.of(MemorySegment.ofArray(capture), mode);
        long[] number = {0};
        reader.forEach(p -> {
            StringBuilder line = new StringBuilder();
            int[] ids = TsharkFields.ids(TsharkFields.NAMES);
            number[0]++;
            for (int i = 0; i < ids.length; i++) {
                if (i > 0) {
                    line.append('|');
                }
                TsharkFields.append(ids[i], p, number[0], line);
            }
            lines.add(line.toString());
        });
        return none;
    }

    /** Every known field of every packet, in strict mode, equals tshark's output (when tshark is present). */
    List<String> assertTsharkAgrees(String name, byte[] capture) throws Exception {
        List<String> ours = new ArrayList<>();
        walk(capture, ParseMode.STRICT, ours);
        boolean tshark = TsharkGoldenTest.Tools.available("tshark");
        if (System.getenv("CI") == null && !tshark) {
            return ours;
        }
        assumeTrue(tshark || System.getenv("CI") != null, "tshark not installed");
        Path file = dir.resolve(name + (capture[0] == 0x0A ? ".pcapng" : ".pcap"));
        Files.write(file, capture);
        List<String> command = new ArrayList<>(List.of(
                "tshark", "-n", "-r", file.toString(), "-T", "fields", "-E", "separator=|", "-E", "occurrence=f"));
        for (String field : TsharkFields.NAMES) {
            command.add("-e");
            command.add(field);
        }
        List<String> theirs = TsharkGoldenTest.Tools.run(command.toArray(String[]::new));
        assertThat(theirs).as("tshark read %s", name).hasSameSizeAs(ours);
        for (int i = 0; i < ours.size(); i++) {
            String[] o = ours.get(i).split("\\|", -1);
            String[] t = theirs.get(i).split("\\|", -1);
            for (int f = 0; f < TsharkFields.NAMES.size(); f++) {
                assertThat(o[f])
                        .as("%s packet %d field %s", name, i + 1, TsharkFields.NAMES.get(f))
                        .isEqualTo(t[f]);
            }
        }
        return ours;
    }

    static CaptureReader reader(byte[] capture) {
        CaptureReader reader = CaptureReader.of(MemorySegment.ofArray(capture), ParseMode.STRICT);
        assertThat(reader.next()).isTrue();
        return reader;
    }

    // ------------------------------------------------------------------ decoding items

    @Test
    void tsoFrameWithIpv4TotalLengthZeroIsDecodedFromTheCapturedBytes() throws Exception {
        byte[] ip = ipv4(6, tcp(0x18, new byte[1000]));
        ip[2] = 0;
        ip[3] = 0;
        byte[] capture = pcap(65535, LinkType.ETHERNET, eth4(ip), eth4(ipv4(17, Frames.udp(5000, 53, new byte[3]))));
        for (ParseMode mode : ParseMode.values()) {
            CaptureReader reader = CaptureReader.of(MemorySegment.ofArray(capture), mode);
            assertThat(reader.next()).isTrue();
            Packet p = reader.packet();
            assertThat(p.anomalies()).isEqualTo(Anomaly.IPV4_TOTAL_LENGTH_ZERO);
            assertThat(p.has(Packet.LAYER_IPV4 | Packet.LAYER_TCP)).isTrue();
            assertThat(p.payloadLength()).isEqualTo(1000);
            assertThat(reader.next()).isTrue();
            assertThat(reader.packet().anomalies()).isZero();
            assertThat(reader.errorCount()).isZero();
        }
        assertTsharkAgrees("tso", capture);
    }

    @Test
    void capturedLengthAboveSnapLengthIsReadOn() throws Exception {
        byte[] capture = pcap(60, LinkType.ETHERNET, eth4(ipv4(6, tcp(0x10, new byte[100]))));
        assertThat(reader(capture).packet().anomalies()).isEqualTo(Anomaly.CAPTURED_ABOVE_SNAPLEN);
        assertThat(reader(capture).packet().payloadLength()).isEqualTo(100);
        assertTsharkAgrees("above-snaplen", capture);
    }

    @Test
    void snapLengthCuttingTcpAndUdpHeadersKeepsEveryCapturedField() throws Exception {
        byte[] tcp6 = eth6(ipv6(6, tcp(0x12, new byte[40])));
        byte[] udp6 = eth6(ipv6(17, Frames.udp(5000, 5001, new byte[40])));
        byte[] tcp4 = eth4(ipv4(6, tcp(0x12, new byte[40])));
        byte[] udp4 = eth4(ipv4(17, Frames.udp(5000, 5001, new byte[40])));
        // IPv6 over Ethernet: the TCP/UDP header starts at byte 54; IPv4: at byte 34. One file per family holds
        // every cut (records of different captured lengths), so tshark runs once per family.
        List<byte[]> v6 = new ArrayList<>();
        List<Integer> v6Cuts = new ArrayList<>();
        for (int snap : new int[] {56, 58, 60, 62, 66, 68, 70, 72}) {
            byte[] capture = snapped(snap, tcp6, udp6);
            CaptureReader reader = reader(capture);
            Packet p = reader.packet();
            assertThat(p.isTruncated()).isTrue();
            assertThat(p.anomalies()).isZero();
            assertThat(p.has(Packet.LAYER_TCP)).isEqualTo(snap >= 58);
            if (snap >= 58) {
                assertThat(p.sourcePort()).isEqualTo(40000);
                assertThat(p.destinationPort()).isEqualTo(443);
                assertThat(p.tcp().sequenceNumber()).isEqualTo(snap >= 62 ? 0x01020304L : -1);
            }
            assertThat(reader.next()).isTrue();
            assertThat(reader.packet().has(Packet.LAYER_UDP)).isEqualTo(snap >= 58);
            if (snap >= 58) {
                assertThat(reader.packet().udp().length()).isEqualTo(snap >= 60 ? 48 : -1);
            }
            v6.add(tcp6);
            v6.add(udp6);
            v6Cuts.add(snap);
            v6Cuts.add(snap);
        }
        assertTsharkAgrees("snap-v6", cuts(v6, v6Cuts));
        List<byte[]> v4 = new ArrayList<>();
        List<Integer> v4Cuts = new ArrayList<>();
        for (int snap : new int[] {36, 38, 40, 44, 46, 48, 50}) {
            v4.add(tcp4);
            v4.add(udp4);
            v4Cuts.add(snap);
            v4Cuts.add(snap);
        }
        assertTsharkAgrees("snap-v4", cuts(v4, v4Cuts));
    }

    /** One pcap whose i-th record is {@code frames[i]} cut at {@code cuts[i]} bytes. */
    static byte[] cuts(List<byte[]> frames, List<Integer> cuts) {
        CaptureBytes.Pcap pcap = new CaptureBytes.Pcap(ByteOrder.LITTLE_ENDIAN, false, 65535, LinkType.ETHERNET);
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            pcap.record(1_700_000_000 + i, 0, Arrays.copyOf(f, Math.min(cuts.get(i), f.length)), f.length);
        }
        return pcap.bytes();
    }

    @Test
    void loopbackLinkTypesInBothByteOrders() throws Exception {
        byte[] v4 = ipv4(17, Frames.udp(5000, 5001, new byte[4]));
        byte[] v6 = ipv6(6, tcp(0x02, new byte[0]));
        List<byte[]> frames = new ArrayList<>();
        for (int family6 : new int[] {24, 28, 30}) {
            frames.add(Frames.concat(le(2), v4));
            frames.add(Frames.concat(le(family6), v6));
            frames.add(Frames.concat(be(2), v4));
            frames.add(Frames.concat(be(family6), v6));
        }
        byte[] nullCapture = pcap(65535, LinkType.NULL, frames.toArray(byte[][]::new));
        List<String> lines = assertTsharkAgrees("null", nullCapture);
        assertThat(lines).hasSize(12).allMatch(l -> l.contains("|5000|") || l.contains("|40000|"));
        byte[] loop = pcap(65535, LinkType.LOOP, Frames.concat(be(2), v4), Frames.concat(be(24), v6));
        CaptureReader reader = reader(loop);
        assertThat(reader.packet().has(Packet.LAYER_IPV4 | Packet.LAYER_UDP)).isTrue();
        assertThat(reader.next()).isTrue();
        assertThat(reader.packet().has(Packet.LAYER_IPV6 | Packet.LAYER_TCP)).isTrue();
        assertTsharkAgrees("loop", loop);
    }

    static byte[] le(int family) {
        return ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(family)
                .array();
    }

    static byte[] be(int family) {
        return ByteBuffer.allocate(4).putInt(family).array();
    }

    @Test
    void linuxCookedCapturesCarrying8021Q() throws Exception {
        byte[] tagged =
                Frames.concat(new byte[] {0x00, 0x2A, 0x08, 0x00}, ipv4(17, Frames.udp(5000, 5001, new byte[2])));
        byte[] sll = ByteBuffer.allocate(16)
                .putShort((short) 0)
                .putShort((short) 1)
                .putShort((short) 6)
                .putLong(0x0200_0000_0001_0000L)
                .putShort((short) 0x8100)
                .array();
        byte[] sll2 = ByteBuffer.allocate(20)
                .putShort((short) 0x8100)
                .putShort((short) 0)
                .putInt(3)
                .putShort((short) 1)
                .put((byte) 0)
                .put((byte) 6)
                .putLong(0x0200_0000_0001_0000L)
                .array();
        for (int linkType : new int[] {LinkType.LINUX_SLL, LinkType.LINUX_SLL2}) {
            byte[] capture = pcap(65535, linkType, Frames.concat(linkType == LinkType.LINUX_SLL ? sll : sll2, tagged));
            Packet p = reader(capture).packet();
            assertThat(p.vlanId()).isEqualTo(42);
            assertThat(p.has(Packet.LAYER_VLAN | Packet.LAYER_IPV4 | Packet.LAYER_UDP))
                    .isTrue();
            assertTsharkAgrees("sll-vlan-" + linkType, capture);
        }
    }

    @Test
    void moreThanEightVlanTagsAreDecodedAndFlagged() throws Exception {
        int[] tags = new int[10];
        Arrays.fill(tags, 7);
        byte[] capture =
                pcap(65535, LinkType.ETHERNET, Frames.ethernet(tags, 0x0800, ipv4(17, Frames.udp(1, 2, new byte[0]))));
        Packet p = reader(capture).packet();
        assertThat(p.vlanCount()).isEqualTo(10);
        assertThat(p.anomalies()).isEqualTo(Anomaly.DEEP_VLAN_STACK);
        assertThat(p.has(Packet.LAYER_UDP)).isTrue();
    }

    @Test
    void pcapngObsoletePacketBlocksAreReadAndSimplePacketBlocksHaveNoTimestamp() throws Exception {
        byte[] frame = eth4(ipv4(17, Frames.udp(5000, 5001, new byte[5])));
        int padded = (frame.length + 3) & ~3;
        ByteBuffer obsolete = ByteBuffer.allocate(20 + padded)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) 0)
                .putShort((short) 0)
                .putInt(0x0005_E3E1) // timestamp high: microseconds since the epoch
                .putInt(0x2A2B_2C2D)
                .putInt(frame.length)
                .putInt(frame.length)
                .put(frame);
        obsolete.position(20 + padded);
        byte[] capture = new CaptureBytes.Pcapng()
                .section(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(LinkType.ETHERNET, 0, null, null)
                .blockWithBody(2, obsolete)
                .simplePacket(frame, frame.length)
                .enhancedPacket(0, 1_700_000_000_123_456L, frame, frame.length)
                .bytes();
        CaptureReader reader = CaptureReader.of(MemorySegment.ofArray(capture), ParseMode.STRICT);
        List<Boolean> timestamps = new ArrayList<>();
        assertThat(reader.forEach(p -> timestamps.add(p.hasTimestamp()))).isEqualTo(3);
        assertThat(timestamps).containsExactly(true, false, true);
        assertThat(reader.skippedCount()).isZero();
        List<String> lines = assertTsharkAgrees("obsolete-pb", capture);
        assertThat(lines.get(1).split("\\|", -1)[1])
                .as("no timestamp, printed as nothing")
                .isEmpty();
    }

    @Test
    void skippedPacketsAreCountedAndReported() {
        byte[] frame = eth4(ipv4(17, Frames.udp(5000, 5001, new byte[5])));
        byte[] capture = new CaptureBytes.Pcapng()
                .section(ByteOrder.LITTLE_ENDIAN)
                .interfaceDescription(LinkType.ETHERNET, 0, null, null)
                .enhancedPacket(3, 1, frame, frame.length) // unknown interface
                .enhancedPacket(0, 2, frame, frame.length)
                .bytes();
        List<MalformedCaptureException> problems = new ArrayList<>();
        CaptureReader reader = CaptureReader.of(MemorySegment.ofArray(capture), ParseMode.LAX);
        long packets = reader.forEach(new PacketVisitor() {
            @Override
            public void packet(Packet packet) {}

            @Override
            public void malformed(MalformedCaptureException problem) {
                problems.add(problem);
            }
        });
        assertThat(packets).isEqualTo(1);
        assertThat(reader.skippedCount()).isEqualTo(1);
        assertThat(problems)
                .singleElement()
                .extracting(MalformedCaptureException::problem)
                .asString()
                .contains("interface 3");
    }

    @Test
    void tcpFlagsAreTwelveBitsAndMappedIpv6AddressesEndInDottedQuad() throws Exception {
        byte[] flagged = eth4(ipv4(6, tcp(0x0E18, new byte[3])));
        byte[] mapped =
                eth6(ipv6(0, 0x0000_FFFF_C000_0201L, 0, 0x0000_0000_C633_6402L, 17, Frames.udp(1, 2, new byte[0])));
        byte[] plain = eth6(ipv6(0, 1, 0, 0x0000_FFFF_0000_0000L, 17, Frames.udp(1, 2, new byte[0])));
        byte[] capture = pcap(65535, LinkType.ETHERNET, flagged, mapped, plain);
        List<String> lines = assertTsharkAgrees("flags-mapped", capture);
        assertThat(lines.get(0)).contains("|0x0e18|");
        assertThat(lines.get(1)).contains("|::ffff:192.0.2.1|::198.51.100.2|");
        assertThat(reader(capture).packet().tcp().hasFlags(TcpHeader.PSH | TcpHeader.ACK))
                .isTrue();
    }

    @Test
    void icmpErrorsDecodeTheQuotedDatagramAndItsPorts() throws Exception {
        byte[] quotedUdp = Arrays.copyOf(ipv4(17, Frames.udp(5000, 33434, new byte[100])), 28);
        byte[] quotedTcp = Arrays.copyOf(ipv4(6, tcp(0x02, new byte[0])), 28); // RFC 792: header + 8 bytes
        byte[] quotedTcpLong = ipv6(6, tcp(0x18, new byte[10]));
        byte[] unreachable = icmp(3, 3, quotedUdp);
        byte[] expired = icmp(11, 0, quotedTcp);
        byte[] tooBig6 = icmp(2, 0, quotedTcpLong);
        byte[] capture = pcap(
                65535,
                LinkType.ETHERNET,
                eth4(Frames.ipv4(B, A, 1, new byte[0], 0, unreachable)),
                eth4(Frames.ipv4(B, A, 1, new byte[0], 0, expired)),
                eth6(ipv6(58, tooBig6)),
                eth4(Frames.ipv4(B, A, 1, new byte[0], 0, icmp(8, 0, new byte[8]))));
        CaptureReader reader = reader(capture);
        Packet p = reader.packet();
        assertThat(p.hasQuoted()).isTrue();
        assertThat(p.quoted().has(Packet.LAYER_IPV4 | Packet.LAYER_UDP)).isTrue();
        assertThat(p.quoted().udp().destinationPort()).isEqualTo(33434);
        assertThat(p.quoted().ipv4().source()).isEqualTo(A);
        assertThat(p.quoted().segment()).isSameAs(p.segment());
        assertThat(p.quoted().anomalies()).isZero();
        assertThat(reader.next()).isTrue();
        assertThat(reader.packet().quoted().tcp().sequenceNumber()).isEqualTo(0x01020304L);
        assertThat(reader.packet().quoted().tcp().flags()).isEqualTo(-1);
        assertThat(reader.next()).isTrue();
        assertThat(reader.packet().quoted().tcp().flags()).isEqualTo(0x18);
        assertThat(reader.next()).isTrue();
        assertThat(reader.packet().hasQuoted()).as("echo request").isFalse();
        assertTsharkAgrees("icmp-errors", capture);
    }

    static byte[] icmp(int type, int code, byte[] body) {
        return ByteBuffer.allocate(8 + body.length)
                .put((byte) type)
                .put((byte) code)
                .putShort((short) 0)
                .putInt(0)
                .put(body)
                .array();
    }
}
