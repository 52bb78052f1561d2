/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.bench.parser;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * The deliberately conventional baseline the Rust document compares against ("Standard Parser (copying)"):
 * every record is copied into a fresh {@code byte[]}, parsed with {@link ByteBuffer} into an object per
 * header, addresses become {@code String}s ({@link InetAddress#getHostAddress()}, {@link HexFormat} MACs),
 * and the payload is copied again into its own {@code byte[]}. It is how a typical Java pcap reader looks
 * and is kept out of the library on purpose. Classic pcap with Ethernet only, which is what the benchmark
 * file holds; it reads from the same mapped segment as the zero-copy reader, so both pay the same I/O.
 */
public final class CopyingPcapParser {

    private static final HexFormat MAC = HexFormat.ofDelimiter(":");

    /** One parsed record, owning copies of everything. */
    public record PcapRecord(
            long seconds, long micros, int capturedLength, int originalLength, byte[] data, EthernetFrame ethernet) {}

    /** Ethernet header with MACs as text. */
    public record EthernetFrame(String destination, String source, int etherType, IpPacket ip) {}

    /** IPv4 or IPv6 header with addresses as text. */
    public record IpPacket(
            int version, String source, String destination, int protocol, int totalLength, Transport transport) {}

    /** TCP or UDP header plus a copy of its payload. */
    public record Transport(
            int protocol,
            int sourcePort,
            int destinationPort,
            long sequence,
            long acknowledgement,
            int flags,
            byte[] payload) {}

    private CopyingPcapParser() {}

    /** Parses every record of a little- or big-endian microsecond pcap and hands each to {@code sink}. */
    public static long parse(MemorySegment file, Consumer<PcapRecord> sink) {
        byte[] header = file.asSlice(0, 24).toArray(ValueLayout.JAVA_BYTE);
        ByteBuffer global = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        if (global.getInt(0) != 0xA1B2C3D4) {
            global.order(ByteOrder.BIG_ENDIAN);
        }
        ByteOrder order = global.order();
        long position = 24;
        long count = 0;
        long size = file.byteSize();
        while (position + 16 <= size) {
            byte[] recordHeader = new byte[16];
            MemorySegment.copy(file, ValueLayout.JAVA_BYTE, position, recordHeader, 0, 16);
            ByteBuffer rh = ByteBuffer.wrap(recordHeader).order(order);
            long seconds = rh.getInt() & 0xFFFF_FFFFL;
            long micros = rh.getInt() & 0xFFFF_FFFFL;
            int captured = rh.getInt();
            int original = rh.getInt();
            if (captured < 0 || position + 16 + captured > size) {
                throw new IllegalStateException("record at " + position + " runs past the end");
            }
            byte[] data = new byte[captured];
            MemorySegment.copy(file, ValueLayout.JAVA_BYTE, position + 16, data, 0, captured);
            sink.accept(new PcapRecord(seconds, micros, captured, original, data, parseEthernet(data)));
            position += 16 + captured;
            count++;
        }
        return count;
    }

    /** Parses an Ethernet frame (with one optional VLAN tag) and its IP/transport headers into objects. */
    public static EthernetFrame parseEthernet(byte[] data) {
        if (data.length < 14) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(data);
        byte[] destination = new byte[6];
        byte[] source = new byte[6];
        b.get(destination).get(source);
        int type = b.getShort() & 0xFFFF;
        int offset = 14;
        if (type == 0x8100 && data.length >= 18) {
            type = b.getShort(16) & 0xFFFF;
            offset = 18;
        }
        IpPacket ip = type == 0x0800 || type == 0x86DD ? parseIp(data, offset) : null;
        return new EthernetFrame(MAC.formatHex(destination), MAC.formatHex(source), type, ip);
    }

    /** Parses an IPv4 or IPv6 header and the TCP/UDP header after it. */
    public static IpPacket parseIp(byte[] data, int offset) {
        ByteBuffer b = ByteBuffer.wrap(data);
        int version = (b.get(offset) & 0xFF) >>> 4;
        byte[] source;
        byte[] destination;
        int protocol;
        int headerLength;
        int totalLength;
        if (version == 4) {
            headerLength = (b.get(offset) & 0x0F) * 4;
            totalLength = b.getShort(offset + 2) & 0xFFFF;
            protocol = b.get(offset + 9) & 0xFF;
            source = new byte[4];
            destination = new byte[4];
            b.get(offset + 12, source).get(offset + 16, destination);
        } else {
            headerLength = 40;
            totalLength = 40 + (b.getShort(offset + 4) & 0xFFFF);
            protocol = b.get(offset + 6) & 0xFF;
            source = new byte[16];
            destination = new byte[16];
            b.get(offset + 8, source).get(offset + 24, destination);
        }
        Transport transport =
                parseTransport(data, offset + headerLength, protocol, Math.min(data.length, offset + totalLength));
        return new IpPacket(version, text(source), text(destination), protocol, totalLength, transport);
    }

    /** Parses a TCP or UDP header and copies its payload. */
    public static Transport parseTransport(byte[] data, int offset, int protocol, int end) {
        ByteBuffer b = ByteBuffer.wrap(data);
        if (protocol == 6 && offset + 20 <= end) {
            int headerLength = ((b.get(offset + 12) & 0xFF) >>> 4) * 4;
            byte[] payload = new byte[Math.max(0, end - offset - headerLength)];
            b.get(offset + headerLength, payload);
            return new Transport(
                    6,
                    b.getShort(offset) & 0xFFFF,
                    b.getShort(offset + 2) & 0xFFFF,
                    b.getInt(offset + 4) & 0xFFFF_FFFFL,
                    b.getInt(offset + 8) & 0xFFFF_FFFFL,
                    b.getShort(offset + 12) & 0x1FF,
                    payload);
        }
        if (protocol == 17 && offset + 8 <= end) {
            byte[] payload = new byte[Math.max(0, end - offset - 8)];
            b.get(offset + 8, payload);
            return new Transport(17, b.getShort(offset) & 0xFFFF, b.getShort(offset + 2) & 0xFFFF, 0, 0, 0, payload);
        }
        return null;
    }

    /** The conventional address-to-text conversion. */
    public static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
