/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser.internal;

import dev.ferrum.parser.EthernetHeader;
import dev.ferrum.parser.Ipv4Header;
import dev.ferrum.parser.Ipv6Header;
import dev.ferrum.parser.Packet;
import java.util.List;

/**
 * Packet fields by their tshark names ({@code frame.len}, {@code ip.src}, {@code tcp.flags}, ...), formatted the
 * way {@code tshark -T fields -E occurrence=f} prints them, so {@code ferrum-pcap dump -e ...} output can be
 * diffed against tshark's. Occurrence "first" means: the outer packet's field if it has one, else the field of
 * the datagram quoted by an ICMP error (tshark prints the quoted ports as {@code tcp.srcport}).
 *
 * <p>Formatting appends to a caller's {@link StringBuilder}: no allocation per packet. Shared by the {@code dump}
 * command and the golden tests, so what the CLI prints is what the tests verify.
 */
public final class TsharkFields {

    /** Every field name this class knows, in id order. */
    public static final List<String> NAMES = List.of(
            "frame.number",
            "frame.time_epoch",
            "frame.len",
            "frame.cap_len",
            "eth.src",
            "eth.dst",
            "eth.type",
            "vlan.id",
            "ip.src",
            "ip.dst",
            "ip.proto",
            "ip.len",
            "ip.hdr_len",
            "ip.ttl",
            "ip.id",
            "ipv6.src",
            "ipv6.dst",
            "ipv6.nxt",
            "ipv6.plen",
            "ipv6.hlim",
            "tcp.srcport",
            "tcp.dstport",
            "tcp.seq_raw",
            "tcp.ack_raw",
            "tcp.flags",
            "tcp.len",
            "tcp.hdr_len",
            "tcp.window_size_value",
            "udp.srcport",
            "udp.dstport",
            "udp.length",
            "icmp.type",
            "icmp.code",
            "icmpv6.type",
            "icmpv6.code");

    /** The fields {@code dump} prints without {@code -e}, in order. */
    public static final List<String> DEFAULT = List.of(
            "frame.time_epoch",
            "frame.len",
            "frame.cap_len",
            "ip.src",
            "ip.dst",
            "ipv6.src",
            "ipv6.dst",
            "ip.proto",
            "ipv6.nxt",
            "tcp.srcport",
            "tcp.dstport",
            "udp.srcport",
            "udp.dstport",
            "tcp.seq_raw",
            "tcp.ack_raw",
            "tcp.flags",
            "tcp.len",
            "udp.length");

    /** The header line naming the default fields, separated by {@code |}. */
    public static final String HEADER = String.join("|", DEFAULT);

    private static final int[] DEFAULT_IDS = ids(DEFAULT);

    private TsharkFields() {}

    /**
     * The id of a field name.
     *
     * @param name a tshark field name
     * @return its id for {@link #append(int, Packet, long, StringBuilder)}
     * @throws IllegalArgumentException if the name is not one of {@link #NAMES}
     */
    public static int id(String name) {
        int id = NAMES.indexOf(name);
        if (id < 0) {
            throw new IllegalArgumentException(
                    "unknown field '" + name + "'; known fields: " + String.join(", ", NAMES));
        }
        return id;
    }

    /** Ids of {@code names}. @throws IllegalArgumentException for an unknown name */
    public static int[] ids(List<String> names) {
        return names.stream().mapToInt(TsharkFields::id).toArray();
    }

    /** Whether the field's value is a number (JSON output prints it unquoted). */
    public static boolean isNumeric(int id) {
        return switch (NAMES.get(id)) {
            case "eth.src", "eth.dst", "eth.type", "ip.src", "ip.dst", "ip.id", "ipv6.src", "ipv6.dst", "tcp.flags" ->
                false;
            default -> true;
        };
    }

    /** One line of the default fields separated by {@code |} (tests). */
    public static String line(Packet packet) {
        return append(packet, new StringBuilder(160)).toString();
    }

    /** Appends the default fields separated by {@code |} (no newline). */
    public static StringBuilder append(Packet packet, StringBuilder out) {
        for (int i = 0; i < DEFAULT_IDS.length; i++) {
            if (i > 0) {
                out.append('|');
            }
            append(DEFAULT_IDS[i], packet, 0, out);
        }
        return out;
    }

    /**
     * Appends one field's value, or nothing if the packet does not have it.
     *
     * @param id     a field id ({@link #id(String)})
     * @param packet the packet
     * @param number the packet's 1-based number in the capture ({@code frame.number})
     * @param out    where to append
     * @return whether a value was appended
     */
    public static boolean append(int id, Packet packet, long number, StringBuilder out) {
        int before = out.length();
        appendOne(id, packet, number, out);
        // Occurrence "first": the quoted datagram's field. tshark computes no tcp.len inside an ICMP error.
        if (out.length() == before && id >= 8 && id != 25 && packet.hasQuoted()) {
            appendOne(id, packet.quoted(), number, out);
        }
        return out.length() != before;
    }

    private static void appendOne(int id, Packet p, long number, StringBuilder out) {
        int layers = p.layers();
        boolean v4 = (layers & Packet.LAYER_IPV4) != 0;
        boolean v6 = (layers & Packet.LAYER_IPV6) != 0;
        boolean tcp = (layers & Packet.LAYER_TCP) != 0;
        boolean udp = (layers & Packet.LAYER_UDP) != 0;
        switch (id) {
            case 0 -> out.append(number);
            case 1 -> {
                if (p.hasTimestamp()) {
                    out.append(p.timestampSeconds()).append('.');
                    int nanos = p.timestampNanos();
                    for (int scale = 100_000_000; scale > 0; scale /= 10) {
                        out.append((char) ('0' + nanos / scale % 10));
                    }
                }
            }
            case 2 -> out.append(p.originalLength());
            case 3 -> out.append(p.capturedLength());
            case 4, 5 -> {
                if ((layers & Packet.LAYER_ETHERNET) != 0) {
                    EthernetHeader.appendMac(
                            id == 4 ? p.ethernet().source() : p.ethernet().destination(), out);
                }
            }
            case 6 -> {
                if ((layers & Packet.LAYER_ETHERNET) != 0) {
                    hex4(p.ethernet().etherType(), out.append("0x"));
                }
            }
            case 7 -> {
                if (p.vlanCount() > 0) {
                    out.append(p.vlanId());
                }
            }
            case 8, 9 -> {
                if (v4) {
                    Ipv4Header.appendAddress(
                            id == 8 ? p.ipv4().source() : p.ipv4().destination(), out);
                }
            }
            case 10 -> {
                if (v4) {
                    out.append(p.ipv4().protocol());
                }
            }
            case 11 -> {
                if (v4) {
                    int length = p.ipv4().totalLength();
                    // Total length 0 (TSO): tshark shows the length it presumed from the frame.
                    out.append(length != 0 ? length : p.dataOffset() + p.originalLength() - p.networkOffset());
                }
            }
            case 12 -> {
                if (v4) {
                    out.append(p.ipv4().headerLength());
                }
            }
            case 13 -> {
                if (v4) {
                    out.append(p.ipv4().ttl());
                }
            }
            case 14 -> {
                if (v4) {
                    hex4(p.ipv4().identification(), out.append("0x"));
                }
            }
            case 15, 16 -> {
                if (v6) {
                    Ipv6Header ip = p.ipv6();
                    if (id == 15) {
                        Ipv6Header.appendAddress(ip.sourceHigh(), ip.sourceLow(), out);
                    } else {
                        Ipv6Header.appendAddress(ip.destinationHigh(), ip.destinationLow(), out);
                    }
                }
            }
            case 17 -> {
                if (v6) {
                    out.append(p.ipv6().nextHeader());
                }
            }
            case 18 -> {
                if (v6) {
                    out.append(p.ipv6().payloadLength());
                }
            }
            case 19 -> {
                if (v6) {
                    out.append(p.ipv6().hopLimit());
                }
            }
            case 20 -> present(tcp ? p.tcp().sourcePort() : -1, out);
            case 21 -> present(tcp ? p.tcp().destinationPort() : -1, out);
            // tshark reads a TCP header through its window field before it shows anything after the ports, so a
            // header cut before byte 16 shows the ports only (the API itself reports every captured field).
            case 22 -> present(tcp && p.tcp().window() >= 0 ? p.tcp().sequenceNumber() : -1, out);
            case 23 -> present(tcp && p.tcp().window() >= 0 ? p.tcp().acknowledgementNumber() : -1, out);
            case 24 -> {
                int flags = tcp && p.tcp().window() >= 0 ? p.tcp().flags() : -1;
                if (flags >= 0) {
                    out.append("0x");
                    hex4(flags, out);
                }
            }
            case 25 -> present(tcp && p.tcp().window() >= 0 && p.payloadOffset() >= 0 ? p.payloadLength() : -1, out);
            case 26 -> present(tcp && p.tcp().window() >= 0 ? p.tcp().headerLength() : -1, out);
            case 27 -> present(tcp ? p.tcp().window() : -1, out);
            case 28 -> present(udp ? p.udp().sourcePort() : -1, out);
            case 29 -> present(udp ? p.udp().destinationPort() : -1, out);
            case 30 -> present(udp ? p.udp().length() : -1, out);
            case 31, 32 -> {
                if ((layers & Packet.LAYER_ICMP) != 0) {
                    out.append(id == 31 ? p.icmp().type() : p.icmp().code());
                }
            }
            case 33, 34 -> {
                if ((layers & Packet.LAYER_ICMPV6) != 0) {
                    out.append(id == 33 ? p.icmp().type() : p.icmp().code());
                }
            }
            default -> throw new IllegalArgumentException("field id " + id);
        }
    }

    private static void present(long value, StringBuilder out) {
        if (value >= 0) {
            out.append(value);
        }
    }

    private static void hex4(int value, StringBuilder out) {
        for (int shift = 12; shift >= 0; shift -= 4) {
            out.append(Character.forDigit((value >>> shift) & 15, 16));
        }
    }
}
