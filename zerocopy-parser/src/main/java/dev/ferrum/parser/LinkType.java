/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

/**
 * The link-layer header types (tcpdump.org {@code LINKTYPE_*} values) the decoder understands.
 * Packets of other link types are still framed and delivered; their layers are simply not decoded.
 */
public final class LinkType {

    /** BSD loopback: a 4-byte address family in the capturing host's byte order. */
    public static final int NULL = 0;
    /** Ethernet II, with any number of 802.1Q / 802.1ad VLAN tags. */
    public static final int ETHERNET = 1;
    /** Raw IP (version taken from the first nibble); 12 and 14 are historical aliases on some systems. */
    public static final int RAW = 101;
    /** Historical raw-IP value (OpenBSD {@code DLT_RAW}). */
    public static final int RAW_OPENBSD = 12;
    /** Historical raw-IP value (BSD/OS {@code DLT_RAW}). */
    public static final int RAW_BSDOS = 14;
    /** OpenBSD loopback: a 4-byte address family, always in network byte order. */
    public static final int LOOP = 108;
    /** Linux "cooked" capture v1 (16-byte header), as from {@code tcpdump -i any}. */
    public static final int LINUX_SLL = 113;
    /** Raw IPv4. */
    public static final int IPV4 = 228;
    /** Raw IPv6. */
    public static final int IPV6 = 229;
    /** Linux "cooked" capture v2 (20-byte header). */
    public static final int LINUX_SLL2 = 276;

    private LinkType() {}

    /** A short human name for a link type, e.g. "EN10MB" for 1. */
    public static String name(int linkType) {
        return switch (linkType) {
            case NULL -> "NULL";
            case ETHERNET -> "EN10MB";
            case LOOP -> "LOOP";
            case RAW, RAW_OPENBSD, RAW_BSDOS -> "RAW";
            case LINUX_SLL -> "LINUX_SLL";
            case LINUX_SLL2 -> "LINUX_SLL2";
            case IPV4 -> "IPV4";
            case IPV6 -> "IPV6";
            default -> "LINKTYPE_" + linkType;
        };
    }
}
