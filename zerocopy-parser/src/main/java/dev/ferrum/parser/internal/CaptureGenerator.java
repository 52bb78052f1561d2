/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser.internal;

import dev.ferrum.parser.LinkType;
import dev.ferrum.parser.Packet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * Writes synthetic classic-pcap captures of any size for benchmarks and tests: Ethernet frames carrying a
 * deterministic mix of IPv4/IPv6, TCP/UDP (and a little ICMP, some VLAN-tagged), with payloads of 0-63
 * bytes, so a record averages about 100 bytes like the Rust document's 1 GiB / 10.5 M-record file.
 *
 * <p>Streaming: packets are built into one reusable 1 MiB buffer and written sequentially, so a 4 GiB file
 * needs no more heap than a small one. Checksums are left zero (tshark does not verify them by default).
 * Not thread-safe; each call is independent.
 *
 * <p>A fixture for the benchmarks, tests and the guide, not part of the library's API: it lives in the
 * non-exported {@code internal} package (class-path users such as the benchmarks can still call it).
 */
public final class CaptureGenerator {

    private static final int BUFFER_BYTES = 1 << 20;

    /**
     * What was written.
     *
     * @param packets packet records
     * @param bytes   file size
     * @param ipv4    packets over IPv4
     * @param ipv6    packets over IPv6
     * @param tcp     TCP segments
     * @param udp     UDP datagrams
     */
    public record Summary(long packets, long bytes, long ipv4, long ipv6, long tcp, long udp) {}

    private CaptureGenerator() {}

    /**
     * Writes a little-endian microsecond pcap of at least {@code targetBytes} (it stops after the first
     * record that reaches the target).
     *
     * @param file        created or truncated
     * @param targetBytes approximate size
     * @param seed        the same seed gives the same file
     * @return counts of what was written
     * @throws IOException if writing fails
     */
    public static Summary write(Path file, long targetBytes, long seed) throws IOException {
        return write(file, targetBytes, seed, ByteOrder.LITTLE_ENDIAN, false);
    }

    /**
     * Writes a pcap in the given byte order and timestamp resolution.
     *
     * @param file        created or truncated
     * @param targetBytes approximate size
     * @param seed        the same seed gives the same file
     * @param order       byte order of the pcap framing (protocol headers are always big-endian)
     * @param nanosecond  nanosecond timestamps (magic 0xa1b23c4d) instead of microseconds
     * @return counts of what was written
     * @throws IOException if writing fails
     */
    public static Summary write(Path file, long targetBytes, long seed, ByteOrder order, boolean nanosecond)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        ByteBuffer out = ByteBuffer.allocateDirect(BUFFER_BYTES).order(order);
        long packets = 0;
        long bytes = 0;
        long ipv4 = 0;
        long ipv6 = 0;
        long tcp = 0;
        long udp = 0;
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.putInt(nanosecond ? 0xA1B23C4D : 0xA1B2C3D4)
                    .putShort((short) 2)
                    .putShort((short) 4)
                    .putInt(0)
                    .putInt(0)
                    .putInt(65535)
                    .putInt(LinkType.ETHERNET);
            long timeMicros = 1_700_000_000_000_000L;
            while (bytes + out.position() < targetBytes) {
                if (out.remaining() < 2048) {
                    bytes += drain(out, channel);
                }
                timeMicros += 1 + random.nextInt(50);
                int kind = random.nextInt(100);
                boolean v6 = kind >= 70 && kind < 95;
                int protocol = kind < 95 ? (kind % 10 < 6 ? 6 : 17) : (kind < 97 ? 1 : 58);
                if (protocol == 58) {
                    v6 = true;
                }
                boolean vlan = random.nextInt(20) == 0;
                int payload = random.nextInt(64);
                int transportBytes = protocol == 6 ? 20 : 8; // UDP and ICMP headers are both 8 bytes
                int ipBytes = (v6 ? 40 : 20) + transportBytes + payload;
                int frameBytes = 14 + (vlan ? 4 : 0) + ipBytes;
                int recordStart = out.position();
                out.putInt((int) (timeMicros / 1_000_000L));
                out.putInt((int)
                        (nanosecond
                                ? (timeMicros % 1_000_000L) * 1_000L + random.nextInt(1000)
                                : timeMicros % 1_000_000L));
                out.putInt(frameBytes).putInt(frameBytes);
                ByteOrder framingOrder = out.order();
                out.order(ByteOrder.BIG_ENDIAN);
                int host = random.nextInt(64);
                out.putShort((short) 0x0200).putInt(0x0000_0001 + host); // destination MAC
                out.putShort((short) 0x0200).putInt(0x0000_1001 + (host ^ 7)); // source MAC
                if (vlan) {
                    out.putShort((short) 0x8100).putShort((short) (100 + host));
                }
                out.putShort((short) (v6 ? Packet.ETHERTYPE_IPV6 : Packet.ETHERTYPE_IPV4));
                if (v6) {
                    out.putInt(0x6000_0000 | random.nextInt(1 << 20))
                            .putShort((short) (transportBytes + payload))
                            .put((byte) protocol)
                            .put((byte) 64);
                    out.putLong(0x2001_0db8_0000_0000L).putLong(1 + host);
                    out.putLong(0x2001_0db8_0000_0000L).putLong(0x100 + (host ^ 5));
                    ipv6++;
                } else {
                    out.put((byte) 0x45)
                            .put((byte) 0)
                            .putShort((short) ipBytes)
                            .putShort((short) packets)
                            .putShort((short) 0x4000)
                            .put((byte) 64)
                            .put((byte) protocol)
                            .putShort((short) 0);
                    out.putInt(0x0A00_0001 + host).putInt(0xC0A8_0001 + (host ^ 3));
                    ipv4++;
                }
                // Ephemeral source ports and web destination ports: no port that a dissector keyed on ports
                // (GTP 2152, DNS 53, ...) would try to decode the random payload as.
                int sourcePort = 49152 + random.nextInt(16384);
                int destinationPort = random.nextInt(4) == 0 ? 443 : 8080 + random.nextInt(8);
                switch (protocol) {
                    case 6 -> {
                        out.putShort((short) sourcePort)
                                .putShort((short) destinationPort)
                                .putInt(random.nextInt())
                                .putInt(random.nextInt())
                                .putShort((short) (0x5000 | (payload > 0 ? 0x18 : 0x10)))
                                .putShort((short) 65535)
                                .putInt(0);
                        tcp++;
                    }
                    case 17 -> {
                        out.putShort((short) sourcePort)
                                .putShort((short) destinationPort)
                                .putShort((short) (8 + payload))
                                .putShort((short) 0);
                        udp++;
                    }
                    default ->
                        out.put((byte) (protocol == 1 ? 8 : 128))
                                .put((byte) 0)
                                .putShort((short) 0)
                                .putShort((short) host)
                                .putShort((short) packets);
                }
                for (int i = 0; i < payload; i++) {
                    out.put((byte) (i + packets));
                }
                out.order(framingOrder);
                assert out.position() - recordStart == 16 + frameBytes;
                packets++;
            }
            bytes += drain(out, channel);
        }
        return new Summary(packets, bytes, ipv4, ipv6, tcp, udp);
    }

    private static int drain(ByteBuffer out, FileChannel channel) throws IOException {
        out.flip();
        int written = out.remaining();
        while (out.hasRemaining()) {
            channel.write(out);
        }
        out.clear();
        return written;
    }
}
