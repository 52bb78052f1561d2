/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser.internal;

import dev.ferrum.parser.Anomaly;
import dev.ferrum.parser.LinkType;
import dev.ferrum.parser.Packet;
import java.lang.foreign.MemorySegment;

/**
 * The decoding pass behind {@link Packet}: one forward walk over a packet's captured bytes that records the
 * offsets of the link, network and transport headers and of the payload, plus the {@link Anomaly} bits of
 * whatever was odd. It reads only through {@link Bytes} and checks every read against the captured end first,
 * so no input makes it throw; every loop advances by at least 4 bytes, so no input makes it loop.
 *
 * <p>Snap-length truncation is not an anomaly: each header is decoded as far as its bytes go ({@code
 * tcpEnd()} / {@code udpEnd()} bound the fields the views may read) and {@link #truncated()} is set. A
 * shortfall on a packet the snap length did not cut is {@link Anomaly#PAST_CAPTURED_END}.
 *
 * <p>Not thread-safe; one instance per {@link Packet}, reset by every {@link #decode}.
 */
public final class PacketDecoder {

    private static final int MAX_VLAN_TAGS = 8;
    private static final int MAX_IPV6_EXTENSION_HEADERS = 16;
    private static final int ETHERNET_BYTES = 14;
    private static final int IPV4_MIN_BYTES = 20;
    private static final int IPV6_BYTES = 40;
    private static final int TCP_MIN_BYTES = 20;
    private static final int UDP_BYTES = 8;
    private static final int ICMP_BYTES = 4;
    /** ICMP error messages quote the offending datagram after type, code, checksum and 4 unused bytes. */
    private static final int ICMP_QUOTE_OFFSET = 8;

    private MemorySegment segment = MemorySegment.NULL;
    private long capturedEnd;
    private long reportedEnd;
    private boolean cut;

    private int layers;
    private int anomalies;
    private int vlanCount;
    private int vlanId;
    private int networkType;
    private long networkOffset;
    private int ipProtocol;
    private long transportOffset;
    private long transportEnd;
    private long payloadOffset;
    private long payloadLength;
    private boolean truncated;
    private boolean fragment;
    private String problem;
    private long problemOffset;
    private long quotedOffset;
    private long quotedEnd;

    /**
     * Decodes one packet.
     *
     * @param segment           the bytes
     * @param dataOffset        first byte of the link-layer header
     * @param capturedLength    bytes captured
     * @param originalLength    bytes on the wire
     * @param linkType          a {@link LinkType} value
     * @param framingAnomalies  {@link Anomaly} bits the reader found in the record's framing
     * @param quoted            the bytes are the datagram quoted by an ICMP error: every shortfall is a cut,
     *                          not an anomaly, and quotes are not followed again
     */
    public void decode(
            MemorySegment segment,
            long dataOffset,
            int capturedLength,
            long originalLength,
            int linkType,
            int framingAnomalies,
            boolean quoted) {
        this.segment = segment;
        this.capturedEnd = dataOffset + capturedLength;
        this.reportedEnd = quoted ? capturedEnd : dataOffset + Math.max(originalLength, capturedLength);
        this.cut = quoted || capturedLength < originalLength;
        layers = 0;
        anomalies = framingAnomalies;
        vlanCount = 0;
        vlanId = 0;
        networkType = 0;
        networkOffset = -1;
        ipProtocol = -1;
        transportOffset = -1;
        transportEnd = -1;
        payloadOffset = -1;
        payloadLength = 0;
        truncated = false;
        fragment = false;
        problem = null;
        problemOffset = -1;
        quotedOffset = -1;
        quotedEnd = -1;
        long end = capturedEnd;
        long at = dataOffset;
        int type;
        switch (linkType) {
            case LinkType.ETHERNET -> {
                if (!fits(at, ETHERNET_BYTES, end, "Ethernet header runs past the end of the packet")) {
                    return;
                }
                layers = Packet.LAYER_ETHERNET;
                type = Bytes.u16(segment, at + 12);
                at += ETHERNET_BYTES;
            }
            case LinkType.LINUX_SLL -> {
                if (!fits(at, 16, end, "Linux cooked header runs past the end of the packet")) {
                    return;
                }
                type = Bytes.u16(segment, at + 14);
                at += 16;
            }
            case LinkType.LINUX_SLL2 -> {
                if (!fits(at, 20, end, "Linux cooked v2 header runs past the end of the packet")) {
                    return;
                }
                type = Bytes.u16(segment, at);
                at += 20;
            }
            case LinkType.RAW, LinkType.RAW_OPENBSD, LinkType.RAW_BSDOS, LinkType.IPV4, LinkType.IPV6 -> {
                if (!fits(at, 1, end, "raw IP packet is empty")) {
                    return;
                }
                int version = Bytes.u8(segment, at) >>> 4;
                type = version == 4 ? Packet.ETHERTYPE_IPV4 : version == 6 ? Packet.ETHERTYPE_IPV6 : 0;
                if (type == 0) {
                    anomaly(Anomaly.IP_VERSION, at, "raw IP packet has version " + version);
                    return;
                }
            }
            case LinkType.NULL, LinkType.LOOP -> {
                if (!fits(at, 4, end, "loopback header runs past the end of the packet")) {
                    return;
                }
                long family;
                if (linkType == LinkType.LOOP) {
                    family = Bytes.u32(segment, at); // OpenBSD loopback: always network byte order
                } else {
                    // NULL: the capturing host's byte order; families are small, so one order gives < 256.
                    family = Bytes.u32(segment, at, false);
                    if (family > 0xFF) {
                        family = Bytes.u32(segment, at, true);
                    }
                }
                type = family == 2
                        ? Packet.ETHERTYPE_IPV4
                        : family == 24 || family == 28 || family == 30 ? Packet.ETHERTYPE_IPV6 : 0;
                at += 4;
            }
            default -> {
                return;
            }
        }
        // 802.1Q / 802.1ad / old QinQ tags, after Ethernet and after Linux cooked headers alike.
        while (type == 0x8100 || type == 0x88A8 || type == 0x9100) {
            if (!fits(at, 4, end, "VLAN tag runs past the end of the packet")) {
                return;
            }
            if (vlanCount == 0) {
                vlanId = Bytes.u16(segment, at) & 0x0FFF;
            }
            if (++vlanCount == MAX_VLAN_TAGS + 1) {
                anomaly(Anomaly.DEEP_VLAN_STACK, at, "more than 8 VLAN tags");
            }
            layers |= Packet.LAYER_VLAN;
            type = Bytes.u16(segment, at + 2);
            at += 4;
        }
        networkType = type;
        if (type == Packet.ETHERTYPE_IPV4) {
            decodeIpv4(at, end, !quoted);
        } else if (type == Packet.ETHERTYPE_IPV6) {
            decodeIpv6(at, end, !quoted);
        }
    }

    private void decodeIpv4(long at, long end, boolean followQuotes) {
        if (!fits(at, IPV4_MIN_BYTES, end, "IPv4 header runs past the end of the packet")) {
            return;
        }
        // Words 0-2 of the header: version/IHL, TOS, total length | id, flags/fragment | TTL, protocol, checksum.
        int word0 = Bytes.i32(segment, at);
        int word1 = Bytes.i32(segment, at + 4);
        int word2 = Bytes.i32(segment, at + 8);
        int versionAndLength = word0 >>> 24;
        if (versionAndLength >>> 4 != 4) {
            anomaly(Anomaly.IP_VERSION, at, "IPv4 header has version " + (versionAndLength >>> 4));
            return;
        }
        int headerLength = (versionAndLength & 0x0F) * 4;
        if (headerLength < IPV4_MIN_BYTES) {
            anomaly(Anomaly.IPV4_LENGTH, at, "IPv4 header length " + headerLength + " is below 20");
            return;
        }
        if (!fits(at, headerLength, end, "IPv4 options run past the end of the packet")) {
            return;
        }
        long totalLength = word0 & 0xFFFF;
        if (totalLength == 0) {
            // TSO/LSO: the NIC fills the length in later. Wireshark takes the frame's length; so do we.
            anomaly(Anomaly.IPV4_TOTAL_LENGTH_ZERO, at, "IPv4 total length 0 (segmentation offload)");
            totalLength = reportedEnd - at;
        }
        if (totalLength < headerLength) {
            anomaly(
                    Anomaly.IPV4_LENGTH,
                    at,
                    "IPv4 total length " + totalLength + " is below its header length " + headerLength);
            return;
        }
        layers |= Packet.LAYER_IPV4;
        networkOffset = at;
        int fragmentField = word1 & 0xFFFF;
        fragment = (fragmentField & 0x3FFF) != 0;
        ipProtocol = (word2 >>> 16) & 0xFF;
        long declaredEnd = at + totalLength;
        if (!fits(at, totalLength, end, "IPv4 total length runs past the end of the packet") && !truncated) {
            return;
        }
        if ((fragmentField & 0x1FFF) != 0) {
            payloadOffset = at + headerLength;
            payloadLength = totalLength - headerLength;
            return;
        }
        decodeTransport(at + headerLength, declaredEnd, Math.min(declaredEnd, end), false, followQuotes);
    }

    private void decodeIpv6(long at, long end, boolean followQuotes) {
        if (!fits(at, IPV6_BYTES, end, "IPv6 header runs past the end of the packet")) {
            return;
        }
        int version = Bytes.u8(segment, at) >>> 4;
        if (version != 6) {
            anomaly(Anomaly.IP_VERSION, at, "IPv6 header has version " + version);
            return;
        }
        layers |= Packet.LAYER_IPV6;
        networkOffset = at;
        long declaredEnd = at + IPV6_BYTES + Bytes.u16(segment, at + 4);
        if (!fits(at, declaredEnd - at, end, "IPv6 payload length runs past the end of the packet") && !truncated) {
            return;
        }
        long limit = Math.min(declaredEnd, end);
        int next = Bytes.u8(segment, at + 6);
        long cursor = at + IPV6_BYTES;
        for (int i = 0; ; i++) {
            if (i == MAX_IPV6_EXTENSION_HEADERS) {
                anomaly(Anomaly.IPV6_EXTENSION_CHAIN, cursor, "more than 16 IPv6 extension headers");
                return;
            }
            int extensionLength;
            switch (next) {
                case 0, 43, 60, 135, 139, 140 -> { // hop-by-hop, routing, destination, mobility, HIP, shim6
                    if (!fits(cursor, 8, limit, "IPv6 extension header runs past the payload")) {
                        return;
                    }
                    extensionLength = (Bytes.u8(segment, cursor + 1) + 1) * 8;
                }
                case 51 -> { // authentication header counts 4-byte units minus 2
                    if (!fits(cursor, 8, limit, "IPv6 authentication header runs past the payload")) {
                        return;
                    }
                    extensionLength = (Bytes.u8(segment, cursor + 1) + 2) * 4;
                }
                case 44 -> { // fragment header, fixed 8 bytes
                    if (!fits(cursor, 8, limit, "IPv6 fragment header runs past the payload")) {
                        return;
                    }
                    int offsetAndFlags = Bytes.u16(segment, cursor + 2);
                    fragment = true;
                    next = Bytes.u8(segment, cursor);
                    cursor += 8;
                    if ((offsetAndFlags & 0xFFF8) != 0) {
                        ipProtocol = next;
                        payloadOffset = cursor;
                        payloadLength = declaredEnd - cursor;
                        return;
                    }
                    continue;
                }
                default -> {
                    ipProtocol = next;
                    decodeTransport(cursor, declaredEnd, limit, true, followQuotes);
                    return;
                }
            }
            if (!fits(cursor, extensionLength, limit, "IPv6 extension header runs past the payload")) {
                return;
            }
            next = Bytes.u8(segment, cursor);
            cursor += extensionLength;
        }
    }

    /**
     * Decodes the transport header at {@code at}; {@code declaredEnd} is where the IP header says the
     * datagram ends, {@code limit} where its captured bytes end. A header cut short still reports the fields
     * whose bytes are there (ports need the first 4 bytes).
     */
    private void decodeTransport(long at, long declaredEnd, long limit, boolean overIpv6, boolean followQuotes) {
        transportOffset = at;
        switch (ipProtocol) {
            case 6 -> {
                if (!fits(at, 4, limit, "TCP header runs past the IP payload")) {
                    return;
                }
                layers |= Packet.LAYER_TCP;
                transportEnd = limit;
                // Cut inside the fixed header: the fields before the cut stay readable (the view checks
                // transportEnd); once the data offset is there, the payload is located as usual.
                if (!fits(at, 13, limit, "TCP header runs past the IP payload")) {
                    return;
                }
                int headerLength = (Bytes.u8(segment, at + 12) >>> 4) * 4;
                if (headerLength < TCP_MIN_BYTES) {
                    anomaly(Anomaly.TCP_DATA_OFFSET, at, "TCP data offset " + headerLength + " is below 20");
                    return;
                }
                // Cut inside its options: the fixed fields are readable and the option walk stops at the end.
                fits(at, headerLength, limit, "TCP options run past the IP payload");
                payloadOffset = at + headerLength;
                payloadLength = declaredEnd - payloadOffset;
            }
            case 17 -> {
                if (!fits(at, 4, limit, "UDP header runs past the IP payload")) {
                    return;
                }
                layers |= Packet.LAYER_UDP;
                transportEnd = limit;
                if (!fits(at, UDP_BYTES, limit, "UDP header runs past the IP payload")) {
                    return;
                }
                int length = Bytes.u16(segment, at + 4);
                if (length < UDP_BYTES) {
                    anomaly(Anomaly.UDP_LENGTH, at, "UDP length " + length + " is below 8");
                    return;
                }
                payloadOffset = at + UDP_BYTES;
                payloadLength = (long) length - UDP_BYTES;
            }
            case 1, 58 -> {
                if ((ipProtocol == 58) != overIpv6) {
                    payloadOffset = at;
                    payloadLength = declaredEnd - at;
                    return;
                }
                if (!fits(at, ICMP_BYTES, limit, "ICMP header runs past the IP payload")) {
                    return;
                }
                layers |= overIpv6 ? Packet.LAYER_ICMPV6 : Packet.LAYER_ICMP;
                transportEnd = limit;
                payloadOffset = at + ICMP_BYTES;
                payloadLength = declaredEnd - payloadOffset;
                int icmpType = Bytes.u8(segment, at);
                boolean error = overIpv6
                        ? icmpType >= 1 && icmpType <= 4
                        : icmpType == 3 || icmpType == 4 || icmpType == 5 || icmpType == 11 || icmpType == 12;
                if (error && followQuotes && limit - at > ICMP_QUOTE_OFFSET) {
                    quotedOffset = at + ICMP_QUOTE_OFFSET;
                    quotedEnd = limit;
                }
            }
            default -> {
                payloadOffset = at;
                payloadLength = declaredEnd - at;
            }
        }
    }

    /**
     * Whether {@code bytes} starting at {@code at} lie before {@code end}. If not, the packet is marked
     * truncated when the snap length (or an ICMP quote) explains it, {@link Anomaly#PAST_CAPTURED_END}
     * otherwise.
     */
    private boolean fits(long at, long bytes, long end, String what) {
        if (bytes <= end - at) {
            return true;
        }
        if (cut) {
            truncated = true;
        } else {
            anomaly(Anomaly.PAST_CAPTURED_END, at, what);
        }
        return false;
    }

    private void anomaly(int bit, long at, String what) {
        anomalies |= bit;
        if (problem == null) {
            problem = what;
            problemOffset = at;
        }
    }

    /** Layer bits ({@code Packet.LAYER_*}). */
    public int layers() {
        return layers;
    }

    /** {@link Anomaly} bits, framing ones included. */
    public int anomalies() {
        return anomalies;
    }

    /** Number of VLAN tags. */
    public int vlanCount() {
        return vlanCount;
    }

    /** VLAN id of the outermost tag (0 without tags). */
    public int vlanId() {
        return vlanId;
    }

    /** The network-layer EtherType, 0 if unknown. */
    public int networkType() {
        return networkType;
    }

    /** Offset of the IPv4/IPv6 header, or -1. */
    public long networkOffset() {
        return networkOffset;
    }

    /** Upper-layer protocol, or -1. */
    public int ipProtocol() {
        return ipProtocol;
    }

    /** Offset of the transport header, or -1. */
    public long transportOffset() {
        return transportOffset;
    }

    /** End of the readable transport bytes (captured end within the datagram), or -1. */
    public long transportEnd() {
        return transportEnd;
    }

    /** Offset of the payload, or -1 when the header that would locate it is cut or bogus. */
    public long payloadOffset() {
        return payloadOffset;
    }

    /** Payload length as the headers declare it (may be negative on bogus input). */
    public long payloadLength() {
        return payloadLength;
    }

    /** Whether the snap length (or an ICMP quote) cut a header. */
    public boolean truncated() {
        return truncated;
    }

    /** Whether the datagram is an IP fragment. */
    public boolean fragment() {
        return fragment;
    }

    /** Description of the first content anomaly, or {@code null}. */
    public String problem() {
        return problem;
    }

    /** Offset of the first content anomaly, or -1. */
    public long problemOffset() {
        return problemOffset;
    }

    /** Offset of the datagram quoted by an ICMP/ICMPv6 error message, or -1. */
    public long quotedOffset() {
        return quotedOffset;
    }

    /** End of the quoted datagram's captured bytes, or -1. */
    public long quotedEnd() {
        return quotedEnd;
    }
}
