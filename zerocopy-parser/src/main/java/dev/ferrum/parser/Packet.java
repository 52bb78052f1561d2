/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

import dev.ferrum.parser.internal.Bytes;
import java.lang.foreign.MemorySegment;

/**
 * Flyweight over one packet record and its decoded layers: framing fields (timestamp, lengths, link
 * type) plus the offsets of the Ethernet/VLAN, IPv4/IPv6, TCP/UDP/ICMP headers and the payload found by
 * one pass over the captured bytes. Every getter reads the mapped bytes in place; nothing is copied and
 * nothing is allocated per packet.
 *
 * <h2>Lifetime</h2>
 * A {@link CaptureReader} owns one {@code Packet} and re-wraps it for every record, so a {@code Packet} (and
 * the header views it hands out) describes the current record only, and the segment it reads stays valid
 * only as long as the segment's arena is open. This is the Java counterpart of Rust's {@code Packet<'a>}
 * borrowing the buffer: the arena scope plays the lifetime, checked at run time rather than at compile time.
 *
 * <h2>Truncation and problems</h2>
 * A packet captured with a short snap length ({@link #capturedLength()} below {@link #originalLength()})
 * decodes as far as its bytes go and reports {@link #isTruncated()}; that is normal, not an error. A header
 * that contradicts itself or runs past the packet although nothing was cut off sets {@link #problem()}
 * (in strict mode the reader throws instead); the layers before it remain readable.
 *
 * <p>Not thread-safe.
 */
public final class Packet {

    /** Layer bit: an Ethernet II header was decoded. */
    public static final int LAYER_ETHERNET = 1;
    /** Layer bit: at least one VLAN tag. */
    public static final int LAYER_VLAN = 1 << 1;
    /** Layer bit: an IPv4 header. */
    public static final int LAYER_IPV4 = 1 << 2;
    /** Layer bit: an IPv6 header. */
    public static final int LAYER_IPV6 = 1 << 3;
    /** Layer bit: a TCP header. */
    public static final int LAYER_TCP = 1 << 4;
    /** Layer bit: a UDP header. */
    public static final int LAYER_UDP = 1 << 5;
    /** Layer bit: an ICMP header. */
    public static final int LAYER_ICMP = 1 << 6;
    /** Layer bit: an ICMPv6 header. */
    public static final int LAYER_ICMPV6 = 1 << 7;

    /** EtherType of IPv4. */
    public static final int ETHERTYPE_IPV4 = 0x0800;
    /** EtherType of IPv6. */
    public static final int ETHERTYPE_IPV6 = 0x86DD;

    private static final int MAX_VLAN_TAGS = 8;
    private static final int MAX_IPV6_EXTENSION_HEADERS = 16;

    static final int TS_PCAP_MICRO = 0;
    static final int TS_PCAP_NANO = 1;
    static final int TS_DECIMAL = 2;
    static final int TS_BINARY = 3;

    private static final long[] POW10 = {
        1L,
        10L,
        100L,
        1_000L,
        10_000L,
        100_000L,
        1_000_000L,
        10_000_000L,
        100_000_000L,
        1_000_000_000L,
        10_000_000_000L,
        100_000_000_000L,
        1_000_000_000_000L,
        10_000_000_000_000L,
        100_000_000_000_000L,
        1_000_000_000_000_000L,
        10_000_000_000_000_000L,
        100_000_000_000_000_000L,
        1_000_000_000_000_000_000L
    };

    private final EthernetHeader ethernet = new EthernetHeader();
    private final Ipv4Header ipv4 = new Ipv4Header();
    private final Ipv6Header ipv6 = new Ipv6Header();
    private final TcpHeader tcp = new TcpHeader();
    private final UdpHeader udp = new UdpHeader();
    private final IcmpHeader icmp = new IcmpHeader();

    // Framing, set by the reader.
    private MemorySegment segment = MemorySegment.NULL;
    private long recordOffset;
    private long dataOffset;
    private int capturedLength;
    private long originalLength;
    private int linkType;
    private int interfaceId;
    private int tsKind;
    private long tsHigh;
    private long tsLow;
    private int tsDigits;
    private long tsOffsetSeconds;

    // Decoded layers.
    private int layers;
    private int vlanCount;
    private int vlanId;
    private long linkOffset;
    private int networkType;
    private long networkOffset;
    private int ipProtocol;
    private long transportOffset;
    private long payloadOffset;
    private long payloadLength;
    private boolean truncated;
    private boolean fragment;
    private String problem;
    private long problemOffset;

    /** Creates an unwrapped view; call {@code wrap} before reading. */
    public Packet() {
        // Views start unwrapped; see wrap.
    }

    /**
     * Frames a packet over {@code segment} without a capture file around it, for callers that hold raw
     * frames (from a socket, a ring buffer) and want the same decoding.
     *
     * @param segment  the bytes
     * @param offset   first byte of the link-layer header
     * @param length   captured bytes (must lie within the segment)
     * @param linkType a {@link LinkType} value
     * @return this, decoded
     * @throws IllegalArgumentException if {@code [offset, offset + length)} is not inside the segment
     */
    public Packet wrap(MemorySegment segment, long offset, int length, int linkType) {
        if (offset < 0 || length < 0 || offset > segment.byteSize() - length) {
            throw new IllegalArgumentException(
                    "packet [" + offset + ", +" + length + ") outside segment of " + segment.byteSize() + " bytes");
        }
        frame(segment, offset, offset, length, length, linkType, 0);
        timestamp(TS_PCAP_NANO, 0, 0, 0, 0);
        decode();
        return this;
    }

    void frame(
            MemorySegment segment,
            long recordOffset,
            long dataOffset,
            int capturedLength,
            long originalLength,
            int linkType,
            int interfaceId) {
        this.segment = segment;
        this.recordOffset = recordOffset;
        this.dataOffset = dataOffset;
        this.capturedLength = capturedLength;
        this.originalLength = originalLength;
        this.linkType = linkType;
        this.interfaceId = interfaceId;
    }

    void timestamp(int kind, long high, long low, int digits, long offsetSeconds) {
        this.tsKind = kind;
        this.tsHigh = high;
        this.tsLow = low;
        this.tsDigits = digits;
        this.tsOffsetSeconds = offsetSeconds;
    }

    // ---------------------------------------------------------------- framing getters

    /** The segment this packet's bytes live in. */
    public MemorySegment segment() {
        return segment;
    }

    /** Offset of the record (pcap record header or pcapng block) in the segment. */
    public long recordOffset() {
        return recordOffset;
    }

    /** Offset of the first captured byte (the link-layer header). */
    public long dataOffset() {
        return dataOffset;
    }

    /** Bytes captured (tshark {@code frame.cap_len}). */
    public int capturedLength() {
        return capturedLength;
    }

    /** Bytes on the wire (tshark {@code frame.len}). */
    public long originalLength() {
        return originalLength;
    }

    /** The link type of the record's interface (a {@link LinkType} value). */
    public int linkType() {
        return linkType;
    }

    /** pcapng interface id (0 for classic pcap). */
    public int interfaceId() {
        return interfaceId;
    }

    /** The captured bytes as a slice of the mapped segment (no copy; a small view object). */
    public MemorySegment data() {
        return segment.asSlice(dataOffset, capturedLength);
    }

    /** Whole seconds since the epoch (pcapng {@code if_tsoffset} applied). */
    public long timestampSeconds() {
        return switch (tsKind) {
            case TS_PCAP_MICRO -> tsHigh + tsLow / 1_000_000L;
            case TS_PCAP_NANO -> tsHigh + tsLow / 1_000_000_000L;
            case TS_DECIMAL -> Long.divideUnsigned(units(), POW10[tsDigits]) + tsOffsetSeconds;
            default -> (tsDigits >= 64 ? 0 : units() >>> tsDigits) + tsOffsetSeconds;
        };
    }

    /** Nanoseconds within {@link #timestampSeconds()} (0 to 999,999,999; truncated below a nanosecond). */
    public int timestampNanos() {
        return switch (tsKind) {
            case TS_PCAP_MICRO -> (int) (tsLow % 1_000_000L) * 1_000;
            case TS_PCAP_NANO -> (int) (tsLow % 1_000_000_000L);
            case TS_DECIMAL -> {
                long fraction = Long.remainderUnsigned(units(), POW10[tsDigits]);
                yield (int) (tsDigits <= 9 ? fraction * POW10[9 - tsDigits] : fraction / POW10[tsDigits - 9]);
            }
            default -> {
                if (tsDigits == 0) {
                    yield 0;
                }
                // The unsigned 128-bit product fraction * 1e9 is (hi, lo); shifting it right by digits gives the
                // nanoseconds, which are below 1e9 because fraction < 2^digits.
                long fraction = tsDigits >= 64 ? units() : units() & ((1L << tsDigits) - 1);
                long lo = fraction * 1_000_000_000L;
                long hi = Math.unsignedMultiplyHigh(fraction, 1_000_000_000L);
                yield (int) (tsDigits >= 64 ? hi >>> (tsDigits - 64) : (hi << (64 - tsDigits)) | (lo >>> tsDigits));
            }
        };
    }

    /** The timestamp as nanoseconds since the epoch (overflows after the year 2262). */
    public long epochNanos() {
        return timestampSeconds() * 1_000_000_000L + timestampNanos();
    }

    private long units() {
        return (tsHigh << 32) | tsLow;
    }

    // ---------------------------------------------------------------- decoded-layer getters

    /** Bit set of the {@code LAYER_*} constants that were decoded. */
    public int layers() {
        return layers;
    }

    /** Whether all layer bits in {@code mask} were decoded. */
    public boolean has(int mask) {
        return (layers & mask) == mask;
    }

    /** Number of 802.1Q/802.1ad tags. */
    public int vlanCount() {
        return vlanCount;
    }

    /** VLAN id of the outermost tag, or -1 without tags. */
    public int vlanId() {
        return vlanCount == 0 ? -1 : vlanId;
    }

    /** The network-layer EtherType ({@link #ETHERTYPE_IPV4}, {@link #ETHERTYPE_IPV6}, ...), 0 if unknown. */
    public int networkType() {
        return networkType;
    }

    /** Offset of the network-layer header, or -1. */
    public long networkOffset() {
        return networkOffset;
    }

    /** Upper-layer protocol after IPv4 or all IPv6 extension headers (6, 17, 1, 58, ...), or -1. */
    public int ipProtocol() {
        return ipProtocol;
    }

    /** Offset of the transport header, or -1. */
    public long transportOffset() {
        return transportOffset;
    }

    /** Offset of the first payload byte after the deepest decoded header, or -1. */
    public long payloadOffset() {
        return payloadOffset;
    }

    /**
     * Payload length as the headers declare it (tshark's {@code tcp.len}; UDP length minus 8); may exceed
     * the captured bytes of a truncated packet.
     */
    public long payloadLength() {
        // A header longer than the datagram declares (only reachable on truncated or malformed packets) gives 0.
        return Math.max(0, payloadLength);
    }

    /** Payload bytes actually captured. */
    public int capturedPayloadLength() {
        if (payloadOffset < 0) {
            return 0;
        }
        long available = dataOffset + capturedLength - payloadOffset;
        return (int) Math.max(0, Math.min(payloadLength, available));
    }

    /** The captured payload as a slice of the mapped segment (no copy; a small view object). */
    public MemorySegment payload() {
        long capturedEnd = dataOffset + capturedLength;
        // A header cut by the snap length can put the payload's start past the captured end: clamp, empty slice.
        return payloadOffset < 0 || payloadOffset >= capturedEnd
                ? segment.asSlice(capturedEnd, 0)
                : segment.asSlice(payloadOffset, capturedPayloadLength());
    }

    /** Whether a header was cut off by the snap length. */
    public boolean isTruncated() {
        return truncated;
    }

    /** Whether the IP datagram is a fragment (IPv4 MF/offset or an IPv6 fragment header). */
    public boolean isFragment() {
        return fragment;
    }

    /** What was malformed inside this packet, or {@code null}. */
    public String problem() {
        return problem;
    }

    /** Offset of the malformed header, or -1. */
    public long problemOffset() {
        return problem == null ? -1 : problemOffset;
    }

    /** The Ethernet header. @throws IllegalStateException if none was decoded */
    public EthernetHeader ethernet() {
        require(LAYER_ETHERNET, "Ethernet");
        return ethernet;
    }

    /** The IPv4 header. @throws IllegalStateException if none was decoded */
    public Ipv4Header ipv4() {
        require(LAYER_IPV4, "IPv4");
        return ipv4;
    }

    /** The IPv6 header. @throws IllegalStateException if none was decoded */
    public Ipv6Header ipv6() {
        require(LAYER_IPV6, "IPv6");
        return ipv6;
    }

    /** The TCP header. @throws IllegalStateException if none was decoded */
    public TcpHeader tcp() {
        require(LAYER_TCP, "TCP");
        return tcp;
    }

    /** The UDP header. @throws IllegalStateException if none was decoded */
    public UdpHeader udp() {
        require(LAYER_UDP, "UDP");
        return udp;
    }

    /** The ICMP or ICMPv6 header. @throws IllegalStateException if neither was decoded */
    public IcmpHeader icmp() {
        if ((layers & (LAYER_ICMP | LAYER_ICMPV6)) == 0) {
            throw new IllegalStateException("packet at offset " + recordOffset + " has no ICMP header");
        }
        return icmp;
    }

    /** Source port of the TCP or UDP header, or -1. */
    public int sourcePort() {
        if ((layers & LAYER_TCP) != 0) {
            return tcp.sourcePort();
        }
        return (layers & LAYER_UDP) != 0 ? udp.sourcePort() : -1;
    }

    /** Destination port of the TCP or UDP header, or -1. */
    public int destinationPort() {
        if ((layers & LAYER_TCP) != 0) {
            return tcp.destinationPort();
        }
        return (layers & LAYER_UDP) != 0 ? udp.destinationPort() : -1;
    }

    private void require(int layer, String name) {
        if ((layers & layer) == 0) {
            throw new IllegalStateException("packet at offset " + recordOffset + " has no " + name + " header");
        }
    }

    // ---------------------------------------------------------------- decoding

    /** Decodes the layers of the framed record; one forward pass, every read checked against the end. */
    void decode() {
        layers = 0;
        vlanCount = 0;
        vlanId = 0;
        linkOffset = dataOffset;
        networkType = 0;
        networkOffset = -1;
        ipProtocol = -1;
        transportOffset = -1;
        payloadOffset = -1;
        payloadLength = 0;
        truncated = false;
        fragment = false;
        problem = null;
        long end = dataOffset + capturedLength;
        long at = dataOffset;
        int type;
        switch (linkType) {
            case LinkType.ETHERNET -> {
                if (!fits(at, EthernetHeader.HEADER_BYTES, end, "Ethernet header runs past the end of the packet")) {
                    return;
                }
                ethernet.wrap(segment, at);
                layers = LAYER_ETHERNET;
                type = Bytes.u16(segment, at + 12);
                at += EthernetHeader.HEADER_BYTES;
                while (type == 0x8100 || type == 0x88A8 || type == 0x9100) {
                    if (vlanCount == MAX_VLAN_TAGS) {
                        malformed(at, "more than 8 VLAN tags");
                        return;
                    }
                    if (!fits(at, 4, end, "VLAN tag runs past the end of the packet")) {
                        return;
                    }
                    if (vlanCount == 0) {
                        vlanId = Bytes.u16(segment, at) & 0x0FFF;
                    }
                    vlanCount++;
                    layers |= LAYER_VLAN;
                    type = Bytes.u16(segment, at + 2);
                    at += 4;
                }
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
                type = version == 4 ? ETHERTYPE_IPV4 : version == 6 ? ETHERTYPE_IPV6 : 0;
                if (type == 0) {
                    malformed(at, "raw IP packet has version " + version);
                    return;
                }
            }
            case LinkType.NULL -> {
                if (!fits(at, 4, end, "loopback header runs past the end of the packet")) {
                    return;
                }
                // The family is in the capturing host's byte order; families are small, so one order gives < 256.
                long family = Bytes.u32(segment, at, false);
                if (family > 0xFF) {
                    family = Bytes.u32(segment, at, true);
                }
                type = family == 2 ? ETHERTYPE_IPV4 : family == 24 || family == 28 || family == 30 ? ETHERTYPE_IPV6 : 0;
                at += 4;
            }
            default -> {
                return;
            }
        }
        networkType = type;
        if (type == ETHERTYPE_IPV4) {
            decodeIpv4(at, end);
        } else if (type == ETHERTYPE_IPV6) {
            decodeIpv6(at, end);
        }
    }

    private void decodeIpv4(long at, long end) {
        if (!fits(at, Ipv4Header.MIN_HEADER_BYTES, end, "IPv4 header runs past the end of the packet")) {
            return;
        }
        // Words 0-2 of the header: version/IHL, TOS, total length | id, flags/fragment | TTL, protocol, checksum.
        int word0 = Bytes.i32(segment, at);
        int word1 = Bytes.i32(segment, at + 4);
        int word2 = Bytes.i32(segment, at + 8);
        int versionAndLength = word0 >>> 24;
        if (versionAndLength >>> 4 != 4) {
            malformed(at, "IPv4 header has version " + (versionAndLength >>> 4));
            return;
        }
        int headerLength = (versionAndLength & 0x0F) * 4;
        if (headerLength < Ipv4Header.MIN_HEADER_BYTES) {
            malformed(at, "IPv4 header length " + headerLength + " is below 20");
            return;
        }
        if (!fits(at, headerLength, end, "IPv4 options run past the end of the packet")) {
            return;
        }
        int totalLength = word0 & 0xFFFF;
        if (totalLength < headerLength) {
            malformed(at, "IPv4 total length " + totalLength + " is below its header length " + headerLength);
            return;
        }
        ipv4.wrap(segment, at);
        layers |= LAYER_IPV4;
        networkOffset = at;
        int fragmentField = word1 & 0xFFFF;
        fragment = (fragmentField & 0x3FFF) != 0;
        ipProtocol = (word2 >>> 16) & 0xFF;
        long declaredEnd = at + totalLength;
        if (!fits(at, totalLength, end, "IPv4 total length runs past the end of the packet")) {
            if (problem != null) {
                return;
            }
        }
        if ((fragmentField & 0x1FFF) != 0) {
            payloadOffset = at + headerLength;
            payloadLength = totalLength - headerLength;
            return;
        }
        decodeTransport(at + headerLength, declaredEnd, Math.min(declaredEnd, end), false);
    }

    private void decodeIpv6(long at, long end) {
        if (!fits(at, Ipv6Header.HEADER_BYTES, end, "IPv6 header runs past the end of the packet")) {
            return;
        }
        int version = Bytes.u8(segment, at) >>> 4;
        if (version != 6) {
            malformed(at, "IPv6 header has version " + version);
            return;
        }
        ipv6.wrap(segment, at);
        layers |= LAYER_IPV6;
        networkOffset = at;
        long declaredEnd = at + Ipv6Header.HEADER_BYTES + Bytes.u16(segment, at + 4);
        if (!fits(at, declaredEnd - at, end, "IPv6 payload length runs past the end of the packet")) {
            if (problem != null) {
                return;
            }
        }
        long limit = Math.min(declaredEnd, end);
        int next = Bytes.u8(segment, at + 6);
        long cursor = at + Ipv6Header.HEADER_BYTES;
        for (int i = 0; ; i++) {
            if (i == MAX_IPV6_EXTENSION_HEADERS) {
                malformed(cursor, "more than 16 IPv6 extension headers");
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
                    decodeTransport(cursor, declaredEnd, limit, true);
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
     * datagram ends, {@code limit} where its captured bytes end.
     */
    private void decodeTransport(long at, long declaredEnd, long limit, boolean overIpv6) {
        transportOffset = at;
        switch (ipProtocol) {
            case 6 -> {
                if (!fits(at, TcpHeader.MIN_HEADER_BYTES, limit, "TCP header runs past the IP payload")) {
                    return;
                }
                int headerLength = (Bytes.u8(segment, at + 12) >>> 4) * 4;
                if (headerLength < TcpHeader.MIN_HEADER_BYTES) {
                    malformed(at, "TCP data offset " + headerLength + " is below 20");
                    return;
                }
                if (!fits(at, headerLength, limit, "TCP options run past the IP payload") && !truncated) {
                    return;
                }
                // Cut off inside its options by the snap length: the fixed fields are still readable, and
                // the option walk is bounded by the captured end.
                tcp.wrap(segment, at, limit);
                layers |= LAYER_TCP;
                payloadOffset = at + headerLength;
                payloadLength = declaredEnd - payloadOffset;
            }
            case 17 -> {
                if (!fits(at, UdpHeader.HEADER_BYTES, limit, "UDP header runs past the IP payload")) {
                    return;
                }
                int length = Bytes.u16(segment, at + 4);
                if (length < UdpHeader.HEADER_BYTES) {
                    malformed(at, "UDP length " + length + " is below 8");
                    return;
                }
                udp.wrap(segment, at);
                layers |= LAYER_UDP;
                payloadOffset = at + UdpHeader.HEADER_BYTES;
                payloadLength = length - UdpHeader.HEADER_BYTES;
            }
            case 1, 58 -> {
                if ((ipProtocol == 58) != overIpv6) {
                    payloadOffset = at;
                    payloadLength = declaredEnd - at;
                    return;
                }
                if (!fits(at, IcmpHeader.HEADER_BYTES, limit, "ICMP header runs past the IP payload")) {
                    return;
                }
                icmp.wrap(segment, at);
                layers |= overIpv6 ? LAYER_ICMPV6 : LAYER_ICMP;
                payloadOffset = at + IcmpHeader.HEADER_BYTES;
                payloadLength = declaredEnd - payloadOffset;
            }
            default -> {
                payloadOffset = at;
                payloadLength = declaredEnd - at;
            }
        }
    }

    /**
     * Whether {@code bytes} starting at {@code at} lie before {@code end}. If not, the packet is marked
     * truncated when the snap length explains it, malformed otherwise.
     */
    private boolean fits(long at, long bytes, long end, String what) {
        if (bytes <= end - at) {
            return true;
        }
        if (capturedLength < originalLength) {
            truncated = true;
        } else {
            malformed(at, what);
        }
        return false;
    }

    private void malformed(long at, String what) {
        problem = what;
        problemOffset = at;
    }
}
