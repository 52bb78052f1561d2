/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

/**
 * Bits of {@link Packet#anomalies()}: odd packet <em>contents</em> that real captures contain (TSO frames with
 * an IPv4 total length of 0, a captured length above the file's snap length, deep VLAN stacks, a header that
 * contradicts itself). An anomaly never stops a walk, in either {@link ParseMode}: the packet is decoded as
 * far as its bytes allow and flagged. Only <em>framing</em> errors (the file itself is broken) are subject to
 * strict/lax handling.
 */
public final class Anomaly {

    /** The record's captured length is above the snap length of its file or interface (tshark reads on). */
    public static final int CAPTURED_ABOVE_SNAPLEN = 1;
    /** The record's captured length is above its original (wire) length. */
    public static final int CAPTURED_ABOVE_ORIGINAL = 1 << 1;
    /**
     * IPv4 total length 0, as TCP segmentation offload (TSO/LSO) captures show: the datagram is decoded from
     * the captured bytes, its length taken from the frame, as Wireshark does.
     */
    public static final int IPV4_TOTAL_LENGTH_ZERO = 1 << 2;
    /** More than 8 stacked VLAN tags (all are decoded). */
    public static final int DEEP_VLAN_STACK = 1 << 3;
    /** An IP version nibble that does not match its EtherType, link type or header. */
    public static final int IP_VERSION = 1 << 4;
    /** IPv4 header length (IHL) below 20 bytes, or a non-zero total length below the header length. */
    public static final int IPV4_LENGTH = 1 << 5;
    /** A header or declared length runs past a packet that the snap length did not cut. */
    public static final int PAST_CAPTURED_END = 1 << 6;
    /** TCP data offset below 20 bytes (ports still decoded). */
    public static final int TCP_DATA_OFFSET = 1 << 7;
    /** UDP length below 8 (ports and length still decoded). */
    public static final int UDP_LENGTH = 1 << 8;
    /** More than 16 IPv6 extension headers. */
    public static final int IPV6_EXTENSION_CHAIN = 1 << 9;

    private static final String[] NAMES = {
        "captured-above-snaplen",
        "captured-above-original",
        "ipv4-total-length-zero",
        "deep-vlan-stack",
        "ip-version",
        "ipv4-length",
        "past-captured-end",
        "tcp-data-offset",
        "udp-length",
        "ipv6-extension-chain"
    };

    private Anomaly() {}

    /**
     * Appends the names of the bits set in {@code anomalies}, comma-separated (e.g. {@code
     * ipv4-total-length-zero,captured-above-snaplen}).
     *
     * @param anomalies a value of {@link Packet#anomalies()}
     * @param out       where to append
     * @return {@code out}
     */
    public static StringBuilder appendNames(int anomalies, StringBuilder out) {
        boolean first = true;
        for (int bit = 0; bit < NAMES.length; bit++) {
            if ((anomalies & (1 << bit)) != 0) {
                if (!first) {
                    out.append(',');
                }
                out.append(NAMES[bit]);
                first = false;
            }
        }
        return out;
    }
}
