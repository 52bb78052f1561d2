/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser.internal;

import dev.ferrum.parser.Ipv4Header;
import dev.ferrum.parser.Ipv6Header;
import dev.ferrum.parser.Packet;

/**
 * Formats a packet the way {@code tshark -T fields -E separator=| -E occurrence=f} prints the fields
 * frame.time_epoch, frame.len, frame.cap_len, ip.src, ip.dst, ipv6.src, ipv6.dst, ip.proto, ipv6.nxt,
 * tcp.srcport, tcp.dstport, udp.srcport, udp.dstport, tcp.seq_raw, tcp.ack_raw, tcp.flags, tcp.len, udp.length.
 * Shared by the {@code dump} command and the golden tests, so what the CLI prints is what the tests verify.
 */
public final class TsharkFields {

    /** The header line naming the fields, separated by {@code |}. */
    public static final String HEADER = "frame.time_epoch|frame.len|frame.cap_len|ip.src|ip.dst|ipv6.src|ipv6.dst"
            + "|ip.proto|ipv6.nxt|tcp.srcport|tcp.dstport|udp.srcport|udp.dstport|tcp.seq_raw|tcp.ack_raw|tcp.flags"
            + "|tcp.len|udp.length";

    private TsharkFields() {}

    /** One line for {@code packet}. */
    public static String line(Packet packet) {
        return append(packet, new StringBuilder(160)).toString();
    }

    /** Appends one line (no newline) for {@code packet} to {@code out}. */
    public static StringBuilder append(Packet packet, StringBuilder out) {
        out.append(packet.timestampSeconds()).append('.');
        int nanos = packet.timestampNanos();
        for (int scale = 100_000_000; scale > 0; scale /= 10) {
            out.append((char) ('0' + nanos / scale % 10));
        }
        out.append('|')
                .append(packet.originalLength())
                .append('|')
                .append(packet.capturedLength())
                .append('|');
        boolean v4 = packet.has(Packet.LAYER_IPV4);
        boolean v6 = packet.has(Packet.LAYER_IPV6);
        if (v4) {
            Ipv4Header ip = packet.ipv4();
            Ipv4Header.appendAddress(ip.source(), out).append('|');
            Ipv4Header.appendAddress(ip.destination(), out).append("|||");
        } else if (v6) {
            Ipv6Header ip = packet.ipv6();
            out.append("||");
            Ipv6Header.appendAddress(ip.sourceHigh(), ip.sourceLow(), out).append('|');
            Ipv6Header.appendAddress(ip.destinationHigh(), ip.destinationLow(), out)
                    .append('|');
        } else {
            out.append("||||");
        }
        if (v4) {
            out.append(packet.ipv4().protocol());
        }
        out.append('|');
        if (v6) {
            out.append(packet.ipv6().nextHeader());
        }
        out.append('|');
        boolean tcp = packet.has(Packet.LAYER_TCP);
        boolean udp = packet.has(Packet.LAYER_UDP);
        if (tcp) {
            out.append(packet.tcp().sourcePort())
                    .append('|')
                    .append(packet.tcp().destinationPort())
                    .append("|||");
        } else if (udp) {
            out.append("||")
                    .append(packet.udp().sourcePort())
                    .append('|')
                    .append(packet.udp().destinationPort())
                    .append('|');
        } else {
            out.append("||||");
        }
        if (tcp) {
            var header = packet.tcp();
            out.append(header.sequenceNumber()).append('|');
            out.append(header.acknowledgementNumber()).append("|0x");
            int flags = header.flags();
            for (int shift = 12; shift >= 0; shift -= 4) {
                out.append(Character.forDigit((flags >>> shift) & 15, 16));
            }
            out.append('|').append(packet.payloadLength()).append('|');
        } else {
            out.append("||||");
        }
        if (udp) {
            out.append(packet.udp().length());
        }
        return out;
    }
}
