/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

import dev.ferrum.parser.internal.PacketDecoder;
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
 * <h2>Truncation and anomalies</h2>
 * A packet captured with a short snap length ({@link #capturedLength()} below {@link #originalLength()})
 * decodes as far as its bytes go, field by field, and reports {@link #isTruncated()}; that is normal, not an
 * error. Odd contents (an IPv4 total length of 0 from segmentation offload, a header that contradicts itself
 * or runs past a packet nothing cut off, a captured length above the snap length) set {@link Anomaly} bits in
 * {@link #anomalies()} and describe the first one in {@link #problem()}; they are never fatal, in strict mode
 * either, and the layers before the odd spot remain readable.
 *
 * <p>The decoding pass itself lives in {@code internal.PacketDecoder}; this class is the view over its result.
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

    // Decoded layers: offsets and anomaly bits, computed by one forward pass (internal.PacketDecoder).
    private final PacketDecoder decoded = new PacketDecoder();
    private int layers; // decoded.layers(), copied: the hot has()/tcp() checks read it without an indirection
    private int framingAnomalies;
    private boolean hasTimestamp = true;
    private Packet quoted;
    private long quotedFor = -1;

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
        frame(segment, offset, offset, length, length, linkType, 0, 0);
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
            int interfaceId,
            int framingAnomalies) {
        this.segment = segment;
        this.framingAnomalies = framingAnomalies;
        this.recordOffset = recordOffset;
        this.dataOffset = dataOffset;
        this.capturedLength = capturedLength;
        this.originalLength = originalLength;
        this.linkType = linkType;
        this.interfaceId = interfaceId;
    }

    void timestamp(int kind, long high, long low, int digits, long offsetSeconds) {
        this.hasTimestamp = true;
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

    /** Marks the packet as carrying no timestamp (pcapng simple packet blocks). */
    void noTimestamp() {
        timestamp(TS_PCAP_NANO, 0, 0, 0, 0);
        this.hasTimestamp = false;
    }

    /**
     * Whether the record carries a timestamp. pcapng simple packet blocks do not: their
     * {@link #timestampSeconds()} is 0 and tools should print nothing (tshark leaves {@code frame.time_epoch}
     * empty).
     */
    public boolean hasTimestamp() {
        return hasTimestamp;
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

    /**
     * Bit set of the {@link Anomaly} constants: odd contents of this packet (IPv4 total length 0, captured
     * length above the snap length, a header contradicting itself, ...). 0 for an ordinary packet. Anomalies
     * never stop a walk; the packet is decoded as far as possible.
     */
    public int anomalies() {
        return decoded.anomalies();
    }

    /** Number of 802.1Q/802.1ad tags. */
    public int vlanCount() {
        return decoded.vlanCount();
    }

    /** VLAN id of the outermost tag, or -1 without tags. */
    public int vlanId() {
        return decoded.vlanCount() == 0 ? -1 : decoded.vlanId();
    }

    /** The network-layer EtherType ({@link #ETHERTYPE_IPV4}, {@link #ETHERTYPE_IPV6}, ...), 0 if unknown. */
    public int networkType() {
        return decoded.networkType();
    }

    /** Offset of the network-layer header, or -1. */
    public long networkOffset() {
        return decoded.networkOffset();
    }

    /** Upper-layer protocol after IPv4 or all IPv6 extension headers (6, 17, 1, 58, ...), or -1. */
    public int ipProtocol() {
        return decoded.ipProtocol();
    }

    /** Offset of the transport header, or -1. */
    public long transportOffset() {
        return decoded.transportOffset();
    }

    /**
     * Offset of the first payload byte after the deepest decoded header, or -1 (also when the header that
     * locates it was cut by the snap length or is bogus).
     */
    public long payloadOffset() {
        return decoded.payloadOffset();
    }

    /**
     * Payload length as the headers declare it (tshark's {@code tcp.len}; UDP length minus 8); may exceed
     * the captured bytes of a truncated packet; 0 when {@link #payloadOffset()} is -1.
     */
    public long payloadLength() {
        // A header longer than the datagram declares (only reachable on truncated or malformed packets) gives 0.
        return decoded.payloadOffset() < 0 ? 0 : Math.max(0, decoded.payloadLength());
    }

    /** Payload bytes actually captured. */
    public int capturedPayloadLength() {
        long payloadOffset = decoded.payloadOffset();
        if (payloadOffset < 0) {
            return 0;
        }
        long available = dataOffset + capturedLength - payloadOffset;
        return (int) Math.max(0, Math.min(decoded.payloadLength(), available));
    }

    /** The captured payload as a slice of the mapped segment (no copy; a small view object). */
    public MemorySegment payload() {
        long capturedEnd = dataOffset + capturedLength;
        long payloadOffset = decoded.payloadOffset();
        // A header cut by the snap length can put the payload's start past the captured end: clamp, empty slice.
        return payloadOffset < 0 || payloadOffset >= capturedEnd
                ? segment.asSlice(capturedEnd, 0)
                : segment.asSlice(payloadOffset, capturedPayloadLength());
    }

    /** Whether a header was cut off by the snap length. */
    public boolean isTruncated() {
        return decoded.truncated();
    }

    /** Whether the IP datagram is a fragment (IPv4 MF/offset or an IPv6 fragment header). */
    public boolean isFragment() {
        return decoded.fragment();
    }

    /** What the first content {@link #anomalies() anomaly} was, or {@code null}. */
    public String problem() {
        return decoded.problem();
    }

    /** Offset of the first content anomaly, or -1. */
    public long problemOffset() {
        return decoded.problemOffset();
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

    /**
     * The TCP header. When the snap length cut it, the fields whose bytes were captured read normally and the
     * others return -1. @throws IllegalStateException if none was decoded
     */
    public TcpHeader tcp() {
        require(LAYER_TCP, "TCP");
        return tcp;
    }

    /**
     * The UDP header; fields cut off by the snap length return -1. @throws IllegalStateException if none was
     * decoded
     */
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

    /**
     * Whether this is an ICMP or ICMPv6 error message (destination unreachable, time exceeded, ...) that quotes
     * the IP header and the start of the datagram that caused it.
     */
    public boolean hasQuoted() {
        return decoded.quotedOffset() >= 0;
    }

    /**
     * The datagram quoted by an ICMP/ICMPv6 error message, decoded as a packet of its own (link type
     * {@link LinkType#RAW}): its IP header and transport header (ports, and more as far as the quote goes) are
     * flyweights over the same bytes. A quote is short by design, so it reports {@link #isTruncated()}, not
     * anomalies. The returned object is owned by this packet and re-decoded per record, like this one.
     *
     * @return the quoted datagram
     * @throws IllegalStateException if {@link #hasQuoted()} is false
     */
    public Packet quoted() {
        long offset = decoded.quotedOffset();
        if (offset < 0) {
            throw new IllegalStateException("packet at offset " + recordOffset + " is not an ICMP error message");
        }
        if (quoted == null) {
            quoted = new Packet();
        }
        // Decoded on first use per record (quotedFor remembers which), so ordinary walks pay nothing.
        if (quotedFor != offset || quoted.segment != segment) {
            int length = (int) (decoded.quotedEnd() - offset);
            quoted.frame(segment, recordOffset, offset, length, length, LinkType.RAW, interfaceId, 0);
            quoted.tsKind = tsKind;
            quoted.tsHigh = tsHigh;
            quoted.tsLow = tsLow;
            quoted.tsDigits = tsDigits;
            quoted.tsOffsetSeconds = tsOffsetSeconds;
            quoted.hasTimestamp = hasTimestamp;
            quoted.decode(true);
            quotedFor = offset;
        }
        return quoted;
    }

    private void require(int layer, String name) {
        if ((layers & layer) == 0) {
            throw new IllegalStateException("packet at offset " + recordOffset + " has no " + name + " header");
        }
    }

    /** Decodes the layers of the framed record and points the header views at them. */
    void decode() {
        decode(false);
    }

    private void decode(boolean quotedDatagram) {
        quotedFor = -1;
        decoded.decode(segment, dataOffset, capturedLength, originalLength, linkType, framingAnomalies, quotedDatagram);
        int layers = decoded.layers();
        this.layers = layers;
        if ((layers & LAYER_ETHERNET) != 0) {
            ethernet.wrap(segment, dataOffset);
        }
        if ((layers & LAYER_IPV4) != 0) {
            ipv4.wrap(segment, decoded.networkOffset());
        } else if ((layers & LAYER_IPV6) != 0) {
            ipv6.wrap(segment, decoded.networkOffset());
        }
        if ((layers & LAYER_TCP) != 0) {
            tcp.wrap(segment, decoded.transportOffset(), decoded.transportEnd());
        } else if ((layers & LAYER_UDP) != 0) {
            udp.wrap(segment, decoded.transportOffset(), decoded.transportEnd());
        } else if ((layers & (LAYER_ICMP | LAYER_ICMPV6)) != 0) {
            icmp.wrap(segment, decoded.transportOffset());
        }
    }
}
