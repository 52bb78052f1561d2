/*
 * Copyright 2026 the Ferrum authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.ferrum.parser;

/** The container format of a capture, detected from its first four bytes. */
public enum CaptureFormat {
    /** Classic libpcap: one global header, then 16-byte record headers; micro- or nanosecond timestamps. */
    PCAP,
    /** pcapng: typed blocks in one or more sections, each section with its own byte order and interfaces. */
    PCAPNG
}
